// Louvain's resolution chosen from the data: the one whose partitions agree most across seeded runs.
import louvain from 'graphology-communities-louvain';
import type { ClusteringGraph } from '../graph/clustering.ts';
import { adjustedMutualInformation } from './agreement.ts';

/** Normalised mutual information (arithmetic mean) of two labelings of the same items. */
export function normalisedMutualInformation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (n === 0) return 1;
  const ca = new Map<number, number>();
  const cb = new Map<number, number>();
  const joint = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    ca.set(a[i], (ca.get(a[i]) ?? 0) + 1);
    cb.set(b[i], (cb.get(b[i]) ?? 0) + 1);
    const k = `${a[i]} ${b[i]}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
  }
  const h = (m: Map<number, number>): number => {
    let s = 0;
    for (const c of m.values()) s -= (c / n) * Math.log(c / n);
    return s;
  };
  let mi = 0;
  for (const [k, c] of joint) {
    const [x, y] = k.split(' ').map(Number);
    mi += (c / n) * Math.log((n * c) / (ca.get(x)! * cb.get(y)!));
  }
  const d = (h(ca) + h(cb)) / 2;
  return d === 0 ? 1 : mi / d;
}

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
export function chooseResolution(graph: ClusteringGraph, papers: string[], rng: () => number, grid: number[], runs: number, tolerance: number): ResolutionChoice {
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
    for (let x = 0; x < runs; x++) for (let y = x + 1; y < runs; y++, pairs++) sum += adjustedMutualInformation(Array.from(partitions[x]), Array.from(partitions[y]));
    const s = pairs ? sum / pairs : 1;
    stability.push({ resolution, stability: Number(s.toFixed(4)), communities: Number(communities.toFixed(1)) });
    if (communities < 2 || communities > papers.length / 2) continue;
    if (!best || s > best.stability + tolerance || (Math.abs(s - best.stability) <= tolerance && Math.abs(Math.log(resolution)) < Math.abs(Math.log(best.resolution)))) {
      best = { resolution, stability: s };
    }
  }
  return { resolution: best?.resolution ?? 1, stability };
}
