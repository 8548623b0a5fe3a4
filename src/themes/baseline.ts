// The bag-of-words baseline the themes are measured against: TF-IDF vectors, 5 nearest neighbours, Louvain.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';

/**
 * Word tokens as scikit-learn's TfidfVectorizer takes them (`\b\w\w+\b`, lower case): no stop list, no stemming.
 * NOTE: deliberately plain. An earlier version kept hyphenated words whole ("vision-language") and dropped a hand-made
 * list of domain words ("model", "method"); on the dev gold that scored AMI 0.35 where the issue quotes 0.44, so the
 * themes were being compared with a weakened baseline. IDF already discounts words every abstract uses.
 */
function tokens(text: string): string[] {
  return text.toLowerCase().match(/\b\w\w+\b/gu) ?? [];
}

/**
 * Themes of documents from their words alone: sublinear TF × smoothed IDF (`(1 + ln tf) · ln((1 + n) / (1 + df))`),
 * L2-normalised, each document linked to its k nearest by cosine (edge weight = cosine), Louvain (seeded by rng).
 * Returns one community number per document. NOTE: all pairs are compared: evaluation sets are small.
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
      if (x <= 0) continue;
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
