// A small seeded pseudo-random generator, so every random choice of the pipeline (Louvain order, layout start) repeats.

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, good enough for shuffles and jitter, and fast. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
