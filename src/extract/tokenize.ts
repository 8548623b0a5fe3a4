// Splits a field into word tokens held in typed arrays (offsets, interned ids, gaps, shapes), in one pass over its characters.
import { grown, isDigit, Lexicon, S_NID, S_RID, S_SHAPE, Shape } from './lexicon.ts';

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

/** "-", "‐", "‑", "@", "^", "·", "_": characters that join two pieces of one name. */
function isJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 64 || c === 94 || c === 0xb7 || c === 95;
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
      const at = lex.internChars(t, text, start, i, h, ascii);
      const slots = lex.slots;
      this.start[count] = start;
      this.end[count] = i;
      this.rid[count] = slots[at + S_RID]!;
      this.nid[count] = slots[at + S_NID]!;
      this.shape[count] = slots[at + S_SHAPE]!;
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
