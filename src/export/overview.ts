// The viewer's overview of a build above its node budget: themes as nodes linked by the concepts they share, and one
// graph.json-compatible document per theme for the drill-down. Pure (no file I/O; src/io/overview.ts writes the files).
import { z } from 'zod';
import { PaperKgError } from '../errors.ts';
import { resolveOptions } from '../options.ts';
import type { GraphJson, Theme } from '../model/graph-json.ts';
import {
  INDEX_PAPER_KINDS,
  OVERVIEW_DIR,
  OVERVIEW_INDEX_NAME,
  type OverviewIndex,
  type OverviewJson,
  type OverviewLink,
  type OverviewTheme,
} from '../model/overview-json.ts';

export const ViewerOverviewOptionsSchema = z.object({
  /** Above this many nodes the viewer opens on the overview instead of the whole graph (and each theme file stays under it). */
  budget: z.number().int().positive().default(20_000),
  /** Strongest concepts listed per theme. */
  topConcepts: z.number().int().nonnegative().default(6),
  /** Each theme keeps its strongest links to this many other themes (the union is drawn). */
  linksPerTheme: z.number().int().nonnegative().default(6),
  /** Shared concepts named per link. */
  conceptsPerLink: z.number().int().nonnegative().default(3),
});
export type ViewerOverviewOptions = z.infer<typeof ViewerOverviewOptionsSchema>;

export const DEFAULT_VIEWER_OVERVIEW_OPTIONS: Readonly<ViewerOverviewOptions> = Object.freeze(ViewerOverviewOptionsSchema.parse({}));

export function resolveViewerOverviewOptions(partial: Partial<ViewerOverviewOptions> = {}): ViewerOverviewOptions {
  return resolveOptions(ViewerOverviewOptionsSchema, partial, 'viewer overview options', () => '; e.g. --viewer-budget 20000');
}

/** Whether a graph needs the overview: more nodes than the budget. */
export function needsOverview(nodeCount: number, budget: number): boolean {
  return nodeCount > budget;
}

export interface ViewerOverview {
  overview: OverviewJson;
  /** One document per theme, in the order of `overview.themes`; `file` is relative to the build directory. */
  themes: Array<{ file: string; doc: GraphJson }>;
  /** The search index of the whole build (overview/search-index.json). */
  index: OverviewIndex;
}

type Node = GraphJson['graph']['nodes'][number];
type Edge = GraphJson['graph']['edges'][number];

/** A file name from a theme id: the id itself when it is safe, else its rank (ids are "t1"…, "other" from the pipeline). */
function themeFileName(id: string, index: number, taken: Set<string>): string {
  let base = /^[A-Za-z0-9_-]{1,48}$/.test(id) ? id : `theme-${index + 1}`;
  while (taken.has(base.toLowerCase())) base = `${base}-${index + 1}`;
  taken.add(base.toLowerCase());
  return `${OVERVIEW_DIR}/${base}.json`;
}

/**
 * The overview and per-theme documents of a graph.json document. Linear in nodes + edges, plus, per concept, the pairs of
 * themes it spans (bounded by themes²; hub concepts are few).
 */
