// Interned spellings of an extraction run: keys (lower case, marks removed, plural folded), shapes, memoised word tests.

/** Shape bits of a token as written, computed once per distinct spelling. */
export const Shape = Object.freeze({
  /** Starts with A–Z. */
  FirstUpper: 1,
  /** Starts with 0–9. */
  FirstDigit: 2,
  /** Lower-case letters, then a capital: "xAR", "mAP". */
  LowerThenUpper: 4,
  /** Has a capital A–Z or a digit anywhere. */
  UpperOrDigit: 8,
  /** Only a–z. */
  LowerAscii: 16,
  /** Unchanged by toLowerCase(). */
  Lower: 32,
  /** The key ends with a digit ("qwen2"). */
  NormEndsDigit: 64,
});

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Folds a plural so "LLMs"/"LLM", "accuracies"/"accuracy" share a key; applied alike to vocabulary and text. */
export function foldWord(lower: string): string {
  const n = lower.length;
  if (n <= 3) return lower;
  const last = lower.charCodeAt(n - 1);
  if (last !== 115 /* s */) return lower;
  if (lower.endsWith('ies') && n > 4) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return lower;
  const prev = lower.charCodeAt(n - 2);
  if (isDigit(prev)) return lower;
  return lower.slice(0, -1);
}

