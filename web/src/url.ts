// The URL as the view's memory: the state (and camera) written to the hash after changes settle, and read back on hashchange.
import type Sigma from 'sigma';
import { hashToState, stateToHash, type ViewState } from './state.ts';

export interface UrlSync {
  /** Schedules a write of the current state (debounced: camera moves come at frame rate). */
  write(): void;
  dispose(): void;
}

export function syncUrl(sigma: Sigma, getState: () => ViewState, onExternalChange: (next: ViewState) => void): UrlSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const c = sigma.getCamera().getState();
      const hash = stateToHash({ ...getState(), camera: { x: c.x, y: c.y, ratio: c.ratio } });
      if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
    }, 250);
  };
  const onHash = () => onExternalChange(hashToState(location.hash));
  window.addEventListener('hashchange', onHash);
  sigma.getCamera().on('updated', write);
  return {
    write,
    dispose() {
      clearTimeout(timer);
      window.removeEventListener('hashchange', onHash);
    },
  };
}
