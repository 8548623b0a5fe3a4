// Reported numbers: "78.4% accuracy on OCRBench", "FID of 2.81 on the ImageNet-256 benchmark", "+12.8% on MMLU-PRO".
import type { Result, Span } from './types.ts';

/** A concept mention in the field, as found by the concept rules. */
export interface Mention {
  id: string;
  kind: string;
  start: number;
  end: number;
}

/** What the results rule needs of a field's mentions. */
export interface FieldMentions {
  /** The metric mentions, sorted by start. */
  metrics: Mention[];
  /** The benchmark and dataset mentions, sorted by start. */
  benches: Mention[];
  /** True when some mention (of any kind) covers position `pos`. */
  covers(pos: number): boolean;
}

// A number with an optional sign and unit; "1.25times" and "200times" occur in page text.
export const NUMBER = /(^|[^A-Za-z0-9.\-+])([+\-−]?)(\d+(?:,\d{3})*(?:\.\d+)?)\s?(%|x\b|×|times\b|points?\b|pp\b|ms\b|s\b)?/g;
/** NUMBER tried at one position only. */
const NUMBER_AT = new RegExp(NUMBER.source, 'y');
const DIGIT = /\d/g;

/**
 * The next match of NUMBER in text at or after `from`: what text.matchAll(NUMBER) yields, one after the other.
 * NOTE: a match starts one or two characters before a run of digits (or at 0), so NUMBER is tried only there, rather
 * than at every character of the text: the first start that matches, in text order, is the regex's own next match.
 */
