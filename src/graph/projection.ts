// The paper neighbour graph: each paper linked to its k most similar papers, by their words and the concepts they share.
//
// NOTE: why a top-k neighbour graph over an inverted index, and not all pairs: pairs of papers sharing a feature grow
// with the square of its papers (one benchmark in 10% of 100k papers is 50M pairs). Features in more papers than a
// cap relate none, each paper queries with its strongest features only, and k neighbours are kept per paper, so the
// work is bounded by papers × query features × cap and the edges by k × papers.
//
// NOTE: why text and concepts together: concepts alone lose to a bag of words wherever the extraction finds few
// informative concepts (old arXiv listings, other fields: AMI 0.06–0.13 against 0.21–0.29). Each paper gets two
// L2-normalised vectors, its words (sublinear TF × IDF) and its concepts (rarity-weighted), concatenated as
// [√(1−α)·text, √α·concepts]: the dot product of two papers is (1−α)·cos(text) + α·cos(concepts). α is set per corpus
// from how many papers have informative concepts, so concepts add where they are informative and the text carries the
// corpus where they are not.
import Graph from 'graphology';
import type { KnowledgeGraph } from './knowledge-graph.ts';
import type { GraphOptions } from './options.ts';
import type { ConceptNode, PaperNode } from '../model/graph-json.ts';
import { TermCounter } from './text.ts';
import { SILENT_PROGRESS, type ProgressReporter } from '../progress.ts';

export interface Projection {
  /** Papers as nodes (every paper, isolated ones too), edges weighted by similarity (text and concepts). */
  graph: Graph<{ index: number }, { weight: number }>;
  /** Concepts in more papers than this relate none (hubs). */
  hubLimit: number;
  /** Ids of the hub concepts, sorted. */
  hubs: string[];
  /** Weight of the concept part of the similarity (the text has 1 − conceptShare), set from the corpus. */
  conceptShare: number;
  /** Share of papers with at least `informativeConcepts` shareable concepts (what conceptShare is scaled by). */
  conceptCoverage: number;
  /** Text terms (words and bigrams, folded) by id, and each paper's term ids: theme names reuse them. */
  termNames: string[];
  paperTermIds: Int32Array[];
}

/** Scales x[from..to) to length `scale` (left as is when all zero). */
function normalise(x: Float64Array, from: number, to: number, scale: number): void {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  if (s === 0) return;
  const k = scale / Math.sqrt(s);
  for (let i = from; i < to; i++) x[i] *= k;
}

