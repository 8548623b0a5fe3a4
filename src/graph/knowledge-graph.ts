// The knowledge graph itself: paper and concept nodes, paper–concept edges weighted by rarity and carrying their evidence.
import Graph from 'graphology';
import { PaperKgError } from '../errors.ts';
import type { Paper } from '../model/paper.ts';
import type { ExtractionResult, PaperConcept, Span } from '../extract/types.ts';
import type { NodeAttributes, EdgeAttributes, PaperNode, ConceptNode } from '../model/graph-json.ts';

export type KnowledgeGraph = Graph<NodeAttributes, EdgeAttributes>;

export const paperKey = (id: string): string => `paper:${id}`;
export const conceptKey = (id: string): string => `concept:${id}`;

/** How informative a link to a concept in `df` of `n` papers is: one in 3 ties papers more than one in 60. */
export function informativeness(df: number, n: number): number {
  return Math.log(1 + n / df);
}

/** Placeholders until themes, metrics and layout fill them in: the schema's fields exist from the start. */
const PENDING = { x: 0, y: 0, size: 1, color: '#999999', theme: 'other', degree: 0, weightedDegree: 0, pagerank: 0 } as const;

function paperUrl(p: Paper): string | undefined {
  return p.links.arxiv ?? p.links.hf ?? p.links.url ?? (p.links.doi ? `https://doi.org/${p.links.doi}` : undefined);
}

function paperNode(p: Paper): PaperNode {
  const links: Record<string, string> = {};
  for (const [k, v] of Object.entries(p.links)) if (typeof v === 'string') links[k] = v;
  const node: PaperNode = { kind: 'paper', label: p.title, ...PENDING, paperId: p.id, abstract: p.abstract, authors: p.authors.names, links };
  if (p.authors.count !== undefined) node.authorCount = p.authors.count;
  if (p.date) node.date = p.date.value;
  if (p.upvotes !== undefined) node.upvotes = p.upvotes;
  const url = paperUrl(p);
  if (url) node.url = url;
  return node;
}

/** Merges repeated mentions of one concept in a paper (an extractor may report it per rule). */
function uniqueConcepts(concepts: PaperConcept[]): PaperConcept[] {
  const byId = new Map<string, PaperConcept>();
  for (const c of concepts) {
    const seen = byId.get(c.id);
    if (seen) byId.set(c.id, { ...seen, spans: [...seen.spans, ...c.spans] });
    else byId.set(c.id, c);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function sortSpans(spans: Span[]): Span[] {
  return [...spans].sort((a, b) => (a.field !== b.field ? (a.field === 'title' ? -1 : 1) : a.start - b.start || a.end - b.end));
}

/**
 * Builds the bipartite knowledge graph. Papers come first in input order, then concepts sorted by id, and edges paper by
 * paper, so the same inputs always give the same graph (and byte-identical exports).
 */
export function buildKnowledgeGraph(papers: Paper[], extraction: ExtractionResult): KnowledgeGraph {
  if (extraction.papers.length !== papers.length) {
    throw new PaperKgError('E_GRAPH', `graph: expected one extraction per paper (${papers.length}), got ${extraction.papers.length}; run extract on the same papers`);
  }
  const graph: KnowledgeGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.replaceAttributes({ creator: 'paper-kg', description: 'Papers and the concepts they share, with themes, layout and evidence' });
  const n = papers.length;
  const perPaper = extraction.papers.map((e, i) => {
    if (e.id !== papers[i].id) {
      throw new PaperKgError('E_GRAPH', `graph: extraction ${i} is for paper "${e.id}", expected "${papers[i].id}"; extractions must be in the papers' order`, e.id);
    }
    return uniqueConcepts(e.concepts);
  });

  const known = new Map(extraction.concepts.map((c) => [c.id, c]));
  const df = new Map<string, number>();
  const first = new Map<string, string>();
  const last = new Map<string, string>();
  perPaper.forEach((concepts, i) => {
    const date = papers[i].date?.value;
    for (const c of concepts) {
      df.set(c.id, (df.get(c.id) ?? 0) + 1);
      if (!known.has(c.id)) known.set(c.id, c);
      if (date) {
        const f = first.get(c.id);
        if (f === undefined || date < f) first.set(c.id, date);
        const l = last.get(c.id);
        if (l === undefined || date > l) last.set(c.id, date);
      }
    }
  });

  for (const p of papers) {
    const key = paperKey(p.id);
    if (graph.hasNode(key)) throw new PaperKgError('E_GRAPH', `graph: paper id "${p.id}" appears twice; ingest merges duplicates, so pass papers through ingest`, p.id);
    graph.addNode(key, paperNode(p));
  }
  const ids = [...df.keys()].sort();
  for (const id of ids) {
    const c = known.get(id)!;
    const node: ConceptNode = {
      kind: c.kind,
      label: c.label,
      ...PENDING,
      conceptId: id,
      aliases: [...c.aliases],
      source: c.source,
      df: df.get(id)!,
    };
    if (c.parent) node.parent = c.parent;
    const f = first.get(id);
    if (f) node.firstSeen = f;
    const l = last.get(id);
    if (l) node.lastSeen = l;
    graph.addNode(conceptKey(id), node);
  }
  let e = 0;
  perPaper.forEach((concepts, i) => {
    const source = paperKey(papers[i].id);
    for (const c of concepts) {
      graph.addEdgeWithKey(`e${e++}`, source, conceptKey(c.id), {
        weight: Number(informativeness(df.get(c.id)!, n).toFixed(4)),
        source: c.source,
        spans: sortSpans(c.spans),
      });
    }
  });
  return graph;
}