export function nextNumber(text: string, from: number): RegExpExecArray | null {
  let untried = from;
  DIGIT.lastIndex = from;
  // NOTE: test() rather than exec(): it moves lastIndex past the digit found without making a match array.
  while (DIGIT.test(text)) {
    const q = DIGIT.lastIndex - 1;
    // Starts inside the run cannot match: their first character would be a digit, which the prefix class excludes.
    for (let p = Math.max(untried, q - 2); p <= (q === 0 ? 0 : q - 1); p++) {
      NUMBER_AT.lastIndex = p;
      const m = NUMBER_AT.exec(text);
      if (m !== null) return m;
    }
    untried = Math.max(untried, q === 0 ? 1 : q);
    let r = q + 1;
    while (r < text.length && isDigit(text.charCodeAt(r))) r++;
    DIGIT.lastIndex = r;
  }
  return null;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
const DELTA_AFTER =
  /^\s*(speed-?ups?|faster|improvements?|gains?|fewer|less|lower|higher|better|reductions?|increases?|decreases?|boosts?|acceleration|smaller|absolute|relative)\b/i;
export const DELTA_BEFORE =
  /\b(by|improves?|improved|improving|improvement of|gains? of|speedup of|up to|reduces?|reducing|reduced|boosts?|boosting|increases?|increasing|increased|outperforms?\s+\S+\s+by)\s*(up to\s*)?$/i;
/** The last word of every DELTA_BEFORE alternative (and of its "up to"), lower-case. */
const DELTA_BEFORE_ENDS = new Set([
  'by',
  'improve',
  'improves',
  'improved',
  'improving',
  'of',
  'to',
  'reduce',
  'reduces',
  'reducing',
  'reduced',
  'boost',
  'boosts',
  'boosting',
  'increase',
  'increases',
  'increasing',
  'increased',
]);

/** JavaScript's \s: white space and line terminators. */
export function isJsSpace(c: number): boolean {
  return (
    (c >= 9 && c <= 13) ||
    c === 32 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * DELTA_BEFORE.test(text.slice(from, to)). NOTE: the regex has no anchor at its start, so V8 tries it at every position
 * of the sentence; it can only match when the text ends (white space aside) with the last word of one of its
 * alternatives, which is checked first, in place.
 */
export function deltaBefore(text: string, from: number, to: number): boolean {
  let k = to - 1;
  while (k >= from && isJsSpace(text.charCodeAt(k))) k--;
  let w = k;
  while (w >= from && isAsciiLetter(text.charCodeAt(w))) w--;
  if (k - w < 2 || k - w > 10 || !DELTA_BEFORE_ENDS.has(text.slice(w + 1, k + 1).toLowerCase())) return false;
  return DELTA_BEFORE.test(text.slice(from, to));
}

/** The page text's e-mail obfuscation stands where "accuracy@0.5"-like metric names were: a metric we cannot name. */
const MANGLED_METRIC = /^\s*\[email(?:\s|\u00a0)protected\]/;

function isEnd(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || Number.isNaN(c);
}

/** The sentence around position `at`: [start, end), ending at ".", "!" or "?" before white space or the text's end. */
export function sentenceBounds(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && !(isEnd(text.charCodeAt(s - 1)) && isSpace(text.charCodeAt(s)))) s--;
  let e = at;
  while (e < text.length && !(isEnd(text.charCodeAt(e)) && isSpace(text.charCodeAt(e + 1)))) e++;
  return [s, e];
}

/** Finds results in one field, given the concept mentions found in it. */
export function findResults(field: 'title' | 'abstract', text: string, mentions: FieldMentions): Result[] {
  const out: Result[] = [];
  const { metrics, benches } = mentions;
  // NOTE: numbers come in text order, and one at or before the end of the previous one's sentence is in that sentence.
  let sStart = 0;
  let sEnd = -1;
  let sFrom = 0;
  for (let m = nextNumber(text, 0); m !== null; m = nextNumber(text, m.index + m[0].length)) {
    const numStart = m.index! + m[1]!.length;
    if (mentions.covers(numStart)) continue; // "GPT-4o", "MATH-500": part of a name
    const sign = m[2]!;
    const numText = m[3]!;
    // NOTE: a plain number counts only with a metric or a benchmark beside it: none in the field, nothing to look at.
    if (m[4] === undefined && metrics.length === 0 && benches.length === 0) continue;
    let unit = (m[4] ?? '').toLowerCase();
    if (unit === '×' || unit === 'times') unit = 'x';
    if (unit === 'point') unit = 'points';
    let end = m.index! + m[0].length;
    const value = Number(numText.replace(/,/g, '')) * (sign === '-' || sign === '−' ? -1 : 1);
    if (!Number.isFinite(value)) continue;
    if (numStart < sFrom || numStart > sEnd) {
      [sStart, sEnd] = sentenceBounds(text, numStart);
      sFrom = numStart;
    }
    const rest = text.slice(end, sEnd);
    let delta = sign === '+' || DELTA_AFTER.test(rest) || (unit !== '' && deltaBefore(text, sStart, numStart));
    if (unit === 'x' && /^\s*(fewer|less|more|smaller|faster|speed)/i.test(rest)) delta = true;
    // Metric: right after the number ("78.4% accuracy", "2.96 gFID"), or just before it ("FID of 2.81", "(FID: 2.81)").
    let metric: string | null = null;
    // NOTE: the searches below are loops rather than find() with a closure made for every number.
    let mAfter: Mention | undefined;
    for (let k = 0; k < metrics.length && !mAfter; k++) if (metrics[k]!.start >= end && metrics[k]!.start <= end + 2) mAfter = metrics[k];
    if (mAfter) {
      metric = mAfter.id;
      end = mAfter.end;
    } else if (MANGLED_METRIC.test(rest)) {
      end += MANGLED_METRIC.exec(rest)![0].length;
    } else {
      // The last metric before the number, with at most "of", ":", "=", "is", "was" or "at" between.
      let mBefore: Mention | undefined;
      for (let k = metrics.length - 1; k >= 0 && !mBefore; k--) {
        const x = metrics[k]!;
        if (x.end <= numStart && numStart - x.end <= 8 && /^\s*(of|:|=|is|was|at)?\s*$/i.test(text.slice(x.end, numStart))) mBefore = x;
      }
      if (mBefore) metric = mBefore.id;
    }
    // Benchmark: "on (the) X" after, or "X: +30.1%" before.
    let benchmark: string | null = null;
    const tail = text.slice(end, Math.min(sEnd, end + 40));
    const on = /^\s*(?:accuracy\s+|score\s+|improvement\s+)?(?:on|in|for|across)\s+(?:the\s+)?/i.exec(tail);
    if (on) {
      const b = benches.find((x) => x.start === end + on[0].length);
      if (b) {
        benchmark = b.id;
        end = b.end;
      }
    }
    if (!benchmark) {
      let b: Mention | undefined;
      for (let k = benches.length - 1; k >= 0 && !b; k--) {
        const x = benches[k]!;
        if (x.end <= numStart && /^\s*[:=]?\s*$/.test(text.slice(x.end, numStart))) b = x;
      }
      if (b) benchmark = b.id;
    }
    if (!metric && !benchmark && !delta) continue;
    if (!metric && !benchmark && unit === '') continue;
    const start = Math.min(numStart, ...(metric && !mAfter ? [metrics.find((x) => x.id === metric && x.end <= numStart)?.start ?? numStart] : []));
    const spanStart = benchmark && !on ? Math.min(start, benches.find((x) => x.id === benchmark && x.end <= numStart)?.start ?? start) : start;
    const span: Span = { field, start: spanStart, end, text: text.slice(spanStart, end), rule: 'results' };
    out.push({ benchmark, metric, value, unit, delta, span });
  }
  return out;
}
