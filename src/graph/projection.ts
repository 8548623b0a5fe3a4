// Relates papers to each other through the rare concepts they share: a top-k nearest-neighbour graph of papers.
//
// NOTE: why top-k neighbours over an inverted index, and not all pairs or Louvain on the bipartite graph: all pairs of
// papers sharing a concept grow with the square of a concept's papers (one benchmark in 10% of 100k papers is 50M pairs);
// skipping hubs and keeping k neighbours per paper bounds the work by papers × concepts per paper × hub limit, and the
// edges by k × papers. Louvain on the bipartite graph would need no projection, but there a hub concept is itself a node
// that pulls its papers into one community, and rarity can only enter through edge weights.
import Graph from 'graphology';
import type { KnowledgeGraph } from './index.ts';
import type { GraphOptions } from './options.ts';
import type { ConceptNode } from '../model/graph-json.ts';
import { SILENT_PROGRESS, type ProgressReporter } from '../progress.ts';

export interface Projection {
  /** Papers as nodes (every paper, isolated ones too), edges weighted by cosine similarity of rarity-weighted concepts. */
  graph: Graph<{ index: number }, { weight: number }>;
  /** Concepts in more papers than this relate none (hubs). */
  hubLimit: number;
  /** Ids of the hub concepts, sorted. */
  hubs: string[];
}

/** The paper–paper neighbour graph of a knowledge graph. Linear in papers for a fixed hub limit. */
export function projectPapers(kg: KnowledgeGraph, options: GraphOptions, progress: ProgressReporter = SILENT_PROGRESS): Projection {
  const paperKeys: string[] = [];
  kg.forEachNode((key, attr) => {
    if (attr.kind === 'paper') paperKeys.push(key);
  });
  const n = paperKeys.length;

  // Features: each concept of a paper, and its broader concept (a weaker feature) when the vocabulary gives one.
  const featureIndex = new Map<string, number>();
  const featureName: string[] = [];
  const featureOf = (name: string): number => {
    let f = featureIndex.get(name);
    if (f === undefined) {
      f = featureName.length;
      featureIndex.set(name, f);
      featureName.push(name);
    }
    return f;
  };
  const paperFeatures: Map<number, number>[] = paperKeys.map(() => new Map());
  paperKeys.forEach((key, i) => {
    const feats = paperFeatures[i];
    kg.forEachEdge(key, (_e, edge, s, t, sa, ta) => {
      const concept = (s === key ? ta : sa) as ConceptNode;
      const inTitle = edge.spans.some((span) => span.field === 'title');
      const w = options.kindWeights[concept.kind] * options.sourceWeights[concept.source] * (inTitle ? options.titleWeight : 1);
      if (w <= 0) return;
      const f = featureOf(concept.conceptId);
      feats.set(f, Math.max(feats.get(f) ?? 0, w));
      if (concept.parent && options.parentWeight > 0) {
        const pf = featureOf(concept.parent);
        feats.set(pf, Math.max(feats.get(pf) ?? 0, w * options.parentWeight));
      }
    });
  });

  const df = new Int32Array(featureName.length);
  for (const feats of paperFeatures) for (const f of feats.keys()) df[f]++;
  const hubLimit = Math.min(options.hubMaxPapers, Math.max(options.hubMinPapers, Math.floor(options.hubShare * n)));
  const hubs = featureName.filter((name, f) => df[f] > hubLimit && !name.includes(':')).sort();

  // Postings only for shareable features (2 ≤ df ≤ hub limit): the others relate no pair. CSR arrays: paper and weight.
  const shareable = (f: number): boolean => df[f] >= 2 && df[f] <= hubLimit;
  const start = new Int32Array(featureName.length + 1);
  for (let f = 0; f < featureName.length; f++) start[f + 1] = start[f] + (shareable(f) ? df[f] : 0);
  const postPaper = new Int32Array(start[featureName.length]);
  const postWeight = new Float64Array(start[featureName.length]);
  const fill = start.slice(0, featureName.length);
  const norms = new Float64Array(n);
  const vectors: Array<Array<[number, number]>> = paperFeatures.map((feats, i) => {
    const v: Array<[number, number]> = [];
    let s = 0;
    for (const [f, w] of feats) {
      if (!shareable(f)) continue;
      const x = w * Math.log(n / df[f]);
      v.push([f, x]);
      s += x * x;
      postPaper[fill[f]] = i;
      postWeight[fill[f]++] = x;
    }
    norms[i] = Math.sqrt(s);
    return v;
  });

  const graph = new Graph<{ index: number }, { weight: number }>({ type: 'undirected', multi: false, allowSelfLoops: false });
  paperKeys.forEach((key, i) => graph.addNode(key, { index: i }));
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  // NOTE: which paper last touched j; acc[j] === 0 is no test of that (a feature in every paper has idf 0, and
  // touching j again listed it twice: NaN similarities and a self loop on two-paper corpora, issue 13).
  const touchedBy = new Int32Array(n).fill(-1);
  const k = options.neighbours;
  const topSim = new Float64Array(k);
  const topIdx = new Int32Array(k);
  // Higher similarity first; ties to the paper that comes first, so the result never depends on visiting order.
  const better = (sim: number, j: number, otherSim: number, otherJ: number): boolean => sim > otherSim || (sim === otherSim && j < otherJ);
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0) progress.update(i);
    let t = 0;
    for (const [f, w] of vectors[i]) {
      for (let p = start[f], end = start[f + 1]; p < end; p++) {
        const j = postPaper[p];
        if (j === i) continue;
        if (touchedBy[j] !== i) {
          touchedBy[j] = i;
          touched[t++] = j;
        }
        acc[j] += w * postWeight[p];
      }
    }
    // NOTE: a paper can touch thousands of others; keep the best k by insertion instead of sorting them all.
    let kept = 0;
    for (let c = 0; c < t; c++) {
      const j = touched[c];
      const sim = acc[j] / (norms[i] * norms[j]);
      acc[j] = 0;
      // NOTE: no shared weight (idf 0 everywhere) is no similarity: 0/0 is NaN, and NaN passed the old `<` test.
      if (!(sim > 0) || sim < options.minSimilarity) continue;
      if (kept === k && !better(sim, j, topSim[k - 1], topIdx[k - 1])) continue;
      let at = kept < k ? kept++ : k - 1;
      while (at > 0 && better(sim, j, topSim[at - 1], topIdx[at - 1])) {
        topSim[at] = topSim[at - 1];
        topIdx[at] = topIdx[at - 1];
        at--;
      }
      topSim[at] = sim;
      topIdx[at] = j;
    }
    for (let c = 0; c < kept; c++) {
      const j = topIdx[c];
      const sim = topSim[c];
      const a = paperKeys[Math.min(i, j)];
      const b = paperKeys[Math.max(i, j)];
      if (!graph.hasEdge(a, b)) graph.addEdge(a, b, { weight: sim });
    }
  }
  return { graph, hubLimit, hubs };
}
