// Splits a field into word tokens with offsets and matching keys, in one pass over its characters.

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

export interface Token {
  start: number;
  end: number;
  /** The text as written. */
  raw: string;
  /** Lower-case, diacritics removed, plural folded: the matching key. */
  norm: string;
  gap: Gap;
}

function isWordChar(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ||
    // NOTE: letters beyond ASCII (é, α, Σ) are word characters; punctuation and spaces of those ranges are not.
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
  );
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const JOINERS = new Set(['-', '‐', '‑', '@', '^', '·', '_']);

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

export function normalizeWord(raw: string): string {
  let s = raw.toLowerCase();
  // Most words are ASCII; only decompose when needed (NFKD is slow).
  if (/[^\x00-\x7f]/.test(s)) s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return foldWord(s);
}

/** Tokens of a text: runs of letters/digits, a "." between digits ("3.5") and trailing "+" ("CodeT5+") kept inside. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let prevEnd = -1;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    let ascii = c < 128;
    i++;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (isWordChar(d)) {
        if (d >= 128) ascii = false;
        i++;
      } else if (d === 46 /* . */ && isDigit(text.charCodeAt(i - 1)) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) i++;
      else break;
    }
    while (i < n && text.charCodeAt(i) === 43 /* + */) i++;
    const raw = text.slice(start, i);
    let gap = Gap.Start;
    if (prevEnd >= 0) gap = gapKind(text, prevEnd, start);
    let lower = raw.toLowerCase();
    // NOTE: NFKD is slow, so only words with letters beyond ASCII ("Fréchet") are decomposed.
    if (!ascii) lower = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    tokens.push({ start, end: i, raw, norm: foldWord(lower), gap });
    prevEnd = i;
  }
  return tokens;
}

function gapKind(text: string, from: number, to: number): Gap {
  if (to - from === 1) {
    const ch = text[from]!;
    if (JOINERS.has(ch)) return Gap.Join;
    if (ch === '/') return Gap.Slash;
  }
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 0xa0) return Gap.Break;
  }
  return Gap.Space;
}

/** The key of a phrase: its tokens' keys run together, so "MMLU-Pro", "MMLU Pro" and "MMLUPro" are one. */
export function phraseKey(text: string): string {
  return tokenize(text).map((t) => t.norm).join('');
}

/** The phrase as written without separators, for case-sensitive comparison. */
export function rawKey(text: string): string {
  return tokenize(text).map((t) => t.raw).join('');
}
