// Node metrics that size the nodes and name the bridges: degree, weighted degree and PageRank (graphology-metrics).
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { KnowledgeGraph } from './knowledge-graph.ts';

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Writes degree, weightedDegree, pagerank and size on every node; sizes grow with the square root of PageRank. */
export function assignMetrics(kg: KnowledgeGraph): void {
  const ranks = kg.order ? pagerank(kg, { getEdgeWeight: 'weight' }) : {};
  let max = 0;
  for (const key in ranks) max = Math.max(max, ranks[key]);
  // NOTE: weighted degrees in one pass over the edges, and attributes set in place: at 100k papers a walk of each
  // node's edges plus a copy of every node's attributes cost more than PageRank itself.
  const weighted = new Map<string, number>();
  kg.forEachEdge((_e, ea, s, t) => {
    weighted.set(s, (weighted.get(s) ?? 0) + ea.weight);
    weighted.set(t, (weighted.get(t) ?? 0) + ea.weight);
  });
  kg.updateEachNodeAttributes((key, attr) => {
    const pr = ranks[key] ?? 0;
    attr.degree = kg.degree(key);
    attr.weightedDegree = round(weighted.get(key) ?? 0, 4);
    attr.pagerank = round(pr, 6);
    // NOTE: papers start larger than concepts of equal rank, so a paper is never lost under its benchmarks.
    attr.size = round((attr.kind === 'paper' ? 3 : 1.5) + 10 * Math.sqrt(max > 0 ? pr / max : 0), 2);
    return attr;
  });
}
