// Splits a field into word tokens held in typed arrays (offsets, interned ids, gaps, shapes), in one pass over its characters.

/** How a token is joined to the one before it: the gap decides whether a phrase may span it. */
export enum Gap {
  /** No previous token. */
  Start = 0,
  /** A hyphen or similar joiner ("MMLU-Pro", "pass@1", "S^2"). */
  Join = 1,
  /** Whitespace only. */
  Space = 2,
  /** A slash ("AIME 2024/2025", "VAR/VQGAN"). */
  Slash = 3,
  /** Anything else: punctuation, brackets, several characters. */
  Break = 4,
}

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

function isWordCharCode(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    // NOTE: letters beyond ASCII (é, α, Σ) are word characters; punctuation and spaces of those ranges are not.
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
  );
}

/** isWordCharCode() for every UTF-16 code unit, 1 or 0: one load per character in the tokenizer's loop. */
const WORD_CHAR = (() => {
  const t = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = isWordCharCode(c) ? 1 : 0;
  return t;
})();

function isWordChar(c: number): boolean {
  return WORD_CHAR[c] === 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** "-", "‐", "‑", "@", "^", "·", "_": characters that join two pieces of one name. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 64 || c === 94 || c === 0xb7 || c === 95;
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

function grown<T extends Int32Array | Uint8Array | Int8Array>(a: T, size: number, fillWith = 0): T {
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
  /** Raw id * 2 → where its characters are in `pool`, raw id * 2 + 1 → how many. */
  private rawAt = new Int32Array(2048);
  /** The characters of every raw token, back to back. */
  private pool = new Uint16Array(1 << 14);
  private poolLen = 0;
  /**
   * Open-addressing table, two ints a slot: the hash of a raw token's characters, then its raw id (-1 empty).
   * NOTE: the hash sits beside the id, so a probe that misses costs one cache line, not a read per array.
   */
  private slots = new Int32Array(2 << 12).fill(-1);
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
    return this.internChars(chars, raw, 0, raw.length, h, !/[^\x00-\x7f]/.test(raw));
  }

  /**
   * The id of the raw token text.slice(start, end), whose UTF-16 code units are chars[start..end) and FNV-1a hash h;
   * `ascii` tells whether it has only ASCII characters (NFKD is skipped then). NOTE: looked up by its characters in
   * place, so a known token costs no string allocation.
   */
  internChars(chars: Uint16Array, text: string, start: number, end: number, h: number, ascii: boolean): number {
    // NOTE: kept small so that it inlines into the tokenizer's loop; adding a new spelling is the out-of-line slow path.
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = (h ^ (h >>> 16)) & mask;
    for (;;) {
      const rid = slots[2 * slot + 1]!;
      if (rid === -1) return this.add(chars, text, start, end, h, ascii, slot);
      if (slots[2 * slot] === h && this.rawAt[2 * rid + 1] === end - start) {
        const pool = this.pool;
        const off = this.rawAt[2 * rid]! - start;
        let k = start;
        while (k < end && pool[off + k] === chars[k]) k++;
        if (k === end) return rid;
      }
      slot = (slot + 1) & mask;
    }
  }

  private add(chars: Uint16Array, text: string, start: number, end: number, h: number, ascii: boolean, slot: number): number {
    const len = end - start;
    const rid = this.raws.length;
    const raw = text.slice(start, end);
    this.raws.push(raw);
    this.rawAt = grown(this.rawAt, 2 * rid + 2);
    this.rawAt[2 * rid] = this.poolLen;
    this.rawAt[2 * rid + 1] = len;
    if (this.poolLen + len > this.pool.length) {
      const next = new Uint16Array(Math.max(this.pool.length * 2, this.poolLen + len));
      next.set(this.pool);
      this.pool = next;
    }
    this.pool.set(chars.subarray(start, end), this.poolLen);
    this.poolLen += len;
    this.slots[2 * slot] = h;
    this.slots[2 * slot + 1] = rid;
    if (this.raws.length * 2 > this.slots.length >> 1) this.rehash();
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
    this.rawShape[rid] = shapeOf(raw, norm);
    return rid;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    const mask = (slots.length >> 1) - 1;
    for (let s = 0; s < old.length; s += 2) {
      const rid = old[s + 1]!;
      if (rid === -1) continue;
      const h = old[s]!;
      let slot = (h ^ (h >>> 16)) & mask;
      while (slots[2 * slot + 1] !== -1) slot = (slot + 1) & mask;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = rid;
    }
    this.slots = slots;
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

/**
 * The tokens of one text, in typed arrays: token i spans text.slice(start[i], end[i]). Buffers are reused by fill(), so
 * a run over many papers allocates nothing per token.
 */
export class Tokens {
  text = '';
  n = 0;
  start = new Int32Array(256);
  end = new Int32Array(256);
  /** Raw (as written) id in the lexicon. */
  rid = new Int32Array(256);
  /** Norm (matching key) id in the lexicon. */
  nid = new Int32Array(256);
  gap = new Uint8Array(256);
  shape = new Uint8Array(256);
  /** The text's UTF-16 code units. */
  chars = new Uint16Array(4096);
  /** A Buffer over `chars` (in Node), made once per buffer rather than once per text. */
  private charsView: { write(text: string, offset: number, encoding: 'utf16le'): number } | undefined;
  /** fill() calls so far, and the one `lowerIn` was built for. */
  private fills = 0;
  private lowerBuilt = 0;
  /** Norm id → the fill() in which a token of that key was written in lower case. */
  private lowerIn = new Int32Array(0);

  constructor(readonly lex: Lexicon) {}

  /**
   * True when a token of the text with key `nid` is written in lower case. NOTE: one pass over the tokens builds the
   * answer for every key, the first time a text is asked.
   */
  usedInLowerCase(nid: number): boolean {
    if (this.lowerBuilt !== this.fills) {
      if (this.lowerIn.length < this.lex.norms.length) this.lowerIn = new Int32Array(Math.max(1024, this.lex.norms.length, 2 * this.lowerIn.length));
      const { lowerIn, fills, n, shape } = this;
      const nids = this.nid;
      for (let k = 0; k < n; k++) if ((shape[k]! & Shape.Lower) !== 0) lowerIn[nids[k]!] = fills;
      this.lowerBuilt = fills;
    }
    return this.lowerIn[nid] === this.fills;
  }

  /** The text as written. */
  raw(i: number): string {
    return this.lex.raws[this.rid[i]!]!;
  }

  /** Lower-case, diacritics removed, plural folded: the matching key. */
  norm(i: number): string {
    return this.lex.norms[this.nid[i]!]!;
  }

  /** Tokens of a text: runs of letters/digits, a "." between digits ("3.5") and trailing "+" ("CodeT5+") kept inside. */
  fill(text: string): this {
    this.text = text;
    this.fills++;
    const lex = this.lex;
    const n = text.length;
    if (n > this.chars.length) {
      this.chars = new Uint16Array(Math.max(n, 2 * this.chars.length));
      this.charsView = undefined;
    }
    // NOTE: scanning a Uint16Array is 2–3x faster than charCodeAt on the string.
    const t = this.chars;
    if (NodeBuffer && n > 16) {
      // NOTE: Buffer#write runs natively; the view shares the typed array's memory.
      this.charsView ??= NodeBuffer.from(t.buffer, t.byteOffset, t.byteLength);
      this.charsView.write(text, 0, 'utf16le');
    } else for (let k = 0; k < n; k++) t[k] = text.charCodeAt(k);
    let count = 0;
    let i = 0;
    let prevEnd = -1;
    while (i < n) {
      const c = t[i]!;
      if (!isWordChar(c)) {
        i++;
        continue;
      }
      const start = i;
      let ascii = c < 128;
      let h = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      i++;
      while (i < n) {
        const d = t[i]!;
        if (isWordChar(d) || (d === 46 /* . */ && isDigit(t[i - 1]!) && i + 1 < n && isDigit(t[i + 1]!))) {
          if (d >= 128) ascii = false;
          h = Math.imul(h ^ d, 0x01000193);
          i++;
        } else break;
      }
      while (i < n && t[i]! === 43 /* + */) {
        h = Math.imul(h ^ 43, 0x01000193);
        i++;
      }
      if (count === this.start.length) this.grow();
      const rid = lex.internChars(t, text, start, i, h, ascii);
      this.start[count] = start;
      this.end[count] = i;
      this.rid[count] = rid;
      this.nid[count] = lex.rawNorm[rid]!;
      this.shape[count] = lex.rawShape[rid]!;
      let g: Gap = Gap.Start;
      if (prevEnd >= 0) g = start - prevEnd === 1 && t[prevEnd]! === 32 ? Gap.Space : gapKind(t, prevEnd, start);
      this.gap[count] = g;
      count++;
      prevEnd = i;
    }
    this.n = count;
    return this;
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.start = grown(this.start, size);
    this.end = grown(this.end, size);
    this.rid = grown(this.rid, size);
    this.nid = grown(this.nid, size);
    this.gap = grown(this.gap, size);
    this.shape = grown(this.shape, size);
  }
}

const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

function gapKind(t: Uint16Array, from: number, to: number): Gap {
  if (to - from === 1) {
    const c = t[from]!;
    if (isJoiner(c)) return Gap.Join;
    if (c === 47 /* / */) return Gap.Slash;
  }
  for (let k = from; k < to; k++) {
    const c = t[k]!;
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 0xa0) return Gap.Break;
  }
  return Gap.Space;
}

let onceTokens: Tokens | undefined;

/**
 * Tokens of a short text, for compiling the vocabulary, not for the hot path. NOTE: one scratch lexicon serves every
 * call (a new one per call cost more than the tokenizing: ~40 KB of buffers each, thousands of calls per vocabulary),
 * started afresh once it holds many spellings, so it stays small; the keys do not depend on it.
 */
function tokenizeOnce(text: string): Tokens {
  if (!onceTokens || onceTokens.lex.raws.length > 1 << 16) onceTokens = new Tokens(new Lexicon());
  return onceTokens.fill(text);
}

/** The key of a phrase: its tokens' keys run together, so "MMLU-Pro", "MMLU Pro" and "MMLUPro" are one. */
export function phraseKey(text: string): string {
  const t = tokenizeOnce(text);
  let k = '';
  for (let i = 0; i < t.n; i++) k += t.norm(i);
  return k;
}

/** The phrase as written without separators, for case-sensitive comparison. */
export function rawKey(text: string): string {
  const t = tokenizeOnce(text);
  let k = '';
  for (let i = 0; i < t.n; i++) k += t.raw(i);
  return k;
}
