// Louvain's resolution chosen from the data: the one whose partitions agree most across seeded runs.
import louvain from 'graphology-communities-louvain';
import type { ClusteringGraph } from '../graph/clustering.ts';
import { adjustedMutualInformation } from './agreement.ts';

export interface ResolutionChoice {
  resolution: number;
  /** Mean pairwise NMI of the runs' partitions of the papers, per resolution tried (in the grid's order). */
  stability: Array<{ resolution: number; stability: number; communities: number }>;
}

/**
 * Tries each resolution of `grid` with `runs` seeded Louvain runs and keeps the one whose partitions of the papers agree
 * most (mean pairwise NMI), ties (within `tolerance`) to the one nearest 1. NOTE: a resolution the data supports gives
 * the same themes whatever Louvain's traversal order; one that splits or merges arbitrarily moves with it. Partitions
 * with a single community or one per paper are trivially stable and are not candidates.
 */
export function chooseResolution(
  graph: ClusteringGraph,
  papers: string[],
  rng: () => number,
  grid: number[],
  runs: number,
  tolerance: number,
): ResolutionChoice {
  const stability: ResolutionChoice['stability'] = [];
  let best: { resolution: number; stability: number } | undefined;
  for (const resolution of grid) {
    const partitions: Int32Array[] = [];
    let communities = 0;
    for (let r = 0; r < runs; r++) {
      const c = louvain(graph, { rng, resolution, getEdgeWeight: 'weight' });
      partitions.push(Int32Array.from(papers, (key) => c[key]));
      communities += new Set(partitions[r]).size / runs;
    }
    let sum = 0;
    let pairs = 0;
    for (let x = 0; x < runs; x++)
      for (let y = x + 1; y < runs; y++, pairs++) sum += adjustedMutualInformation(Array.from(partitions[x]), Array.from(partitions[y]));
    const s = pairs ? sum / pairs : 1;
    stability.push({ resolution, stability: Number(s.toFixed(4)), communities: Number(communities.toFixed(1)) });
    if (communities < 2 || communities > papers.length / 2) continue;
    if (
      !best ||
      s > best.stability + tolerance ||
      (Math.abs(s - best.stability) <= tolerance && Math.abs(Math.log(resolution)) < Math.abs(Math.log(best.resolution)))
    ) {
      best = { resolution, stability: s };
    }
  }
  return { resolution: best?.resolution ?? 1, stability };
}
