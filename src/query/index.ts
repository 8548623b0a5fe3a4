// The query stage: questions asked of a built graph (graph.json): benchmarks with results, shared concepts, similar
// papers, themes, and papers using two concepts. Pure functions over the document, so the viewer can ask them too.
import { PaperKgError } from '../errors.ts';
import type { ConceptNode, GraphJson, PaperNode, Theme } from '../model/graph-json.ts';
import type { ConceptKind, Span } from '../extract/types.ts';
import { NameIndex, normalizeName } from './resolve.ts';

export { normalizeName, editDistance, NameIndex } from './resolve.ts';

type Result = GraphJson['results'][number];

export interface QueryIndex {
  doc: GraphJson;
  papers: Map<string, PaperNode>;
  concepts: Map<string, ConceptNode>;
  /** Node key → its links: the node at the other end, the edge weight and evidence. */
  links: Map<string, Array<{ key: string; weight: number; spans: Span[] }>>;
  conceptNames: NameIndex;
  paperNames: NameIndex;
  themeNames: NameIndex;
  resultsByPaper: Map<string, Result[]>;
}

/** Indexes a graph.json once; every query then costs what its answer costs, not the graph's size. */
export function createQueryIndex(doc: GraphJson): QueryIndex {
  const papers = new Map<string, PaperNode>();
  const concepts = new Map<string, ConceptNode>();
  const conceptNames = new NameIndex();
  const paperNames = new NameIndex();
  for (const { key, attributes } of doc.graph.nodes) {
    if (attributes.kind === 'paper') {
      papers.set(key, attributes);
      paperNames.add(key, attributes.label, [key, attributes.paperId, attributes.label]);
    } else {
      concepts.set(key, attributes);
      conceptNames.add(key, attributes.label, [attributes.conceptId, attributes.label, ...attributes.aliases]);
    }
  }
  const links = new Map<string, Array<{ key: string; weight: number; spans: Span[] }>>();
  const link = (a: string, b: string, weight: number, spans: Span[]): void => {
    const list = links.get(a);
    if (list) list.push({ key: b, weight, spans });
    else links.set(a, [{ key: b, weight, spans }]);
  };
  for (const e of doc.graph.edges) {
    link(e.source, e.target, e.attributes.weight, e.attributes.spans);
    link(e.target, e.source, e.attributes.weight, e.attributes.spans);
  }
  const themeNames = new NameIndex();
  for (const t of doc.themes) themeNames.add(t.id, `${t.id} (${t.name})`, [t.id, t.name]);
  const resultsByPaper = new Map<string, Result[]>();
  for (const r of doc.results) {
    const list = resultsByPaper.get(r.paper);
    if (list) list.push(r);
    else resultsByPaper.set(r.paper, [r]);
  }
  return { doc, papers, concepts, links, conceptNames, paperNames, themeNames, resultsByPaper };
}

function didYouMean(suggestions: string[], fallback: string): string {
  return suggestions.length ? `did you mean: ${suggestions.join(', ')}?` : fallback;
}

/** A concept by id, label or alias (any case); kinds break ties. Unknown names fail with the closest known ones. */
export function resolveConcept(index: QueryIndex, name: string, kinds?: readonly ConceptKind[]): string {
  const keys = index.conceptNames.lookup(name);
  const preferred = kinds ? keys.filter((k) => kinds.includes(index.concepts.get(k)!.kind)) : keys;
  const pool = preferred.length ? preferred : keys;
  if (pool.length) return [...pool].sort((a, b) => index.concepts.get(b)!.df - index.concepts.get(a)!.df || (a < b ? -1 : 1))[0];
  const what = kinds?.length ? kinds.join(' or ') : 'concept';
  const accept = kinds ? (k: string) => kinds.includes(index.concepts.get(k)!.kind) : undefined;
  const hint = didYouMean(index.conceptNames.suggest(name, 5, accept), `list them with "paper-kg query shared${kinds?.length ? ` --kind ${kinds[0]}` : ''}"`);
  throw new PaperKgError('E_QUERY', `no ${what} named "${name}" in the graph; ${hint}`, name);
}

