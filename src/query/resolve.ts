// Name resolution for queries: ids, labels and aliases match whatever their case and punctuation; misses suggest names.

/** "MMLU-Pro", "mmlu pro" and "MMLU_PRO" are one name. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Edit distance, giving up (returning limit + 1) once the distance must exceed `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]);
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** An index from normalised names to the keys they name (a name may name several things). */
export class NameIndex {
  private readonly names = new Map<string, string[]>();
  /** One display name per key, for suggestions. */
  private readonly display = new Map<string, string>();

  add(key: string, display: string, names: Iterable<string>): void {
    if (!this.display.has(key)) this.display.set(key, display);
    for (const name of names) {
      const n = normalizeName(name);
      if (!n) continue;
      const keys = this.names.get(n);
      if (!keys) this.names.set(n, [key]);
      else if (!keys.includes(key)) keys.push(key);
    }
  }

  lookup(name: string): string[] {
    return this.names.get(normalizeName(name)) ?? [];
  }

  /** Up to `count` display names close to `name`: small edit distance first, then names that contain it. */
  suggest(name: string, count = 5, accept: (key: string) => boolean = () => true): string[] {
    const n = normalizeName(name);
    if (!n) return [];
    const limit = n.length <= 3 ? 1 : Math.max(2, Math.floor(n.length / 3));
    const scored = new Map<string, number>();
    for (const [candidate, keys] of this.names) {
      let score = editDistance(n, candidate, limit);
      if (score > limit) {
        if (n.length >= 3 && (candidate.includes(n) || n.includes(candidate))) score = limit + 1 + Math.abs(candidate.length - n.length) / 100;
        else continue;
      }
      for (const key of keys) {
        if (!accept(key)) continue;
        const seen = scored.get(key);
        if (seen === undefined || score < seen) scored.set(key, score);
      }
    }
    return [...scored.entries()]
      .sort((a, b) => a[1] - b[1] || this.display.get(a[0])!.localeCompare(this.display.get(b[0])!))
      .slice(0, count)
      .map(([key]) => this.display.get(key)!);
  }
}
