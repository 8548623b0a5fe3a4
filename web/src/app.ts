// The map: sigma on the loaded graph, with visual state applied through reducers (the graph is never mutated). The parts
// live beside it: what is shown (visibility.ts), theme regions and names (labels.ts), camera (camera.ts), URL (url.ts).
import Sigma from 'sigma';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { byId } from './dom.ts';
import type { ViewModel, ViewNode, ViewEdge } from './model.ts';
import { renderPanel, type PanelActions } from './panels.ts';
import { buildSearchIndex, mountSearch } from './search.ts';
import { filters, sharedBenchmarks, themesLegend, type SidebarHost } from './sidebar.ts';
import type { ViewState } from './state.ts';
import { exportGexf, exportPng } from './exporters.ts';
import { loadPendingEdges } from './load.ts';
import { EDGE_COLOR, EDGE_HIGHLIGHT, FADED_NODE } from './colors.ts';
import { LARGE_GRAPH_EDGES, mapSettings, nodeDisplay, shortLabel } from './map-style.ts';
import { computeHidden, computeHighlight, filterChanged, themeMembers, type Highlight } from './visibility.ts';
import { frameNodes, mountCameraControls } from './camera.ts';
import { mountThemeLayer } from './labels.ts';
import { syncUrl } from './url.ts';

export interface MountedApp {
  sigma: Sigma<ViewNode, ViewEdge>;
  select(key: string | null): void;
  /** Resolves once every edge is on the map (at once, unless a large graph's edges come after its first frame). */
  edgesLoaded: Promise<void>;
  kill(): void;
}

/** What the map can do beyond its own graph: in one theme of a large build, look up and open papers of other themes. */
export type AppLinks = Pick<PanelActions, 'elsewhere' | 'openElsewhere'>;