export function toViewerOverview(doc: GraphJson, partial: Partial<ViewerOverviewOptions> = {}): ViewerOverview {
  const o = resolveViewerOverviewOptions(partial);
  const nodes = doc.graph.nodes;
  const byKey = new Map<string, Node>();
  const order = new Map<string, number>();
  nodes.forEach((n, i) => {
    byKey.set(n.key, n);
    order.set(n.key, i);
  });

  // Papers per theme (input order) and each paper's edges.
  const papersOf = new Map<string, Node[]>();
  for (const t of doc.themes) papersOf.set(t.id, []);
  for (const n of nodes) {
    if (n.attributes.kind !== 'paper') continue;
    let list = papersOf.get(n.attributes.theme);
    if (!list) papersOf.set(n.attributes.theme, (list = []));
    list.push(n);
  }
  const edgesOf = new Map<string, Edge[]>();
  // Per concept: papers in each theme (for the theme's concept counts and the theme–theme links).
  const conceptThemes = new Map<string, Map<string, number>>();
  for (const e of doc.graph.edges) {
    const s = byKey.get(e.source);
    const t = byKey.get(e.target);
    if (!s || !t)
      throw new PaperKgError(
        'E_GRAPH',
        `overview: edge ${e.source} – ${e.target} names a node that is not in the graph; expected a graph.json checked by its schema`,
      );
    const [paper, concept] = s.attributes.kind === 'paper' ? [s, t] : [t, s];
    if (paper.attributes.kind !== 'paper' || concept.attributes.kind === 'paper') continue;
    let list = edgesOf.get(paper.key);
    if (!list) edgesOf.set(paper.key, (list = []));
    list.push(e);
    let counts = conceptThemes.get(concept.key);
    if (!counts) conceptThemes.set(concept.key, (counts = new Map()));
    counts.set(paper.attributes.theme, (counts.get(paper.attributes.theme) ?? 0) + 1);
  }

  const resultsOf = new Map<string, GraphJson['results']>();
  for (const r of doc.results) {
    let list = resultsOf.get(r.paper);
    if (!list) resultsOf.set(r.paper, (list = []));
    list.push(r);
  }

  // NOTE: the search index's name is taken first, so no theme file can overwrite it.
  const taken = new Set<string>([OVERVIEW_INDEX_NAME]);
  const themes: ViewerOverview['themes'] = [];
  const entries: OverviewTheme[] = [];
  doc.themes.forEach((theme, index) => {
    const file = themeFileName(theme.id, index, taken);
    const built = themeDocument(doc, theme, papersOf.get(theme.id) ?? [], { edgesOf, resultsOf, byKey, order }, o.budget);
    themes.push({ file, doc: built.doc });
    entries.push({
      id: theme.id,
      name: theme.name,
      color: theme.color,
      papers: theme.size,
      shownPapers: built.papers,
      conceptCount: theme.conceptCount,
      x: theme.x,
      y: theme.y,
      topConcepts: strongestConcepts(theme, conceptThemes, o.topConcepts),
      dateRange: theme.dateRange,
      ...(theme.note !== undefined ? { note: theme.note } : {}),
      file,
      nodes: built.doc.graph.nodes.length,
      edges: built.doc.graph.edges.length,
    });
  });

  return {
    overview: {
      version: 1,
      kind: 'overview',
      meta: { ...doc.meta, nodes: nodes.length, edges: doc.graph.edges.length, budget: o.budget },
      themes: entries,
      links: themeLinks(doc, conceptThemes, byKey, o),
    },
    themes,
    index: searchIndex(doc, edgesOf),
  };
}

/** Every paper title and concept of the build, for the overview's search (linear in nodes + edges). */
function searchIndex(doc: GraphJson, edgesOf: Map<string, Edge[]>): OverviewIndex {
  const themeIds = doc.themes.map((t) => t.id);
  const themeAt = new Map(themeIds.map((id, i) => [id, i]));
  const papers: OverviewIndex['papers'] = [];
  const paperAt = new Map<string, number>();
  const perConcept = new Map<string, number[]>();
  for (const n of doc.graph.nodes) {
    const a = n.attributes;
    if (a.kind !== 'paper') continue;
    let t = themeAt.get(a.theme);
    if (t === undefined) themeAt.set(a.theme, (t = themeIds.push(a.theme) - 1));
    paperAt.set(n.key, papers.length);
    papers.push([n.key, a.label, t]);
    for (const e of edgesOf.get(n.key) ?? []) {
      const c = e.source === n.key ? e.target : e.source;
      let list = perConcept.get(c);
      if (!list) perConcept.set(c, (list = []));
      list.push(papers.length - 1);
    }
  }
  const concepts: OverviewIndex['concepts'] = [];
  for (const n of doc.graph.nodes) {
    const a = n.attributes;
    if (a.kind === 'paper') continue;
    const list = perConcept.get(n.key) ?? [];
    if (INDEX_PAPER_KINDS.has(a.kind)) concepts.push([n.key, a.label, a.kind, list]);
    else {
      const counts = new Map<number, number>();
      for (const p of list) counts.set(papers[p][2], (counts.get(papers[p][2]) ?? 0) + 1);
      concepts.push([n.key, a.label, a.kind, [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).flat()]);
    }
  }
  return { version: 1, kind: 'overview-index', themes: themeIds, papers, concepts };
}

/** The naming concepts first, then the best of each kind, with how many of the theme's papers use each. */
function strongestConcepts(theme: Theme, conceptThemes: Map<string, Map<string, number>>, limit: number): OverviewTheme['topConcepts'] {
  const out: OverviewTheme['topConcepts'] = [];
  const seen = new Set<string>();
  const add = (id: string, label: string, kind: OverviewTheme['topConcepts'][number]['kind']) => {
    if (out.length >= limit || seen.has(id)) return;
    seen.add(id);
    out.push({ id, label, kind, papers: conceptThemes.get(`concept:${id}`)?.get(theme.id) ?? 0 });
  };
  for (const c of theme.topConcepts) add(c.id, c.label, c.kind);
  for (const [kind, list] of Object.entries(theme.topConceptsByKind ?? {}))
    for (const c of list ?? []) add(c.id, c.label, kind as OverviewTheme['topConcepts'][number]['kind']);
  return out;
}

/**
 * A theme's own graph.json: its papers, every concept they use (whatever its theme) and their links. A theme above the
 * budget keeps its most central papers (PageRank) up to the budget, and the overview says how many it shows.
 */
