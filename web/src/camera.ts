// The camera: framing a set of nodes, zoom in / out / fit buttons, and keyboard pan and zoom on the map.
import type Sigma from 'sigma';
import { el } from './dom.ts';
import type { ViewEdge, ViewNode } from './model.ts';

type MapSigma = Sigma<ViewNode, ViewEdge>;

const ZOOM_STEP = 1.5;
const PAN_STEP = 0.15;
const DURATION = 300;

/**
 * Moves the camera so that `keys` fill the view. One node is centred at a close zoom; a group is framed by its bounding box
 * (display coordinates run 0–1 over the whole graph at ratio 1, so the box's side is the ratio that fits it).
 */
export function frameNodes(sigma: MapSigma, keys: Iterable<string>, animate = true): void {
  const camera = sigma.getCamera();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let n = 0;
  for (const k of keys) {
    const d = sigma.getNodeDisplayData(k);
    if (!d) continue;
    n++;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
  }
  if (!n) return;
  const ratio = n === 1 ? Math.min(camera.ratio, 0.5) : Math.min(1.1, Math.max(0.12, Math.max(maxX - minX, maxY - minY) * 1.25));
  const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio, angle: 0 };
  if (animate) void camera.animate(target, { duration: 450 });
  else camera.setState(target);
}

export interface CameraControls {
  element: HTMLElement;
  dispose(): void;
}

/**
 * Zoom in, zoom out and fit buttons over the map, and the keyboard on the map (focus it with Tab or a click): arrows pan,
 * + / − zoom, 0 fits what the filters show. `fit` frames the visible nodes.
 */
export function mountCameraControls(sigma: MapSigma, container: HTMLElement, fit: () => void): CameraControls {
  const camera = sigma.getCamera();
  const zoomIn = () => void camera.animatedZoom({ duration: DURATION, factor: ZOOM_STEP });
  const zoomOut = () => void camera.animatedUnzoom({ duration: DURATION, factor: ZOOM_STEP });
  const pan = (dx: number, dy: number) => {
    const s = camera.getState();
    // NOTE: a step is a share of what is on screen, so panning feels the same at every zoom. Screen y runs down, graph y up.
    // Immediate, not animated: a held key or quick presses would each restart an animation from where the last one was.
    camera.setState({ x: s.x + dx * PAN_STEP * s.ratio, y: s.y - dy * PAN_STEP * s.ratio });
  };
  const button = (text: string, label: string, on: () => void, id: string) =>
    el('button', { text, attrs: { type: 'button', 'aria-label': label, title: label, id }, on: { click: on } });
  const element = el('div', { class: 'camera-controls', attrs: { role: 'group', 'aria-label': 'Zoom' } }, [
    button('+', 'Zoom in (+)', zoomIn, 'zoom-in'),
    button('−', 'Zoom out (−)', zoomOut, 'zoom-out'),
    button('⤢', 'Fit the map to what is shown (0)', fit, 'zoom-fit'),
  ]);
  container.tabIndex = 0;
  const onKey = (ev: KeyboardEvent) => {
    if (ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => pan(-1, 0),
      ArrowRight: () => pan(1, 0),
      ArrowUp: () => pan(0, -1),
      ArrowDown: () => pan(0, 1),
      '+': zoomIn,
      '=': zoomIn,
      '-': zoomOut,
      '0': fit,
    };
    const move = moves[ev.key];
    if (!move) return;
    ev.preventDefault();
    move();
  };
  container.addEventListener('keydown', onKey);
  return {
    element,
    dispose() {
      container.removeEventListener('keydown', onKey);
      element.remove();
    },
  };
}
