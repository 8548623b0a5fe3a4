// Open-addressing hash tables over int32 keys: the hot loops count and look up by integer ids, never by strings.

/** FNV-1a-style mix of two int32s. */
function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x5bd1e995, 0x85ebca77);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}

/**
 * A map from a pair of int32s to an int32 value (≥ 0 by convention, MISSING when absent). Unlike a Map with
 * `a * 2^k + b` number keys, it allocates no heap numbers and stays compact at millions of entries.
 */
export class PairMap {
  static readonly MISSING = -1;
  private a = new Int32Array(1 << 12);
  private b = new Int32Array(1 << 12);
  private v = new Int32Array(1 << 12).fill(PairMap.MISSING);
  private used = new Uint8Array(1 << 12);
  size = 0;

  get(a: number, b: number): number {
    const mask = this.v.length - 1;
    let slot = hashPair(a, b) & mask;
    while (this.used[slot]) {
      if (this.a[slot] === a && this.b[slot] === b) return this.v[slot]!;
      slot = (slot + 1) & mask;
    }
    return PairMap.MISSING;
  }

  set(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.v.length) this.rehash();
    const mask = this.v.length - 1;
    let slot = hashPair(a, b) & mask;
    while (this.used[slot]) {
      if (this.a[slot] === a && this.b[slot] === b) {
        this.v[slot] = value;
        return;
      }
      slot = (slot + 1) & mask;
    }
    this.used[slot] = 1;
    this.a[slot] = a;
    this.b[slot] = b;
    this.v[slot] = value;
    this.size++;
  }

  /** The value of (a, b), or a new dense id (the number of entries so far) stored for it. */
  intern(a: number, b: number): number {
    const v = this.get(a, b);
    if (v !== PairMap.MISSING) return v;
    const id = this.size;
    this.set(a, b, id);
    return id;
  }

  private rehash(): void {
    const { a, b, v, used } = this;
    const cap = v.length * 2;
    this.a = new Int32Array(cap);
    this.b = new Int32Array(cap);
    this.v = new Int32Array(cap).fill(PairMap.MISSING);
    this.used = new Uint8Array(cap);
    const mask = cap - 1;
    for (let s = 0; s < used.length; s++) {
      if (!used[s]) continue;
      let slot = hashPair(a[s]!, b[s]!) & mask;
      while (this.used[slot]) slot = (slot + 1) & mask;
      this.used[slot] = 1;
      this.a[slot] = a[s]!;
      this.b[slot] = b[s]!;
      this.v[slot] = v[s]!;
    }
  }
}
