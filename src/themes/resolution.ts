// Louvain's resolution chosen from the data: 1 unless another resolution gives clearly more reproducible themes.
import louvain from 'graphology-communities-louvain';
import type { ClusteringGraph } from '../graph/clustering.ts';
import { adjustedMutualInformation } from './agreement.ts';

export interface ResolutionRule {
  /** Seeded Louvain runs per resolution. */
  runs: number;
  /** Another resolution replaces 1 only when its runs agree more than 1's by at least this (mean pairwise AMI). */
  margin: number;
  /** Communities smaller than this are not themes (they go to "other")… */
  minThemeSize: number;
  /** …and a resolution whose runs leave more than this share of the papers in them is no candidate. */
  maxSmallShare: number;
}

export interface ResolutionChoice {
  resolution: number;
  /**
   * Per resolution tried (in the grid's order): the mean pairwise AMI of the runs' partitions of the papers, their mean
   * number of communities, and the mean share of papers in communities smaller than a theme.
   */
  stability: Array<{ resolution: number; stability: number; communities: number; smallShare: number }>;
}

/**
 * Tries each resolution of `grid` with `rule.runs` seeded Louvain runs and measures how much the runs agree (mean
 * pairwise AMI of the papers' partitions) and how many papers they leave in communities too small to be themes.
 *
 * The rule: resolution 1 (modularity against its own configuration-model null) unless another candidate's runs agree
 * more by `rule.margin`; of several such, the most stable. A candidate splits the papers into 2 to n/2 communities and
 * leaves at most `maxSmallShare` of them in communities under `minThemeSize` (they would be "other"). When 1 is no
 * candidate, the most stable candidate wins; with none, 1.
 * NOTE: why a margin and not simply the most stable: on text kNN graphs finer partitions are a little more reproducible
 * (cs page: 0.77 at 1, 0.82 at 2 with 8 runs) without agreeing more with any reference labels, and with 4 runs the
 * stability's seed-to-seed spread (0.01–0.03) alone moved the choice; choosing the most stable lost 0.01–0.05 AMI
 * against a fixed 1 on the three eval panels (docs/themes.md). The margin keeps the data's say for a resolution that is
 * much more stable than 1, where 1 would split or merge at random.
 */
export function chooseResolution(graph: ClusteringGraph, papers: string[], rng: () => number, grid: number[], rule: ResolutionRule): ResolutionChoice {
  const stability: ResolutionChoice['stability'] = [];
  const n = papers.length;
  for (const resolution of grid) {
    const partitions: number[][] = [];
    let communities = 0;
    let small = 0;
    for (let r = 0; r < rule.runs; r++) {
      const c = louvain(graph, { rng, resolution, getEdgeWeight: 'weight' });
      const partition = papers.map((key) => c[key]);
      partitions.push(partition);
      const sizes = new Map<number, number>();
      for (const x of partition) sizes.set(x, (sizes.get(x) ?? 0) + 1);
      communities += sizes.size / rule.runs;
      for (const size of sizes.values()) if (size < rule.minThemeSize) small += size / (n * rule.runs);
    }
    let sum = 0;
    let pairs = 0;
    for (let x = 0; x < rule.runs; x++) for (let y = x + 1; y < rule.runs; y++, pairs++) sum += adjustedMutualInformation(partitions[x], partitions[y]);
    stability.push({
      resolution,
      stability: Number((pairs ? sum / pairs : 1).toFixed(4)),
      communities: Number(communities.toFixed(1)),
      smallShare: Number(small.toFixed(4)),
    });
  }
  return { resolution: pickResolution(stability, n, rule), stability };
}

/** The rule of chooseResolution on measured rows (exported for tests): 1 unless a candidate is clearly more stable. */
export function pickResolution(stability: ResolutionChoice['stability'], papers: number, rule: Pick<ResolutionRule, 'margin' | 'maxSmallShare'>): number {
  const candidates = stability.filter((s) => s.communities >= 2 && s.communities <= papers / 2 && s.smallShare <= rule.maxSmallShare);
  const one = candidates.find((s) => s.resolution === 1);
  let best = one;
  for (const s of candidates) {
    if (s === one) continue;
    const clearly = !one || s.stability >= one.stability + rule.margin;
    // Of several clearly more stable ones, the most stable (the first in grid order on a tie).
    if (clearly && (best === undefined || best === one || s.stability > best.stability)) best = s;
  }
  return best?.resolution ?? 1;
}
