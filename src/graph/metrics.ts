// Node metrics that size the nodes and name the bridges: degree, weighted degree and PageRank (graphology-metrics).
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { KnowledgeGraph } from './index.ts';

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Writes degree, weightedDegree, pagerank and size on every node; sizes grow with the square root of PageRank. */
export function assignMetrics(kg: KnowledgeGraph): void {
  const ranks = kg.order ? pagerank(kg, { getEdgeWeight: 'weight' }) : {};
  let max = 0;
  for (const key in ranks) max = Math.max(max, ranks[key]);
  kg.updateEachNodeAttributes((key, attr) => {
    let weighted = 0;
    kg.forEachEdge(key, (_e, ea) => (weighted += ea.weight));
    const pr = ranks[key] ?? 0;
    return {
      ...attr,
      degree: kg.degree(key),
      weightedDegree: round(weighted, 4),
      pagerank: round(pr, 6),
      // NOTE: papers start larger than concepts of equal rank, so a paper is never lost under its benchmarks.
      size: round((attr.kind === 'paper' ? 3 : 1.5) + 10 * Math.sqrt(max > 0 ? pr / max : 0), 2),
    };
  });
}