/** A paper by node key, arXiv id / paper id, or exact title (any case). */
export function resolvePaper(index: QueryIndex, name: string): string {
  const keys = index.paperNames.lookup(name);
  if (keys.length) return keys[0];
  throw new PaperKgError(
    'E_QUERY',
    `no paper "${name}" in the graph (give its id — an arXiv id or the "t-…" id shown by other queries — or its exact title); ${didYouMean(index.paperNames.suggest(name, 3), 'no similar title')}`,
    name,
  );
}

export interface PaperRef {
  key: string;
  id: string;
  title: string;
  date?: string;
  theme: string;
}

function paperRef(index: QueryIndex, key: string): PaperRef {
  const p = index.papers.get(key)!;
  return { key, id: p.paperId, title: p.label, date: p.date, theme: p.theme };
}

export interface ConceptRef {
  key: string;
  id: string;
  label: string;
  kind: ConceptKind;
  aliases: string[];
  papers: number;
}

function conceptRef(index: QueryIndex, key: string): ConceptRef {
  const c = index.concepts.get(key)!;
  return { key, id: c.conceptId, label: c.label, kind: c.kind, aliases: c.aliases, papers: c.df };
}

const byDateThenTitle = (a: PaperRef, b: PaperRef): number =>
  (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title) || (a.key < b.key ? -1 : 1);

function papersOf(index: QueryIndex, conceptKey: string): PaperRef[] {
  return (index.links.get(conceptKey) ?? []).filter((l) => index.papers.has(l.key)).map((l) => paperRef(index, l.key));
}

export interface ReportedResult {
  value: number;
  unit: string;
  delta: boolean;
  metric: string | null;
  /** The sentence fragment the number was read from. */
  text: string;
}

export interface BenchmarkAnswer {
  benchmark: ConceptRef;
  papers: Array<PaperRef & { results: ReportedResult[] }>;
}

/** The papers evaluated on a benchmark (or dataset), with the results they report on it side by side. */
export function queryBenchmark(index: QueryIndex, name: string): BenchmarkAnswer {
  const key = resolveConcept(index, name, ['benchmark', 'dataset']);
  const papers = papersOf(index, key)
    .sort(byDateThenTitle)
    .map((p) => ({
      ...p,
      results: (index.resultsByPaper.get(p.key) ?? [])
        .filter((r) => r.benchmark === key)
        .map((r) => ({
          value: r.value,
          unit: r.unit,
          delta: r.delta,
          metric: r.metric ? (index.concepts.get(r.metric)?.label ?? r.metric) : null,
          text: r.span.text,
        })),
    }));
  return { benchmark: conceptRef(index, key), papers };
}

export interface SharedAnswer {
  kind: ConceptKind | null;
  concepts: Array<ConceptRef & { paperList: PaperRef[] }>;
}

/** Every concept (of a kind) linked to at least `minPapers` papers, the most shared first. */
export function queryShared(index: QueryIndex, options: { kind?: ConceptKind; minPapers?: number } = {}): SharedAnswer {
  const min = options.minPapers ?? 2;
  const concepts: SharedAnswer['concepts'] = [];
  for (const [key, c] of index.concepts) {
    if (options.kind && c.kind !== options.kind) continue;
    if (c.df < min) continue;
    concepts.push({ ...conceptRef(index, key), paperList: papersOf(index, key).sort(byDateThenTitle) });
  }
  concepts.sort((a, b) => b.papers - a.papers || a.label.localeCompare(b.label) || (a.key < b.key ? -1 : 1));
  return { kind: options.kind ?? null, concepts };
}

export interface SimilarAnswer {
  paper: PaperRef;
  similar: Array<PaperRef & { score: number; shared: Array<{ label: string; kind: ConceptKind; weight: number }> }>;
}

