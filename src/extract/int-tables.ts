// Open-addressing hash tables over int32 keys: the hot loops count and look up by integer ids, never by strings.

/** FNV-1a-style mix of two int32s. */
function hashPair(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ 0x5bd1e995, 0x85ebca77);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}

/** Ints per slot: key a, key b, value (EMPTY when the slot is free), padding. */
const STRIDE = 4;
const EMPTY = -1;

/**
 * A map from a pair of int32s to an int32 value (≥ 0 by convention, MISSING when absent). Unlike a Map with
 * `a * 2^k + b` number keys, it allocates no heap numbers and stays compact at millions of entries.
 * NOTE: keys and value of a slot sit side by side (16 bytes), so a probe touches one cache line, not four arrays.
 */
export class PairMap {
  static readonly MISSING = -1;
  private t = new Int32Array(STRIDE << 12).fill(EMPTY);
  size = 0;

  get(a: number, b: number): number {
    const t = this.t;
    const mask = (t.length >> 2) - 1;
    let slot = hashPair(a, b) & mask;
    for (;;) {
      const at = slot << 2;
      const v = t[at + 2]!;
      if (v === EMPTY) return PairMap.MISSING;
      if (t[at] === a && t[at + 1] === b) return v;
      slot = (slot + 1) & mask;
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.t.length >> 2) this.rehash();
    const t = this.t;
    const mask = (t.length >> 2) - 1;
    let slot = hashPair(a, b) & mask;
    for (;;) {
      const at = slot << 2;
      if (t[at + 2] === EMPTY) {
        t[at] = a;
        t[at + 1] = b;
        t[at + 2] = value;
        this.size++;
        return;
      }
      if (t[at] === a && t[at + 1] === b) {
        t[at + 2] = value;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The value of (a, b), or a new dense id (the number of entries so far) stored for it. */
  intern(a: number, b: number): number {
    // NOTE: one probe finds the pair or the free slot it goes to (get() then set() would probe twice).
    const t = this.t;
    const mask = (t.length >> 2) - 1;
    let slot = hashPair(a, b) & mask;
    for (;;) {
      const at = slot << 2;
      const v = t[at + 2]!;
      if (v === EMPTY) break;
      if (t[at] === a && t[at + 1] === b) return v;
      slot = (slot + 1) & mask;
    }
    const id = this.size;
    if ((id + 1) * 2 > t.length >> 2) {
      this.set(a, b, id);
      return id;
    }
    const at = slot << 2;
    t[at] = a;
    t[at + 1] = b;
    t[at + 2] = id;
    this.size = id + 1;
    return id;
  }

  private rehash(): void {
    const old = this.t;
    const t = new Int32Array(old.length * 2).fill(EMPTY);
    const mask = (t.length >> 2) - 1;
    for (let at = 0; at < old.length; at += STRIDE) {
      if (old[at + 2] === EMPTY) continue;
      let slot = hashPair(old[at]!, old[at + 1]!) & mask;
      while (t[(slot << 2) + 2] !== EMPTY) slot = (slot + 1) & mask;
      const to = slot << 2;
      t[to] = old[at]!;
      t[to + 1] = old[at + 1]!;
      t[to + 2] = old[at + 2]!;
    }
    this.t = t;
  }
}