/** The paper neighbour graph of a knowledge graph. Linear in papers for fixed caps. */
export function projectPapers(kg: KnowledgeGraph, options: GraphOptions, progress: ProgressReporter = SILENT_PROGRESS): Projection {
  const paperKeys: string[] = [];
  kg.forEachNode((key, attr) => {
    if (attr.kind === 'paper') paperKeys.push(key);
  });
  const n = paperKeys.length;

  // Concept features: each concept of a paper, and its broader concept (a weaker feature) when the vocabulary gives one.
  const conceptIndex = new Map<string, number>();
  const conceptName: string[] = [];
  const conceptOf = (name: string): number => {
    let f = conceptIndex.get(name);
    if (f === undefined) {
      f = conceptName.length;
      conceptIndex.set(name, f);
      conceptName.push(name);
    }
    return f;
  };
  // NOTE: each paper's concept features go straight into flat arrays (CSR: cFrom, cFeature, cWeight), each feature once
  // with its largest weight, in order of first appearance (as a Map per paper kept them, so the sums below add in the
  // same order). At 100k papers a Map per paper was 100k long-lived objects: more old generation for every major GC.
  const cFrom = new Int32Array(n + 1);
  let cFeature = new Int32Array(Math.max(64, 8 * n));
  let cWeight = new Float64Array(cFeature.length);
  let cUsed = 0;
  // Where feature f sits in the current paper's list (valid when markPaper[f] === the paper).
  let markPaper = new Int32Array(256).fill(-1);
  let markAt = new Int32Array(256);
  const addFeature = (i: number, f: number, w: number): void => {
    if (f >= markPaper.length) {
      const size = Math.max(2 * markPaper.length, f + 1);
      const mp = new Int32Array(size).fill(-1);
      mp.set(markPaper);
      markPaper = mp;
      const ma = new Int32Array(size);
      ma.set(markAt);
      markAt = ma;
    }
    if (markPaper[f] === i) {
      cWeight[markAt[f]] = Math.max(cWeight[markAt[f]], w);
      return;
    }
    if (cUsed === cFeature.length) {
      const cf = new Int32Array(2 * cUsed);
      cf.set(cFeature);
      cFeature = cf;
      const cw = new Float64Array(2 * cUsed);
      cw.set(cWeight);
      cWeight = cw;
    }
    markPaper[f] = i;
    markAt[f] = cUsed;
    cFeature[cUsed] = f;
    // NOTE: max(0, w), as the Map's `max(get(f) ?? 0, w)` gave for a first occurrence (w > 0 here, so w itself).
    cWeight[cUsed++] = Math.max(0, w);
  };
  paperKeys.forEach((key, i) => {
    kg.forEachEdge(key, (_e, edge, s, t, sa, ta) => {
      const concept = (s === key ? ta : sa) as ConceptNode;
      const inTitle = edge.spans.some((span) => span.field === 'title');
      const w =
        options.kindWeights[concept.kind] *
        options.sourceWeights[concept.source] *
        (inTitle ? options.titleWeight : 1) *
        (1 + options.conceptTfWeight * Math.log(Math.max(1, edge.spans.length)));
      if (w <= 0) return;
      addFeature(i, conceptOf(concept.conceptId), w);
      if (concept.parent && options.parentWeight > 0) addFeature(i, conceptOf(concept.parent), w * options.parentWeight);
    });
    cFrom[i + 1] = cUsed;
  });
  const conceptDf = new Int32Array(conceptName.length);
  for (let e = 0; e < cUsed; e++) conceptDf[cFeature[e]]++;
  const hubLimit = Math.min(options.hubMaxPapers, Math.max(options.hubMinPapers, Math.floor(options.hubShare * n)));
  const hubs = conceptName.filter((name, f) => conceptDf[f] > hubLimit && !name.includes(':')).sort();

  // Text features: content words and bigrams of title (counted titleTextWeight times) and abstract, interned.
  // NOTE: every per-paper list is one slice of a flat typed array (CSR: offsets, ids, values), built in one pass with
  // integer term ids: no map, object or string per paper or bigram (the garbage of those was half the stage at 10k).
  // NOTE: the counts are written in fixed-size chunks and copied once into arrays of the exact size: no doubling (at
  // 100k papers ~14M entries: the doublings allocated ~0.5 GB of typed arrays, and each burst of such external memory
  // starts a full garbage collection of a heap that holds the whole knowledge graph, seconds each at that size).
  const counter = new TermCounter();
  const termStart = new Int32Array(n + 1);
  const CHUNK_BITS = 16;
  const CHUNK = 1 << CHUNK_BITS;
  const idChunks: Int32Array[] = [];
  const countChunks: Float64Array[] = [];
  let entries = 0;
  for (let i = 0; i < n; i++) {
    const p = kg.getNodeAttributes(paperKeys[i]) as PaperNode;
    counter.begin();
    counter.add(p.label, options.titleTextWeight, options.bigramWeight);
    counter.add(p.abstract ?? '', 1, options.bigramWeight);
    for (let c = 0; c < counter.length; ) {
      const at = entries & (CHUNK - 1);
      if (at === 0) {
        idChunks.push(new Int32Array(CHUNK));
        countChunks.push(new Float64Array(CHUNK));
      }
      const take = Math.min(counter.length - c, CHUNK - at);
      idChunks[idChunks.length - 1].set(counter.ids.subarray(c, c + take), at);
      countChunks[countChunks.length - 1].set(counter.counts.subarray(c, c + take), at);
      c += take;
      entries += take;
    }
    termStart[i + 1] = entries;
  }
  const termNames = counter.names;
  const terms = termNames.length;
  const termIds = new Int32Array(entries);
  idChunks.forEach((chunk, c) => termIds.set(c * CHUNK + CHUNK <= entries ? chunk : chunk.subarray(0, entries - c * CHUNK), c * CHUNK));
  idChunks.length = 0;
  const termCount = (k: number): number => countChunks[k >>> CHUNK_BITS][k & (CHUNK - 1)];
  const paperTermIds = Array.from({ length: n }, (_, i) => termIds.subarray(termStart[i], termStart[i + 1]));
  const termDf = new Int32Array(terms);
  for (let e = 0; e < entries; e++) termDf[termIds[e]]++;
  const textLimit = Math.min(options.textMaxPapers, Math.max(options.hubMinPapers, Math.floor(options.textHubShare * n)));

  // Vectors. A feature in one paper relates nothing and is dropped before normalising, as is one past its cap:
  // both are left out of the similarity, not only of the search (so the similarity stays symmetric).
  let covered = 0;
  const cStart = new Int32Array(n + 1);
  const cF = new Int32Array(cUsed);
  const cX = new Float64Array(cUsed);
  for (let i = 0; i < n; i++) {
    let e = cStart[i];
    for (let x = cFrom[i]; x < cFrom[i + 1]; x++) {
      const f = cFeature[x];
      if (conceptDf[f] < 2 || conceptDf[f] > hubLimit) continue;
      cF[e] = terms + f;
      cX[e++] = cWeight[x] * Math.log(n / conceptDf[f]);
    }
    if (e - cStart[i] >= options.informativeConcepts) covered++;
    cStart[i + 1] = e;
  }
  cFeature = new Int32Array(0);
  cWeight = new Float64Array(0);
  const conceptCoverage = n ? covered / n : 0;
  const conceptShare = options.conceptWeight * conceptCoverage;
  // Each paper's vector: its text part (normalised to √(1−share)), then its concept part (normalised to √share).
  const vecStart = new Int32Array(n + 1);
  // NOTE: sized to the entries kept (terms in 2 papers or more and under the cap), not all counted: at 100k papers a
  // third of them.
  let kept = cStart[n];
  for (let e = 0; e < entries; e++) if (termDf[termIds[e]] >= 2 && termDf[termIds[e]] <= textLimit) kept++;
  const vecF = new Int32Array(kept);
  const vecX = new Float64Array(vecF.length);
  const textScale = Math.sqrt(1 - conceptShare);
  const conceptScale = Math.sqrt(conceptShare);
  // BM25 (Robertson & Zaragoza 2009) as the alternative to sublinear TF: saturating TF, normalised by text length.
  const bm25 = options.textWeighting === 'bm25';
  let avgLength = 0;
  if (bm25) {
    for (let k = 0; k < entries; k++) avgLength += termCount(k);
    avgLength = n ? avgLength / n : 1;
  }
  const k1 = options.bm25K1;
  const b = options.bm25B;
  for (let i = 0; i < n; i++) {
    const from = vecStart[i];
    let e = from;
    let length = 0;
    if (bm25) for (let k = termStart[i]; k < termStart[i + 1]; k++) length += termCount(k);
    const norm = bm25 ? k1 * (1 - b + (b * length) / (avgLength || 1)) : 0;
    for (let k = termStart[i]; k < termStart[i + 1]; k++) {
      const t = termIds[k];
      if (termDf[t] < 2 || termDf[t] > textLimit) continue;
      vecF[e] = t;
      const tf = termCount(k);
      vecX[e++] = bm25 ? ((tf * (k1 + 1)) / (tf + norm)) * Math.log(1 + (n - termDf[t] + 0.5) / (termDf[t] + 0.5)) : (1 + Math.log(tf)) * Math.log((1 + n) / (1 + termDf[t]));
    }
    normalise(vecX, from, e, textScale);
    const mid = e;
    for (let k = cStart[i]; k < cStart[i + 1]; k++) {
      vecF[e] = cF[k];
      vecX[e++] = cX[k];
    }
    normalise(vecX, mid, e, conceptScale);
    vecStart[i + 1] = e;
  }
  countChunks.length = 0;

  // Postings (CSR: paper and value per feature), features in feature order, papers in paper order.
  const features = terms + conceptName.length;
  const start = new Int32Array(features + 1);
  for (let e = 0; e < vecStart[n]; e++) start[vecF[e] + 1]++;
  for (let f = 0; f < features; f++) start[f + 1] += start[f];
  const postPaper = new Int32Array(start[features]);
  const postValue = new Float64Array(start[features]);
  const fill = start.slice(0, features);
  for (let i = 0; i < n; i++) {
    for (let e = vecStart[i]; e < vecStart[i + 1]; e++) {
      const p = fill[vecF[e]]++;
      postPaper[p] = i;
      postValue[p] = vecX[e];
    }
  }

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
  const q = options.queryFeatures;
  // The edges found (papers, similarity), and where each paper's own start: madeFrom[i]..madeFrom[i + 1] are those paper
  // i made, to papers after it (edgeA = i, edgeB = the other).
  const edgeA = new Int32Array(n * k);
  const edgeB = new Int32Array(n * k);
  const edgeW = new Float64Array(n * k);
  const madeFrom = new Int32Array(n + 1);
  let edges = 0;
  // Higher similarity first; ties to the paper that comes first, so the result never depends on visiting order.
  const better = (sim: number, j: number, otherSim: number, otherJ: number): boolean => sim > otherSim || (sim === otherSim && j < otherJ);
  const order = new Int32Array(q);
  let longest = 0;
  for (let i = 0; i < n; i++) longest = Math.max(longest, vecStart[i + 1] - vecStart[i]);
  const scratchValues = new Float64Array(longest);
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0) progress.update(i);
    const from = vecStart[i];
    const len = vecStart[i + 1] - from;
    // NOTE: a paper queries with its q strongest features (ties by feature id); its weaker ones add little to any
    // similarity and their postings are most of the work.
    let chosen = 0;
    if (len <= q) {
      for (let c = 0; c < len; c++) order[chosen++] = from + c;
    } else {
      // The q-th largest value by a numeric typed-array sort (no comparator closure), then the features above it and
      // as many equal to it as fit, in feature order: the same set as a full sort with ties by position.
      const values = vecX.subarray(from, from + len);
      scratchValues.set(values);
      const sorted = scratchValues.subarray(0, len).sort();
      const threshold = sorted[len - q];
      let above = 0;
      for (let c = 0; c < len; c++) if (values[c] > threshold) above++;
      let equal = q - above;
      for (let c = 0; c < len; c++) {
        if (values[c] > threshold) order[chosen++] = from + c;
        else if (values[c] === threshold && equal > 0) {
          order[chosen++] = from + c;
          equal--;
        }
      }
    }
    let t = 0;
    for (let o = 0; o < chosen; o++) {
      const w = vecX[order[o]];
      const f = vecF[order[o]];
      for (let p = start[f], end = start[f + 1]; p < end; p++) {
        const j = postPaper[p];
        if (j === i) continue;
        if (touchedBy[j] !== i) {
          touchedBy[j] = i;
          touched[t++] = j;
        }
        acc[j] += w * postValue[p];
      }
    }
    // NOTE: a paper can touch thousands of others; keep the best k by insertion instead of sorting them all.
    let kept = 0;
    for (let c = 0; c < t; c++) {
      const j = touched[c];
      const sim = acc[j];
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
      // NOTE: with query features cut, i→j and j→i may differ slightly; the edge keeps the larger, whichever comes first.
      // An edge to an earlier paper j exists only if j made it (i was in j's best k), among j's few edges.
      let e = -1;
      if (j < i) for (let x = madeFrom[j]; x < madeFrom[j + 1]; x++) if (edgeB[x] === i) e = x;
      if (e === -1) {
        edgeA[edges] = Math.min(i, j);
        edgeB[edges] = Math.max(i, j);
        edgeW[edges++] = topSim[c];
      } else if (topSim[c] > edgeW[e]) edgeW[e] = topSim[c];
    }
    madeFrom[i + 1] = edges;
  }
  // Edges in the order they were first found, as adding them during the search gave.
  for (let e = 0; e < edges; e++) graph.addEdge(paperKeys[edgeA[e]], paperKeys[edgeB[e]], { weight: edgeW[e] });
  return { graph, hubLimit, hubs, conceptShare, conceptCoverage, termNames, paperTermIds };
}