function stripMarks(lower: string): string {
  return lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

export function normalizeWord(raw: string): string {
  let s = raw.toLowerCase();
  // Most words are ASCII; only decompose when needed (NFKD is slow).
  if (/[^\x00-\x7f]/.test(s)) s = stripMarks(s);
  return foldWord(s);
}

function shapeOf(raw: string, norm: string): number {
  const c0 = raw.charCodeAt(0);
  let s = 0;
  if (c0 >= 65 && c0 <= 90) s |= Shape.FirstUpper;
  if (c0 >= 48 && c0 <= 57) s |= Shape.FirstDigit;
  if (/^[a-z]+[A-Z]/.test(raw)) s |= Shape.LowerThenUpper;
  if (/[A-Z0-9]/.test(raw)) s |= Shape.UpperOrDigit;
  if (/^[a-z]+$/.test(raw)) s |= Shape.LowerAscii;
  if (raw.toLowerCase() === raw) s |= Shape.Lower;
  if (isDigit(norm.charCodeAt(norm.length - 1))) s |= Shape.NormEndsDigit;
  return s;
}

const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** Ints per slot of Lexicon's table (a power of two: slot << 3), and the offsets of its fields after the hash. */
const SLOT = 8;
export const S_RID = 1;
export const S_NID = 2;
export const S_SHAPE = 3;
const S_LEN = 4;
const S_POOL = 5;

export function grown<T extends Int32Array | Uint8Array | Int8Array>(a: T, size: number, fillWith = 0): T {
  if (size <= a.length) return a;
  let cap = Math.max(16, a.length);
  while (cap < size) cap *= 2;
  const b = new (a.constructor as new (n: number) => T)(cap);
  b.set(a);
  if (fillWith !== 0) b.fill(fillWith, a.length);
  return b;
}

/** A word test whose answers a Lexicon remembers per interned id (make one with wordTest()). */
export interface WordTest {
  readonly on: 'raw' | 'norm';
  readonly test: (word: string) => boolean;
  /** Index of its memo in every Lexicon. */
  readonly slot: number;
}

let wordTests = 0;

/** A test of raw spellings or of keys, answered once per distinct word of a run. */
export function wordTest(on: 'raw' | 'norm', test: (word: string) => boolean): WordTest {
  return { on, test, slot: wordTests++ };
}

/**
 * Interned spellings of one extraction run: each distinct raw token gets an id once, with its key (lower-case,
 * diacritics removed, plural folded) and shape, so per-token work is one Map lookup and no allocation survives.
 */
export class Lexicon {
  readonly raws: string[] = [];
  readonly norms: string[] = [];
  /** Raw id → norm id. */
  rawNorm = new Int32Array(1024);
  /** Raw id → Shape bits. */
  rawShape = new Uint8Array(1024);
  /** The characters of every raw token, back to back. */
  private pool = new Uint16Array(1 << 14);
  private poolLen = 0;
  /**
   * Open-addressing table, SLOT ints a slot: the hash of a raw token's characters, its raw id (-1 empty), norm id,
   * shape, length and offset in `pool`. NOTE: all a known token needs sits in one 32-byte slot, so a lookup costs one
   * cache line plus the characters compared (five arrays read at random cost four misses more on rare words).
   */
  slots = new Int32Array(SLOT << 12).fill(-1);
  private readonly normIds = new Map<string, number>();
  private readonly memos: Int8Array[] = [];

  /** The id of a raw token. */
  intern(raw: string): number {
    const chars = new Uint16Array(raw.length);
    let h = FNV_SEED;
    for (let k = 0; k < raw.length; k++) {
      chars[k] = raw.charCodeAt(k);
      h = Math.imul(h ^ chars[k]!, FNV_PRIME);
    }
    return this.slots[this.internChars(chars, raw, 0, raw.length, h, !/[^\x00-\x7f]/.test(raw)) + S_RID]!;
  }

  /**
   * The slot of the raw token text.slice(start, end), whose UTF-16 code units are chars[start..end) and FNV-1a hash h;
   * `ascii` tells whether it has only ASCII characters (NFKD is skipped then): slots[at + S_RID] is its raw id,
   * + S_NID its norm id, + S_SHAPE its shape (read them before the next call: a new spelling may move the table).
   * NOTE: looked up by its characters in place, so a known token costs no string allocation.
   */
  internChars(chars: Uint16Array, text: string, start: number, end: number, h: number, ascii: boolean): number {
    // NOTE: kept small so that it inlines into the tokenizer's loop; adding a new spelling is the out-of-line slow path.
    const slots = this.slots;
    const mask = (slots.length >> 3) - 1;
    const len = end - start;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const at = slot << 3;
      if (slots[at + S_RID] === -1) return this.add(chars, text, start, end, h, ascii, at);
      if (slots[at] === h && slots[at + S_LEN] === len) {
        const pool = this.pool;
        const off = slots[at + S_POOL]! - start;
        let k = start;
        while (k < end && pool[off + k] === chars[k]) k++;
        if (k === end) return at;
      }
      slot = (slot + 1) & mask;
    }
  }

  private add(chars: Uint16Array, text: string, start: number, end: number, h: number, ascii: boolean, at: number): number {
    const len = end - start;
    const rid = this.raws.length;
    const raw = text.slice(start, end);
    this.raws.push(raw);
    if (this.poolLen + len > this.pool.length) {
      const next = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + len));
      next.set(this.pool);
      this.pool = next;
    }
    this.pool.set(chars.subarray(start, end), this.poolLen);
    let lower = raw.toLowerCase();
    // NOTE: NFKD is slow, so only words with letters beyond ASCII ("Fréchet") are decomposed.
    if (!ascii) lower = stripMarks(lower);
    const norm = foldWord(lower);
    let nid = this.normIds.get(norm);
    if (nid === undefined) {
      nid = this.norms.length;
      this.norms.push(norm);
      this.normIds.set(norm, nid);
    }
    this.rawNorm = grown(this.rawNorm, rid + 1);
    this.rawShape = grown(this.rawShape, rid + 1);
    this.rawNorm[rid] = nid;
    const shape = shapeOf(raw, norm);
    this.rawShape[rid] = shape;
    const slots = this.slots;
    slots[at] = h;
    slots[at + S_RID] = rid;
    slots[at + S_NID] = nid;
    slots[at + S_SHAPE] = shape;
    slots[at + S_LEN] = len;
    slots[at + S_POOL] = this.poolLen;
    this.poolLen += len;
    return this.raws.length * 2 > this.slots.length >> 3 ? this.rehash(at) : at;
  }

  /** Doubles the table; returns where the slot at `keep` went. */
  private rehash(keep: number): number {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    const mask = (slots.length >> 3) - 1;
    let kept = -1;
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + S_RID] === -1) continue;
      const h = old[from]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (slots[(slot << 3) + S_RID] !== -1) slot = (slot + 1) & mask;
      const to = slot << 3;
      for (let k = 0; k < SLOT; k++) slots[to + k] = old[from + k]!;
      if (from === keep) kept = to;
    }
    this.slots = slots;
    return kept;
  }

  /** The norm id of a word, or -1 when no token had it. */
  normId(norm: string): number {
    return this.normIds.get(norm) ?? -1;
  }

  /**
   * The memo of a test, long enough for every id so far: memo[id] is 1 (true), 2 (false) or 0 (not asked yet: ask is()).
   * NOTE: for loops over every token, which read the memo directly rather than call is() per token.
   */
  memo(t: WordTest): Int8Array {
    const size = (t.on === 'raw' ? this.raws : this.norms).length;
    let memo = this.memos[t.slot];
    if (memo === undefined || size > memo.length) {
      memo = grown(memo ?? new Int8Array(0), size);
      this.memos[t.slot] = memo;
    }
    return memo;
  }

  /** test(word) for a raw or norm id, computed once per id. */
  is(t: WordTest, id: number): boolean {
    let memo = this.memos[t.slot];
    if (memo === undefined || id >= memo.length) {
      memo = grown(memo ?? new Int8Array(0), Math.max(id + 1, (t.on === 'raw' ? this.raws : this.norms).length));
      this.memos[t.slot] = memo;
    }
    let v = memo[id]!;
    if (v === 0) {
      v = t.test(t.on === 'raw' ? this.raws[id]! : this.norms[id]!) ? 1 : 2;
      memo[id] = v;
    }
    return v === 1;
  }
}

/** A set of norms as a WordTest. */
export function wordSet(words: Iterable<string>): WordTest {
  const set = new Set(words);
  return wordTest('norm', (w) => set.has(w));
}
