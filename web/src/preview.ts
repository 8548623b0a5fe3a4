// The map's first frame, drawn from first-frame.json (each node's kind, theme, colour, position, size and label) while
// graph.json is still on its way: the same sigma settings, node display and theme layer as the full map (map-style.ts,
// labels.ts), no edges, no panels. main.ts replaces it with the full map (app.ts) once graph.json is loaded.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { NodeDisplayData } from 'sigma/types';
import { FirstFrameSchema, type FirstFrameJson } from '../../src/model/first-frame-json.ts';
import { byId } from './dom.ts';
import { frameNodes } from './camera.ts';
import { mountThemeLayer, type MapTheme } from './labels.ts';
import { LARGE_GRAPH_EDGES, mapSettings, nodeDisplay, shortLabel } from './map-style.ts';
import type { ViewEdge, ViewGraph, ViewNode } from './model.ts';
import type { ViewState } from './state.ts';

export interface MountedPreview {
  kill(): void;
}

/**
 * Whether a state can be drawn from first-frame.json alone: filters by kind or theme and a camera can; a selection, a
 * highlight, a date range or a degree filter need graph.json (neighbours, dates, degrees), so the viewer waits for it.
 */
export function previewable(state: ViewState): boolean {
  return (
    state.selected === null &&
    state.focusTheme === null &&
    state.benchmark === null &&
    state.from === null &&
    state.to === null &&
    state.minDegree === 0 &&
    state.view === null
  );
}

/** first-frame.json, validated (null when it is not a first-frame file this viewer reads: the viewer then waits for graph.json). */
export async function readFirstFrame(response: Response | null): Promise<FirstFrameJson | null> {
  if (!response || response.status !== 200) return null;
  try {
    const parsed = FirstFrameSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Draws the first frame; its nodes are keyed by their index in graph.json. */
export function mountPreview(data: FirstFrameJson, state: ViewState): MountedPreview {
  const graph: ViewGraph = new Graph({ type: 'undirected' });
  const hidden = new Set<string>();
  const labels: string[] = [];
  for (let i = 0; i < data.nodes; i++) {
    const key = String(i);
    const kind = data.kind[i];
    const theme = data.theme[i];
    // NOTE: only what the display and the theme layer read; the full map gets its nodes from graph.json.
    graph.addNode(key, { kind, theme, color: data.color[i], x: data.x[i], y: data.y[i], size: data.size[i], label: data.label[i] } as ViewNode);
    labels.push(shortLabel(data.label[i]));
    // The filters app.ts applies that need nothing but kinds and themes (visibility.ts's computeHidden).
    if (!state.kinds.has(kind) || state.hiddenThemes.has(theme) || (state.onlyTheme !== null && theme !== state.onlyTheme)) hidden.add(key);
  }
  const sigma = new Sigma<ViewNode, ViewEdge>(graph, byId('map'), {
    ...mapSettings(data.edges > LARGE_GRAPH_EDGES, true),
    nodeReducer: (key, a) => {
      const out = nodeDisplay(a, labels[Number(key)]);
      if (hidden.has(key)) out.hidden = true;
      return out as NodeDisplayData;
    },
  });
  const themes: MapTheme[] = data.themes;
  const themeShown = (id: string) => !state.hiddenThemes.has(id) && (state.onlyTheme === null || state.onlyTheme === id);
  const layer = mountThemeLayer(sigma, { graph, themes, themeById: new Map(themes.map((t) => [t.id, t])) }, byId('theme-labels'), {
    isShown: themeShown,
    isDim: () => false,
    onPick: () => undefined,
  });
  layer.setHidden(hidden);
  sigma.on('afterRender', layer.render);
  layer.render();
  // The camera as app.ts sets it for the same state.
  if (state.camera) sigma.getCamera().setState(state.camera);
  else if (hidden.size)
    frameNodes(
      sigma,
      graph.filterNodes((k) => !hidden.has(k)),
      false,
    );
  return {
    kill() {
      sigma.kill();
      layer.dispose();
    },
  };
}