function themeDocument(
  doc: GraphJson,
  theme: Theme,
  papers: Node[],
  index: { edgesOf: Map<string, Edge[]>; resultsOf: Map<string, GraphJson['results']>; byKey: Map<string, Node>; order: Map<string, number> },
  budget: number,
): { doc: GraphJson; papers: number } {
  const { edgesOf, resultsOf, byKey, order } = index;
  const conceptsOf = (p: Node) => (edgesOf.get(p.key) ?? []).map((e) => (e.source === p.key ? e.target : e.source));
  let shown = papers;
  const conceptKeys = new Set<string>();
  for (const p of papers) for (const c of conceptsOf(p)) conceptKeys.add(c);
  if (papers.length + conceptKeys.size > budget) {
    // NOTE: ties broken by input order (a stable sort), so the same build gives the same file.
    const ranked = [...papers].sort((a, b) => b.attributes.pagerank - a.attributes.pagerank);
    const keep = new Set<string>();
    conceptKeys.clear();
    for (const p of ranked) {
      const fresh = conceptsOf(p).filter((c) => !conceptKeys.has(c));
      if (keep.size + 1 + conceptKeys.size + fresh.length > budget) break;
      keep.add(p.key);
      for (const c of fresh) conceptKeys.add(c);
    }
    shown = papers.filter((p) => keep.has(p.key));
  }
  const outNodes: Node[] = [...shown];
  // Concepts in the order of the whole graph, so files are stable (sorted, not scanned: a scan per theme is themes × nodes).
  for (const k of [...conceptKeys].sort((a, b) => order.get(a)! - order.get(b)!)) outNodes.push(byKey.get(k)!);
  const outEdges: Edge[] = [];
  const results: GraphJson['results'] = [];
  for (const p of shown) {
    for (const e of edgesOf.get(p.key) ?? []) outEdges.push(e);
    for (const r of resultsOf.get(p.key) ?? [])
      results.push({
        ...r,
        benchmark: r.benchmark !== null && conceptKeys.has(r.benchmark) ? r.benchmark : null,
        metric: r.metric !== null && conceptKeys.has(r.metric) ? r.metric : null,
      });
  }
  return {
    papers: shown.length,
    doc: {
      version: 1,
      meta: { ...doc.meta, papers: shown.length, concepts: conceptKeys.size },
      themes: [theme],
      results,
      graph: { attributes: doc.graph.attributes, options: doc.graph.options, nodes: outNodes, edges: outEdges },
    },
  };
}

/** Theme–theme links weighted by the concepts their papers share; each theme keeps its strongest few. */
function themeLinks(doc: GraphJson, conceptThemes: Map<string, Map<string, number>>, byKey: Map<string, Node>, o: ViewerOverviewOptions): OverviewLink[] {
  const ids = doc.themes.map((t) => t.id);
  const rank = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  // NOTE: pairs by integer index in flat arrays (themes² entries): string keys per pair cost seconds at 100k papers.
  const weight = new Int32Array(n * n);
  const rarest: Array<Array<{ label: string; df: number }> | undefined> = [];
  const at: number[] = [];
  for (const [key, counts] of conceptThemes) {
    if (counts.size < 2) continue;
    const node = byKey.get(key)!;
    const df = node.attributes.kind === 'paper' ? 0 : node.attributes.df;
    const label = node.attributes.label;
    at.length = 0;
    for (const id of counts.keys()) {
      const r = rank.get(id);
      if (r !== undefined) at.push(r);
    }
    at.sort((a, b) => a - b);
    for (let i = 0; i < at.length; i++) {
      for (let j = i + 1; j < at.length; j++) {
        const p = at[i] * n + at[j];
        weight[p]++;
        if (o.conceptsPerLink === 0) continue;
        // Keep the rarest few by insertion: a shared rare concept says more about the link than a common one.
        const list = (rarest[p] ??= []);
        if (list.length >= o.conceptsPerLink) {
          const last = list[list.length - 1];
          if (last.df < df || (last.df === df && last.label <= label)) continue;
        }
        const k = list.findIndex((x) => x.df > df || (x.df === df && x.label > label));
        if (k >= 0) list.splice(k, 0, { label, df });
        else list.push({ label, df });
        if (list.length > o.conceptsPerLink) list.pop();
      }
    }
  }
  const all: Array<{ a: number; b: number; w: number }> = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) if (weight[a * n + b] > 0) all.push({ a, b, w: weight[a * n + b] });
  all.sort((x, y) => y.w - x.w || x.a - y.a || x.b - y.b);
  const kept = new Int32Array(n);
  const out: OverviewLink[] = [];
  for (const { a, b, w } of all) {
    if (kept[a] >= o.linksPerTheme && kept[b] >= o.linksPerTheme) continue;
    kept[a]++;
    kept[b]++;
    out.push({ source: ids[a], target: ids[b], weight: w, concepts: (rarest[a * n + b] ?? []).map((c) => c.label) });
  }
  return out;
}
