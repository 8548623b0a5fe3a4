// Consensus clustering: Louvain repeated until its runs agree (Lancichinetti & Fortunato 2012, doi:10.1038/srep00336).
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { ClusteringGraph } from '../graph/clustering.ts';

export interface ConsensusOptions {
  /** Louvain runs per round. */
  runs: number;
  /** An edge stays in the consensus graph when at least this share of the runs put its ends together. */
  threshold: number;
  /** At most this many rounds of runs → consensus graph. */
  rounds: number;
  resolution: number;
}

/**
 * Louvain's partition of a small graph moves a lot with its traversal order (the rng). The procedure: run Louvain
 * `runs` times; keep each edge of the graph whose two ends share a community in at least `threshold` of the runs, its
 * weight × that share; repeat on the new graph until every kept edge is unanimous (or `rounds` are done); the answer is
 * one more Louvain run on the last consensus graph. NOTE: agreement is only counted on the graph's own edges, not on
 * all node pairs (the paper's full co-association matrix is quadratic), so each round costs `runs` Louvain runs plus one
 * pass over the edges. Deterministic: every run draws from the same seeded rng, in order.
 */
export function consensusCommunities(graph: ClusteringGraph, rng: () => number, options: ConsensusOptions): Record<string, number> {
  const run = (g: ClusteringGraph): Record<string, number> => louvain(g, { rng, resolution: options.resolution, getEdgeWeight: 'weight' });
  if (options.runs <= 1 || graph.size === 0) return run(graph);
  let current = graph;
  for (let round = 0; round < options.rounds; round++) {
    const partitions: Array<Record<string, number>> = [];
    for (let r = 0; r < options.runs; r++) partitions.push(run(current));
    const next: ClusteringGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
    graph.forEachNode((key) => next.addNode(key));
    let unanimous = true;
    graph.forEachEdge((_e, attr, s, t) => {
      let together = 0;
      for (const p of partitions) if (p[s] === p[t]) together++;
      const share = together / options.runs;
      if (share > 0 && share < 1) unanimous = false;
      if (share >= options.threshold) next.addEdge(s, t, { weight: attr.weight * share });
    });
    current = next;
    if (unanimous || current.size === 0) break;
  }
  return current.size === 0 ? run(graph) : run(current);
}