export function mountApp(model: ViewModel, initial: ViewState, links: AppLinks = {}): MountedApp {
  const { graph } = model;
  const container = byId('map');
  const panel = byId('panel');
  const panelBody = byId('panel-body');
  const labelsLayer = byId('theme-labels');
  let state: ViewState = initial;
  let hovered: string | null = null;
  const hidden = new Set<string>();
  let hl: Highlight = { nodes: null, edges: null, focal: null };
  let previous: Highlight = hl;
  const labels = new Map<string, string>();
  graph.forEachNode((key, a) => labels.set(key, shortLabel(a.label)));
  const recomputeHighlight = () => {
    previous = hl;
    hl = computeHighlight(model, state, hovered);
  };

  // Filters and highlights from the URL apply before the first frame: sigma processes the graph once, not twice.
  computeHidden(model, state, hidden);
  recomputeHighlight();
  const large = graph.size + (model.pendingEdges?.length ?? 0) > LARGE_GRAPH_EDGES;
  const sigma = new Sigma<ViewNode, ViewEdge>(graph, container, {
    ...mapSettings(large),
    nodeReducer: (key, a) => {
      const out = nodeDisplay(a, labels.get(key) ?? a.label);
      if (hidden.has(key)) out.hidden = true;
      if (hl.nodes) {
        if (hl.nodes.has(key)) {
          out.zIndex = 2;
          // A small neighbourhood is read by its names: label all of it.
          if (hl.nodes.size <= 40) out.forceLabel = true;
          if (key === hl.focal || key === state.selected) {
            out.forceLabel = true;
            out.highlighted = true;
            out.zIndex = 3;
          }
        } else {
          out.color = FADED_NODE;
          out.label = '';
          out.zIndex = 0;
        }
      }
      return out as NodeDisplayData;
    },
    edgeReducer: (key, a) => {
      const out: Partial<EdgeDisplayData> = { color: EDGE_COLOR, size: 0.5 + Math.min(1.5, (a.weight ?? 1) / 4) };
      if (hl.edges) {
        if (hl.edges.has(key)) {
          out.color = EDGE_HIGHLIGHT;
          out.size = 1.2;
          out.zIndex = 1;
        } else if (!large) out.hidden = true;
      }
      return out as EdgeDisplayData;
    },
  });

  performance.mark('paper-kg:sigma');

  /**
   * Redraws after a highlight change. NOTE: on large graphs only the items whose look changed are reprocessed (sigma's
   * partialGraph refresh): a full reprocess of 50k edges costs hundreds of ms, too slow for hover and search. The other
   * edges then keep their light colour instead of disappearing.
   */
  const refreshHighlight = () => {
    if (!large) return void sigma.refresh({ skipIndexation: true });
    const before = previous.nodes;
    let nodes: Iterable<string>;
    if (before && hl.nodes) nodes = new Set([...before, ...hl.nodes]);
    else if (before || hl.nodes) nodes = graph.nodes();
    else nodes = [];
    const edges = new Set([...(previous.edges ?? []), ...(hl.edges ?? [])]);
    sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
  };

  const selectedTheme = () => (state.selected?.startsWith('theme:') ? state.selected.slice(6) : null);
  const themeShown = (id: string) => !state.hiddenThemes.has(id) && (state.onlyTheme === null || state.onlyTheme === id);
  const themeDim = (id: string) => {
    const focus = selectedTheme() ?? state.focusTheme;
    if (focus) return focus !== id;
    return hl.nodes !== null && !hovered && state.selected !== null;
  };
  const themeLayer = mountThemeLayer(sigma, model, labelsLayer, { isShown: themeShown, isDim: themeDim, onPick: (id) => actions.openTheme(id) });
  themeLayer.setHidden(hidden);
  sigma.on('afterRender', themeLayer.render);
  // NOTE: sigma drew its first frame in its constructor, before this listener existed.
  themeLayer.render();
  performance.mark('paper-kg:themes');

  const visibleNodes = () => graph.filterNodes((k) => !hidden.has(k));
  /** Frames what the filters show (the whole map when nothing is hidden). */
  const fit = (animate = true) => {
    if (hidden.size === 0) {
      const target = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
      if (animate) void sigma.getCamera().animate(target, { duration: 450 });
      else sigma.getCamera().setState(target);
    } else frameNodes(sigma, visibleNodes(), animate);
  };

  const showPanel = () => {
    const content = state.selected ? renderPanel(model, state.selected, actions) : null;
    panel.hidden = content === null;
    document.body.classList.toggle('has-panel', content !== null);
    panelBody.replaceChildren(...(content ? [content] : []));
    if (content) panelBody.scrollTop = 0;
  };

  let parts: Array<ReturnType<typeof themesLegend>> = [];
  const update = (patch: Partial<ViewState>, opts: { refocus?: boolean; reframe?: boolean } = {}) => {
    const prev = state;
    state = { ...state, ...patch };
    const filtersMoved = filterChanged(prev, state);
    if (filtersMoved) {
      computeHidden(model, state, hidden);
      themeLayer.setHidden(hidden);
    }
    recomputeHighlight();
    if (prev.selected !== state.selected) showPanel();
    for (const p of parts) p.sync(state);
    if (filtersMoved) sigma.refresh();
    else refreshHighlight();
    // Filters re-frame the camera on what they leave (after sigma has the new display data).
    if (filtersMoved && opts.reframe !== false) fit();
    if (opts.refocus && state.selected) panel.focus();
    url.write();
  };

  const actions = {
    select(key: string | null, refocus = false) {
      update({ selected: key }, { refocus });
      if (!key) return;
      if (graph.hasNode(key)) frameNodes(sigma, [key]);
      else if (key.startsWith('author:')) frameNodes(sigma, model.papersByAuthor.get(key.slice(7)) ?? []);
      else if (key.startsWith('theme:')) frameNodes(sigma, themeMembers(model, key.slice(6), hidden));
    },
    focusTheme(id: string | null) {
      update({ focusTheme: id, selected: id ? `theme:${id}` : null });
      if (id) frameNodes(sigma, themeMembers(model, id, hidden));
    },
    openTheme(id: string) {
      actions.focusTheme(id);
    },
    /** Only the papers of that year (the months of it the graph has). */
    filterYear(year: string) {
      const months = model.months.filter((m) => m.startsWith(`${year}-`));
      if (months.length) update({ from: months[0], to: months[months.length - 1] });
    },
    ...links,
  };

  const host: SidebarHost = {
    model,
    state: () => state,
    update: (patch) => {
      update(patch);
      // An opened benchmark brings its papers into view.
      if (patch.benchmark && graph.hasNode(patch.benchmark)) frameNodes(sigma, [patch.benchmark, ...graph.neighbors(patch.benchmark)]);
    },
    select: (key) => actions.select(key),
    focusTheme: (id) => actions.focusTheme(id),
  };
  const sidebar = byId('sidebar-content');
  parts.push(themesLegend(host), filters(host), sharedBenchmarks(host));
  sidebar.replaceChildren(...parts.map((p) => p.element));
  performance.mark('paper-kg:sidebar');

  sigma.on('enterNode', ({ node }) => {
    hovered = node;
    recomputeHighlight();
    refreshHighlight();
    container.style.cursor = 'pointer';
  });
  sigma.on('leaveNode', () => {
    hovered = null;
    recomputeHighlight();
    refreshHighlight();
    container.style.cursor = '';
  });
  sigma.on('clickNode', ({ node }) => actions.select(node));
  sigma.on('clickStage', () => {
    if (state.selected || state.focusTheme || state.benchmark) update({ selected: null, focusTheme: null, benchmark: null });
  });

  const url = syncUrl(
    sigma as unknown as Sigma,
    () => state,
    (next) => {
      const { camera, ...rest } = next;
      update(rest, { reframe: !camera });
      if (camera) sigma.getCamera().setState(camera);
    },
  );
  const controls = mountCameraControls(sigma, container, () => fit());
  byId('map-wrap').append(controls.element);

  const unmountSearch = mountSearch(byId<HTMLInputElement>('search'), byId<HTMLUListElement>('suggestions'), buildSearchIndex(model), (key) =>
    actions.select(key, true),
  );
  performance.mark('paper-kg:search');
  const closePanel = () => update({ selected: null });
  byId('close-panel').onclick = closePanel;
  const onKey = (ev: KeyboardEvent) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement || ev.target instanceof HTMLTextAreaElement;
    if (ev.key === 'Escape' && !typing && state.selected) closePanel();
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      byId('search').focus();
    }
  };
  document.addEventListener('keydown', onKey);
  byId('export-gexf').onclick = () => exportGexf(model, hidden);
  byId('export-png').onclick = () => void exportPng(sigma, model, themeLayer, hidden);

  // First paint: the panel and sidebar follow the URL; the camera too, when it has one.
  showPanel();
  for (const p of parts) p.sync(state);
  if (initial.camera) sigma.getCamera().setState(initial.camera);
  else if (initial.selected && graph.hasNode(initial.selected)) frameNodes(sigma, [initial.selected], false);
  else if (hidden.size) fit(false);

  // A large graph's edges: validated and added once its nodes are on screen (two frames later). Sigma listens to the graph,
  // indexes each edge and schedules one full pass; what depends on edges (shared benchmarks, the panel, highlights, the
  // degree and date filters) is worked out again then.
  let killed = false;
  const edgesLoaded = !model.pendingEdges
    ? Promise.resolve()
    : new Promise<void>((ok, ko) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            // NOTE: after a first frame drawn from first-frame.json (preview.ts), this is the full map's.
            performance.mark(performance.getEntriesByName('paper-kg:first-frame').length ? 'paper-kg:full-map' : 'paper-kg:first-frame');
            setTimeout(() => {
              if (killed) return ok();
              try {
                loadPendingEdges(model);
              } catch (e) {
                return ko(e);
              }
              parts = [parts[0], parts[1], sharedBenchmarks(host)];
              sidebar.replaceChildren(...parts.map((p) => p.element));
              computeHidden(model, state, hidden);
              themeLayer.setHidden(hidden);
              recomputeHighlight();
              showPanel();
              for (const p of parts) p.sync(state);
              if (hl.nodes || hidden.size) sigma.scheduleRefresh();
              performance.mark('paper-kg:edges');
              ok();
            }, 0);
          }),
        );
      });

  return {
    sigma,
    select: (key) => actions.select(key),
    edgesLoaded,
    kill() {
      killed = true;
      url.dispose();
      controls.dispose();
      unmountSearch();
      document.removeEventListener('keydown', onKey);
      sigma.kill();
      themeLayer.dispose();
      sidebar.replaceChildren();
      panelBody.replaceChildren();
      panel.hidden = true;
    },
  };
}
