// The map: sigma on the loaded graph, with visual state applied through reducers (the graph is never mutated).
import Sigma from 'sigma';
import type { NodeDisplayData, EdgeDisplayData } from 'sigma/types';
import { createNodeBorderProgram } from '@sigma/node-border';
import { NodeSquareProgram } from '@sigma/node-square';
import { EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import { byId, el } from './dom.ts';
import { KIND_COLORS, type ViewModel, type ViewNode, type ViewEdge } from './model.ts';
import { renderPanel } from './panels.ts';
import { buildSearchIndex, mountSearch } from './search.ts';
import { filters, sharedBenchmarks, themesLegend, type SidebarHost } from './sidebar.ts';
import { hashToState, stateToHash, type ViewState } from './state.ts';
import { exportGexf, exportPng } from './exporters.ts';
import { loadPendingEdges } from './load.ts';

export interface MountedApp {
  sigma: Sigma<ViewNode, ViewEdge>;
  select(key: string | null): void;
  /** Resolves once every edge is on the map (at once, unless a large graph's edges come after its first frame). */
  edgesLoaded: Promise<void>;
  kill(): void;
}

const FADED_NODE = '#dadee4';
const EDGE_COLOR = '#d5dae1';
const EDGE_HIGHLIGHT = '#7b8595';
const LABEL_MAX = 40;
const LARGE_GRAPH_EDGES = 20_000;

const PaperProgram = createNodeBorderProgram<ViewNode, ViewEdge>({
  borders: [
    { size: { value: 0.18 }, color: { value: '#ffffff' } },
    { size: { fill: true }, color: { attribute: 'color' } },
  ],
});

function shortLabel(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1).trimEnd()}…` : label;
}

function filterChanged(a: ViewState, b: ViewState): boolean {
  return (
    a.onlyTheme !== b.onlyTheme ||
    a.from !== b.from ||
    a.to !== b.to ||
    a.minDegree !== b.minDegree ||
    [...a.kinds].sort().join() !== [...b.kinds].sort().join() ||
    [...a.hiddenThemes].sort().join() !== [...b.hiddenThemes].sort().join()
  );
}

export function mountApp(model: ViewModel, initial: ViewState): MountedApp {
  const { graph } = model;
  const container = byId('map');
  const panel = byId('panel');
  const panelBody = byId('panel-body');
  const labelsLayer = byId('theme-labels');
  let state: ViewState = initial;
  let hovered: string | null = null;
  const hidden = new Set<string>();
  let highlight: Set<string> | null = null;
  let highlightEdges: Set<string> | null = null;
  let focal: string | null = null;
  const labels = new Map<string, string>();
  graph.forEachNode((key, a) => labels.set(key, shortLabel(a.label)));

  const computeVisibility = () => {
    hidden.clear();
    const paperHidden = (a: Extract<ViewNode, { kind: 'paper' }>) => {
      const month = a.date?.slice(0, 7);
      return (state.from !== null && (!month || month < state.from)) || (state.to !== null && (!month || month > state.to));
    };
    graph.forEachNode((key, a) => {
      const off =
        !state.kinds.has(a.kind) ||
        state.hiddenThemes.has(a.theme) ||
        (state.onlyTheme !== null && a.theme !== state.onlyTheme) ||
        graph.degree(key) < state.minDegree ||
        (a.kind === 'paper' && paperHidden(a));
      if (off) hidden.add(key);
    });
    // NOTE: with a date range, a concept whose papers are all out of range has nothing to show: hide it too.
    if (state.from !== null || state.to !== null) {
      graph.forEachNode((key, a) => {
        if (a.kind === 'paper' || hidden.has(key)) return;
        let any = false;
        graph.forEachNeighbor(key, (n, na) => {
          if (!any && na.kind === 'paper' && !hidden.has(n)) any = true;
        });
        if (!any) hidden.add(key);
      });
    }
  };

  let previous: { nodes: Set<string> | null; edges: Set<string> | null } = { nodes: null, edges: null };
  const computeHighlight = () => {
    previous = { nodes: highlight, edges: highlightEdges };
    highlight = null;
    highlightEdges = null;
    focal = null;
    const around = (key: string) => {
      focal = key;
      highlight = new Set([key, ...graph.neighbors(key)]);
      highlightEdges = new Set(graph.edges(key));
    };
    const among = (nodes: Iterable<string>) => {
      const set = new Set(nodes);
      const edges = new Set<string>();
      for (const n of set) graph.forEachEdge(n, (e, _a, s, t) => (set.has(s) && set.has(t) ? edges.add(e) : undefined));
      highlight = set;
      highlightEdges = edges;
    };
    const selectedNode = state.selected && graph.hasNode(state.selected) ? state.selected : null;
    if (hovered) around(hovered);
    else if (selectedNode) around(selectedNode);
    else if (state.selected?.startsWith('author:')) among(model.papersByAuthor.get(state.selected.slice(7)) ?? []);
    else if (state.benchmark && graph.hasNode(state.benchmark)) around(state.benchmark);
    else if (state.focusTheme) {
      const members: string[] = [];
      graph.forEachNode((k, a) => (a.theme === state.focusTheme ? members.push(k) : undefined));
      among(members);
    }
  };

  // Filters and highlights from the URL apply before the first frame: sigma processes the graph once, not twice.
  computeVisibility();
  computeHighlight();
  const large = graph.size + (model.pendingEdges?.length ?? 0) > LARGE_GRAPH_EDGES;
  const sigma = new Sigma<ViewNode, ViewEdge>(graph, container, {
    // NOTE: on large graphs hairline edges (gl.LINES) cost a fraction of quads, which matters most on software WebGL.
    edgeProgramClasses: { line: EdgeLineProgram, rect: EdgeRectangleProgram },
    defaultEdgeType: large ? 'line' : 'rect',
    nodeProgramClasses: { paper: PaperProgram, concept: NodeSquareProgram as unknown as typeof PaperProgram },
    defaultNodeType: 'paper',
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    labelDensity: 0.2,
    labelGridCellSize: 150,
    labelRenderedSizeThreshold: 8,
    defaultEdgeColor: EDGE_COLOR,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 4,
    // NOTE: at tens of thousands of edges, drawing them while panning costs more frames than it is worth.
    hideEdgesOnMove: large,
    nodeReducer: (key, a) => {
      const out: Partial<NodeDisplayData> & { type: string } = {
        x: a.x,
        y: a.y,
        size: a.size,
        label: labels.get(key) ?? a.label,
        color: a.kind === 'paper' || a.kind === 'other' ? a.color : KIND_COLORS[a.kind],
        type: a.kind === 'paper' || a.kind === 'other' ? 'paper' : 'concept',
        zIndex: a.kind === 'paper' ? 1 : 0,
      };
      if (hidden.has(key)) out.hidden = true;
      if (highlight) {
        if (highlight.has(key)) {
          out.zIndex = 2;
          // A small neighbourhood is read by its names: label all of it.
          if (highlight.size <= 40) out.forceLabel = true;
          if (key === focal || key === state.selected) {
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
      if (highlightEdges) {
        if (highlightEdges.has(key)) {
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
    if (before && highlight) nodes = new Set([...before, ...highlight]);
    else if (before || highlight) nodes = graph.nodes();
    else nodes = [];
    const edges = new Set([...(previous.edges ?? []), ...(highlightEdges ?? [])]);
    sigma.refresh({ partialGraph: { nodes: [...nodes], edges: [...edges] }, skipIndexation: true });
  };
  // Theme names: an HTML layer moved after every render, so they stay crisp and never collide with WebGL labels.
  const themeLabels = model.themes.map((t) => {
    const div = el('div', { class: 'theme-label', text: t.name });
    div.style.setProperty('--theme', t.color);
    div.style.fontSize = `${Math.round(12 + Math.min(8, Math.sqrt(t.size)))}px`;
    labelsLayer.append(div);
    return { t, div };
  });
  // Measured once: reading sizes on every frame would force a layout per frame.
  const labelSizes = themeLabels.map(({ div }) => ({ w: div.offsetWidth, h: div.offsetHeight }));
  const labelOrder = themeLabels.map((_, i) => i).sort((a, b) => themeLabels[b].t.size - themeLabels[a].t.size);
  const placeThemeLabels = () => {
    const ratio = sigma.getCamera().ratio;
    const placed: Array<{ x: number; y: number; w: number; h: number }> = [];
    const overlaps = (r: { x: number; y: number; w: number; h: number }) =>
      placed.some((p) => Math.abs(p.x - r.x) * 2 < p.w + r.w && Math.abs(p.y - r.y) * 2 < p.h + r.h);
    // Larger themes first; a name that would cover another moves a line up or down, else waits for a closer zoom.
    for (const i of labelOrder) {
      const { t, div } = themeLabels[i];
      let off = state.hiddenThemes.has(t.id) || (state.onlyTheme !== null && state.onlyTheme !== t.id) || ratio < 0.25;
      if (!off) {
        const p = sigma.graphToViewport({ x: t.x, y: t.y });
        const { w, h } = labelSizes[i];
        const spot = [0, 1, -1, 2, -2].map((k) => ({ x: p.x, y: p.y + k * h, w, h })).find((r) => !overlaps(r));
        if (spot) {
          placed.push(spot);
          div.style.transform = `translate(-50%, -50%) translate(${spot.x}px, ${spot.y}px)`;
          div.classList.toggle('dim', highlight !== null && state.focusTheme !== t.id);
        } else off = true;
      }
      div.hidden = off;
    }
  };
  sigma.on('afterRender', placeThemeLabels);
  // NOTE: sigma drew its first frame in its constructor, before this listener existed.
  placeThemeLabels();

  const moveTo = (keys: string[], animate = true) => {
    const camera = sigma.getCamera();
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const k of keys) {
      const d = sigma.getNodeDisplayData(k);
      if (!d) continue;
      minX = Math.min(minX, d.x);
      maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y);
      maxY = Math.max(maxY, d.y);
    }
    if (!Number.isFinite(minX)) return;
    const ratio = keys.length === 1 ? Math.min(camera.ratio, 0.5) : Math.min(1.2, Math.max(0.15, Math.max(maxX - minX, maxY - minY) * 1.3));
    const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
    if (animate) camera.animate(target, { duration: 450 });
    else camera.setState(target);
  };

  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  const writeUrl = () => {
    clearTimeout(writeTimer);
    writeTimer = setTimeout(() => {
      const c = sigma.getCamera().getState();
      const hash = stateToHash({ ...state, camera: { x: c.x, y: c.y, ratio: c.ratio } });
      if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
    }, 250);
  };

  const showPanel = () => {
    const content = state.selected ? renderPanel(model, state.selected, actions) : null;
    panel.hidden = content === null;
    document.body.classList.toggle('has-panel', content !== null);
    panelBody.replaceChildren(...(content ? [content] : []));
    if (content) panelBody.scrollTop = 0;
  };

  let parts: ReturnType<typeof themesLegend>[] = [];
  const update = (patch: Partial<ViewState>, opts: { refocus?: boolean } = {}) => {
    const prev = state;
    state = { ...state, ...patch };
    const filtersMoved = filterChanged(prev, state);
    if (filtersMoved) computeVisibility();
    computeHighlight();
    if (prev.selected !== state.selected) showPanel();
    for (const p of parts) p.sync(state);
    if (filtersMoved) sigma.refresh();
    else refreshHighlight();
    if (opts.refocus && state.selected) panel.focus();
    writeUrl();
  };

  const actions = {
    select(key: string | null, refocus = false) {
      update({ selected: key }, { refocus });
      if (!key) return;
      if (graph.hasNode(key)) moveTo([key]);
      else if (key.startsWith('author:')) moveTo(model.papersByAuthor.get(key.slice(7)) ?? []);
    },
    focusTheme(id: string | null) {
      update({ focusTheme: id, selected: null });
      if (!id) return;
      const members: string[] = [];
      graph.forEachNode((k, a) => (a.theme === id && !hidden.has(k) ? members.push(k) : undefined));
      moveTo(members);
    },
  };

  const host: SidebarHost = {
    model,
    state: () => state,
    update: (patch) => {
      update(patch);
      // An opened benchmark brings its papers into view.
      if (patch.benchmark && graph.hasNode(patch.benchmark)) moveTo([patch.benchmark, ...graph.neighbors(patch.benchmark)]);
    },
    select: (key) => actions.select(key),
    focusTheme: (id) => actions.focusTheme(id),
  };
  const sidebar = byId('sidebar-content');
  parts.push(themesLegend(host), filters(host), sharedBenchmarks(host));
  sidebar.replaceChildren(...parts.map((p) => p.element));

  sigma.on('enterNode', ({ node }) => {
    hovered = node;
    computeHighlight();
    refreshHighlight();
    container.style.cursor = 'pointer';
  });
  sigma.on('leaveNode', () => {
    hovered = null;
    computeHighlight();
    refreshHighlight();
    container.style.cursor = '';
  });
  sigma.on('clickNode', ({ node }) => actions.select(node));
  sigma.on('clickStage', () => {
    if (state.selected || state.focusTheme || state.benchmark) update({ selected: null, focusTheme: null, benchmark: null });
  });
  sigma.getCamera().on('updated', writeUrl);

  const unmountSearch = mountSearch(byId<HTMLInputElement>('search'), byId<HTMLUListElement>('suggestions'), buildSearchIndex(model), (key) => actions.select(key, true));
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
  const onHash = () => {
    const next = hashToState(location.hash);
    const { camera, ...rest } = next;
    update(rest);
    if (camera) sigma.getCamera().setState(camera);
  };
  window.addEventListener('hashchange', onHash);
  byId('export-gexf').onclick = () => exportGexf(model);
  byId('export-png').onclick = () => void exportPng(sigma);

  // First paint: the panel and sidebar follow the URL; the camera too, when it has one.
  showPanel();
  for (const p of parts) p.sync(state);
  if (initial.camera) sigma.getCamera().setState(initial.camera);
  else if (initial.selected && graph.hasNode(initial.selected)) moveTo([initial.selected], false);

  // A large graph's edges: validated and added once its nodes are on screen (two frames later). Sigma listens to the graph,
  // indexes each edge and schedules one full pass; what depends on edges (shared benchmarks, the panel, highlights, the
  // degree and date filters) is worked out again then.
  let killed = false;
  const edgesLoaded = !model.pendingEdges
    ? Promise.resolve()
    : new Promise<void>((ok, ko) => {
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            performance.mark('paper-kg:first-frame');
            setTimeout(() => {
              if (killed) return ok();
              try {
                loadPendingEdges(model);
              } catch (e) {
                return ko(e);
              }
              parts = [parts[0], parts[1], sharedBenchmarks(host)];
              sidebar.replaceChildren(...parts.map((p) => p.element));
              computeVisibility();
              computeHighlight();
              showPanel();
              for (const p of parts) p.sync(state);
              if (highlight || hidden.size) sigma.scheduleRefresh();
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
      clearTimeout(writeTimer);
      unmountSearch();
      document.removeEventListener('keydown', onKey);
      window.removeEventListener('hashchange', onHash);
      sigma.kill();
      labelsLayer.replaceChildren();
      sidebar.replaceChildren();
      panelBody.replaceChildren();
      panel.hidden = true;
    },
  };
}
