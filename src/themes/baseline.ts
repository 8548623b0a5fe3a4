// The bag-of-words baseline the themes are measured against: TF-IDF vectors, 5 nearest neighbours, Louvain.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';

const STOPWORDS = new Set(
  ('a an and are as at be by can for from has have in into is it its of on or our over such than that the their these this to ' +
    'we which while with without both via not but also more most new show shows propose proposed based using use used paper ' +
    'approach method methods model models results however significantly performance work two one only well across while other')
    .split(' '),
);

function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).filter((t) => t.length > 1 && !STOPWORDS.has(t));
}

/**
 * Themes of documents from their words alone: cosine of TF-IDF vectors, each document linked to its k nearest, Louvain
 * (seeded by rng). Returns one community number per document. NOTE: all pairs are compared: evaluation sets are small.
 */
export function bagOfWordsThemes(texts: string[], rng: () => number, k = 5, resolution = 1): number[] {
  const docs = texts.map((t) => {
    const tf = new Map<string, number>();
    for (const w of tokens(t)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const w of d.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = docs.length;
  const vectors = docs.map((d) => {
    const v = new Map<string, number>();
    let s = 0;
    for (const [w, f] of d) {
      const x = (1 + Math.log(f)) * Math.log((1 + n) / (1 + df.get(w)!));
      v.set(w, x);
      s += x * x;
    }
    const norm = Math.sqrt(s) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
  const graph = new Graph({ type: 'undirected' });
  for (let i = 0; i < n; i++) graph.addNode(String(i));
  for (let i = 0; i < n; i++) {
    const sims: Array<[number, number]> = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (const [w, x] of vectors[i]) {
        const y = vectors[j].get(w);
        if (y) s += x * y;
      }
      if (s > 0) sims.push([j, s]);
    }
    sims.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [j, s] of sims.slice(0, k)) if (!graph.hasEdge(String(i), String(j))) graph.addEdge(String(i), String(j), { weight: s });
  }
  if (graph.size === 0) return texts.map((_, i) => i);
  const communities = louvain(graph, { rng, resolution, getEdgeWeight: 'weight' });
  return texts.map((_, i) => communities[String(i)]);
}
