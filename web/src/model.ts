// The viewer's data model: a graphology graph plus indexes built once per load (results, dates, authors, kinds).
import Graph from 'graphology';
import { CONCEPT_KINDS, type ConceptKind } from '../../src/model/concept.ts';
import type { GraphJson, NodeAttributes, EdgeAttributes, Theme } from '../../src/model/graph-json.ts';

/** A node from a foreign GEXF file: not a paper-kg paper or concept, shown with its raw attributes. */
export interface OtherNode {
  kind: 'other';
  label: string;
  x: number;
  y: number;
  size: number;
  color: string;
  theme: string;
  degree: number;
  extra: Record<string, unknown>;
}

export type ViewNode = NodeAttributes | OtherNode;
export type ViewKind = ViewNode['kind'];
export type ViewEdge = Partial<EdgeAttributes> & { weight?: number };
export type ViewGraph = Graph<ViewNode, ViewEdge>;
export type ResultRow = GraphJson['results'][number];

export const VIEW_KINDS: readonly ViewKind[] = ['paper', ...CONCEPT_KINDS, 'other'];

/** Kind colours of concept squares; papers carry their theme colour. Chosen to read on white and apart from each other. */
export const KIND_COLORS: Record<ConceptKind | 'other', string> = {
  method: '#5b6b7f',
  task: '#b5651d',
  modality: '#8e44ad',
  benchmark: '#c0392b',
  dataset: '#1e8449',
  model: '#1f618d',
  metric: '#7d6608',
  topic: '#95a5a6',
  other: '#7f8c8d',
};

export interface ViewModel {
  name: string;
  graph: ViewGraph;
  themes: Theme[];
  themeById: Map<string, Theme>;
  results: ResultRow[];
  resultsByPaper: Map<string, ResultRow[]>;
  resultsByBenchmark: Map<string, ResultRow[]>;
  /** Papers by author name, for author search. */
  papersByAuthor: Map<string, string[]>;
  /** Months ("YYYY-MM") spanned by paper dates, sorted; empty when no paper has a date. */
  months: string[];
  maxDegree: number;
  kindsPresent: Set<ViewKind>;
  /** Large graphs: edges not yet validated and added (see loadPendingEdges); the map draws the nodes first. */
  pendingEdges?: unknown[];
}

/** Results name benchmarks by node key or by concept id: accept both. */
function resolveKey(graph: ViewGraph, key: string | null): string | null {
  if (key === null) return null;
  if (graph.hasNode(key)) return key;
  return graph.hasNode(`concept:${key}`) ? `concept:${key}` : null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function createModel(name: string, graph: ViewGraph, themes: Theme[], results: ResultRow[]): ViewModel {
  const resultsByPaper = new Map<string, ResultRow[]>();
  const resultsByBenchmark = new Map<string, ResultRow[]>();
  const normalised: ResultRow[] = [];
  for (const r of results) {
    const paper = resolveKey(graph, r.paper);
    if (!paper) continue;
    const row = { ...r, paper, benchmark: resolveKey(graph, r.benchmark), metric: resolveKey(graph, r.metric) };
    normalised.push(row);
    push(resultsByPaper, paper, row);
    if (row.benchmark) push(resultsByBenchmark, row.benchmark, row);
  }
  const papersByAuthor = new Map<string, string[]>();
  const monthSet = new Set<string>();
  const kindsPresent = new Set<ViewKind>();
  let maxDegree = 0;
  graph.forEachNode((key, a) => {
    kindsPresent.add(a.kind);
    // NOTE: paper-kg nodes carry their degree, which stays right while a large graph's edges are still pending.
    const degree = 'degree' in a && typeof a.degree === 'number' ? a.degree : graph.degree(key);
    if (degree > maxDegree) maxDegree = degree;
    if (a.kind !== 'paper') return;
    for (const author of a.authors) push(papersByAuthor, author, key);
    if (a.date && a.date.length >= 7) monthSet.add(a.date.slice(0, 7));
  });
  return {
    name,
    graph,
    themes,
    themeById: new Map(themes.map((t) => [t.id, t])),
    results: normalised,
    resultsByPaper,
    resultsByBenchmark,
    papersByAuthor,
    months: [...monthSet].sort(),
    maxDegree,
    kindsPresent,
  };
}

export function isConcept(a: ViewNode): a is Extract<NodeAttributes, { conceptId: string }> {
  return a.kind !== 'paper' && a.kind !== 'other';
}
