// What the map shows and what it brightens: the filters as a set of hidden nodes, and the highlight around a selection.
import type { ViewModel, ViewNode } from './model.ts';
import type { ViewState } from './state.ts';

export function filterChanged(a: ViewState, b: ViewState): boolean {
  return (
    a.onlyTheme !== b.onlyTheme ||
    a.from !== b.from ||
    a.to !== b.to ||
    a.minDegree !== b.minDegree ||
    [...a.kinds].sort().join() !== [...b.kinds].sort().join() ||
    [...a.hiddenThemes].sort().join() !== [...b.hiddenThemes].sort().join()
  );
}

/** The nodes the filters hide. */
export function computeHidden(model: ViewModel, state: ViewState, hidden = new Set<string>()): Set<string> {
  const { graph } = model;
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
  return hidden;
}

export interface Highlight {
  nodes: Set<string> | null;
  edges: Set<string> | null;
  /** The node the highlight is around, if any. */
  focal: string | null;
}

export function themeMembers(model: ViewModel, id: string, hidden?: Set<string>): string[] {
  const members: string[] = [];
  model.graph.forEachNode((k, a) => (a.theme === id && !hidden?.has(k) ? members.push(k) : undefined));
  return members;
}

/** The hovered node's neighbourhood, else the selection's (a node, an author's papers, a theme), else the opened benchmark's or focused theme's. */
export function computeHighlight(model: ViewModel, state: ViewState, hovered: string | null): Highlight {
  const { graph } = model;
  const around = (key: string): Highlight => ({ focal: key, nodes: new Set([key, ...graph.neighbors(key)]), edges: new Set(graph.edges(key)) });
  const among = (nodes: Iterable<string>): Highlight => {
    const set = new Set(nodes);
    const edges = new Set<string>();
    for (const n of set) graph.forEachEdge(n, (e, _a, s, t) => (set.has(s) && set.has(t) ? edges.add(e) : undefined));
    return { focal: null, nodes: set, edges };
  };
  const selectedNode = state.selected && graph.hasNode(state.selected) ? state.selected : null;
  if (hovered) return around(hovered);
  if (selectedNode) return around(selectedNode);
  if (state.selected?.startsWith('author:')) return among(model.papersByAuthor.get(state.selected.slice(7)) ?? []);
  if (state.selected?.startsWith('theme:') && model.themeById.has(state.selected.slice(6))) return among(themeMembers(model, state.selected.slice(6)));
  if (state.benchmark && graph.hasNode(state.benchmark)) return around(state.benchmark);
  if (state.focusTheme) return among(themeMembers(model, state.focusTheme));
  return { nodes: null, edges: null, focal: null };
}
