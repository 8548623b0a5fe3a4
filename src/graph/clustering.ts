// The graph Louvain partitions into themes: papers with the concepts they share, or the paper neighbour graph.
import Graph from 'graphology';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import type { Projection } from './projection.ts';
import type { GraphOptions } from './options.ts';
import type { ConceptNode } from '../model/graph-json.ts';

export type ClusteringGraph = Graph<Record<string, never>, { weight: number }>;

/** Concepts in more papers than this are left out of the bipartite themes graph. */
export function clusteringHubLimit(papers: number, options: GraphOptions): number {
  return Math.min(options.hubMaxPapers, Math.max(options.hubMinPapers, Math.floor(options.clusteringHubShare * papers)));
}

/**
 * NOTE: in the bipartite form a concept in one paper relates nothing, and one in more than clusteringHubLimit papers is
 * left out (by default only the hubMaxPapers cap applies); what stays is one edge per paper–concept link, linear in the
 * links. A link weighs the concept's rarity (log N/df) × its kind and rule-family weights × the title weight when the
 * title names it × (1 + ln of its mentions in the paper), the sublinear TF of TF-IDF. A concept in every paper weighs 0 and is left out.
 */
export function clusteringGraph(kg: KnowledgeGraph, projection: Projection, options: GraphOptions): ClusteringGraph {
  if (options.clustering === 'neighbours') return projection.graph as unknown as ClusteringGraph;
  const graph: ClusteringGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let conceptTotal = 0;
  let n = 0;
  kg.forEachNode((key, attr) => {
    if (attr.kind === 'paper') {
      graph.addNode(key);
      n++;
    }
  });
  const hubLimit = clusteringHubLimit(n, options);
  // NOTE: the links' weights first, the edges after, each added once with its final weight (in the hybrid, scaled by
  // the concept block's share): no second pass over the edges and no second attribute object per edge.
  const papers: string[] = [];
  const concepts: string[] = [];
  const weights: number[] = [];
  kg.forEachEdge((_e, edge, s, t, sa, ta) => {
    const [paper, conceptKey, concept] = sa.kind === 'paper' ? [s, t, ta as ConceptNode] : [t, s, sa as ConceptNode];
    if (concept.df < 2 || concept.df > hubLimit) return;
    const inTitle = edge.spans.some((span) => span.field === 'title');
    const w =
      Math.log(n / concept.df) *
      options.kindWeights[concept.kind] *
      options.clusteringSourceWeights[concept.source] *
      (inTitle ? options.clusteringTitleWeight : 1) *
      (1 + options.clusteringTfWeight * Math.log(edge.spans.length));
    if (w <= 0) return;
    papers.push(paper);
    concepts.push(conceptKey);
    weights.push(w);
    conceptTotal += w;
  });
  const addConceptLinks = (scale: number | undefined): void => {
    for (let e = 0; e < weights.length; e++) {
      if (!graph.hasNode(concepts[e])) graph.addNode(concepts[e]);
      graph.addEdge(papers[e], concepts[e], { weight: scale === undefined ? weights[e] : weights[e] * scale });
    }
  };
  if (options.clustering === 'bipartite') {
    addConceptLinks(undefined);
    return graph;
  }
  // Hybrid: the bipartite links and the paper neighbour graph's links, each block scaled to its share of the total.
  let textTotal = 0;
  projection.graph.forEachEdge((_e, a) => (textTotal += a.weight));
  const alpha = Math.min(1, options.hybridConceptWeight * projection.conceptCoverage);
  const cScale = conceptTotal > 0 ? alpha / conceptTotal : 0;
  const tScale = textTotal > 0 ? (conceptTotal > 0 ? 1 - alpha : 1) / textTotal : 0;
  addConceptLinks(cScale);
  const snn = options.sharedNeighbourWeight > 0 ? sharedNeighbourShares(projection.graph) : undefined;
  let e = 0;
  projection.graph.forEachEdge((_e, a, s, t) => {
    const w = snn ? a.weight * (1 - options.sharedNeighbourWeight + options.sharedNeighbourWeight * snn[e++]) : a.weight;
    if (w * tScale > 0) graph.addEdge(s, t, { weight: w * tScale });
  });
  return graph;
}

/**
 * Per edge of the neighbour graph (in edge order), the Jaccard overlap of its two ends' closed neighbourhoods (the
 * paper and its neighbours): 1 when both have the same neighbours, 2 / (deg a + deg b + 2 − …) when they share none
 * but each other. Linear in Σ degree² over the edges' ends, no pairs beyond the edges.
 */
export function sharedNeighbourShares(pg: Projection['graph']): Float64Array {
  const n = pg.order;
  const index = new Map<string, number>();
  pg.forEachNode((k) => index.set(k, index.size));
  const deg = new Int32Array(n + 1);
  pg.forEachEdge((_e, _a, s, t) => {
    deg[index.get(s)! + 1]++;
    deg[index.get(t)! + 1]++;
  });
  for (let i = 0; i < n; i++) deg[i + 1] += deg[i];
  const adj = new Int32Array(deg[n]);
  const fill = deg.slice(0, n);
  const ends = new Int32Array(2 * pg.size);
  let m = 0;
  pg.forEachEdge((_e, _a, s, t) => {
    const a = index.get(s)!;
    const b = index.get(t)!;
    adj[fill[a]++] = b;
    adj[fill[b]++] = a;
    ends[m++] = a;
    ends[m++] = b;
  });
  const mark = new Int32Array(n).fill(-1);
  const out = new Float64Array(pg.size);
  for (let e = 0; e < pg.size; e++) {
    const a = ends[2 * e];
    const b = ends[2 * e + 1];
    for (let x = deg[a]; x < deg[a + 1]; x++) mark[adj[x]] = e;
    mark[a] = e;
    // b's closed neighbourhood: b itself (in a's, as a's neighbour) and its neighbours (a among them).
    let shared = 1;
    for (let x = deg[b]; x < deg[b + 1]; x++) if (mark[adj[x]] === e) shared++;
    const union = deg[a + 1] - deg[a] + 1 + (deg[b + 1] - deg[b] + 1) - shared;
    out[e] = shared / union;
  }
  return out;
}