/**
 * The papers closest to one paper: cosine similarity of their concept vectors weighted by rarity, with the shared
 * concepts that explain it (the rarest first). Walks only the paper's concepts and their papers.
 */
export function querySimilar(index: QueryIndex, name: string, count = 10): SimilarAnswer {
  const key = resolvePaper(index, name);
  const norm = (k: string): number => Math.sqrt((index.links.get(k) ?? []).reduce((s, l) => s + l.weight * l.weight, 0));
  const scores = new Map<string, { dot: number; shared: Array<{ label: string; kind: ConceptKind; weight: number }> }>();
  for (const l of index.links.get(key) ?? []) {
    const concept = index.concepts.get(l.key)!;
    for (const other of index.links.get(l.key) ?? []) {
      if (other.key === key) continue;
      const s = scores.get(other.key) ?? { dot: 0, shared: [] };
      s.dot += l.weight * other.weight;
      s.shared.push({ label: concept.label, kind: concept.kind, weight: l.weight });
      scores.set(other.key, s);
    }
  }
  const own = norm(key);
  const similar = [...scores.entries()]
    .map(([k, s]) => ({
      ...paperRef(index, k),
      score: Number((s.dot / (own * norm(k) || 1)).toFixed(4)),
      shared: s.shared.sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label)),
    }))
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, count);
  return { paper: paperRef(index, key), similar };
}

/** Every theme's summary, in id order (largest first, "other" last). */
export function queryThemes(index: QueryIndex): Theme[] {
  return index.doc.themes;
}

export interface ThemeAnswer {
  theme: Theme;
  papers: PaperRef[];
  centralPapers: PaperRef[];
  bridgePapers: PaperRef[];
  /** Names of the neighbouring themes, by id. */
  neighbourNames: Record<string, string>;
}

/** One theme by id ("t3") or name (any case), with its papers. */
export function queryTheme(index: QueryIndex, name: string): ThemeAnswer {
  let ids = index.themeNames.lookup(name);
  if (!ids.length) {
    const n = normalizeName(name);
    ids = n ? index.doc.themes.filter((t) => normalizeName(t.name).includes(n)).map((t) => t.id) : [];
  }
  if (!ids.length) {
    throw new PaperKgError(
      'E_QUERY',
      `no theme "${name}" in the graph; ${didYouMean(index.themeNames.suggest(name, 3), `the themes are ${index.doc.themes.map((t) => t.id).join(', ')}`)}`,
      name,
    );
  }
  const theme = index.doc.themes.find((t) => t.id === ids[0])!;
  const papers = [...index.papers.entries()]
    .filter(([, p]) => p.theme === theme.id)
    .map(([k]) => paperRef(index, k))
    .sort(byDateThenTitle);
  return {
    theme,
    papers,
    centralPapers: theme.centralPapers.filter((k) => index.papers.has(k)).map((k) => paperRef(index, k)),
    bridgePapers: theme.bridgePapers.filter((k) => index.papers.has(k)).map((k) => paperRef(index, k)),
    neighbourNames: Object.fromEntries(theme.neighbours.map((n) => [n.theme, index.doc.themes.find((t) => t.id === n.theme)?.name ?? n.theme])),
  };
}

export interface BothAnswer {
  concepts: [ConceptRef, ConceptRef];
  papers: PaperRef[];
}

/** Papers linked to both concepts. */
export function queryBoth(index: QueryIndex, a: string, b: string): BothAnswer {
  const ka = resolveConcept(index, a);
  const kb = resolveConcept(index, b);
  const inB = new Set((index.links.get(kb) ?? []).map((l) => l.key));
  const papers = (index.links.get(ka) ?? [])
    .filter((l) => inB.has(l.key) && index.papers.has(l.key))
    .map((l) => paperRef(index, l.key))
    .sort(byDateThenTitle);
  return { concepts: [conceptRef(index, ka), conceptRef(index, kb)], papers };
}
