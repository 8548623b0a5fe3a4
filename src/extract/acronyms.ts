// Acronym definitions "Vision Language Models (VLMs)": the long form and the acronym become one concept.
// The long-form search follows Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions".
import type { Tokens } from './tokenize.ts';

export interface AcronymDefinition {
  /** The acronym as written, plural "s" dropped ("LVLMs" → "LVLM"). */
  short: string;
  /** Token range of the long form, end exclusive. */
  longFrom: number;
  longTo: number;
  /** Token index of the acronym (inside the parentheses). */
  shortAt: number;
}

function isAcronym(raw: string): boolean {
  return raw.length >= 2 && raw.length <= 12 && /^[A-Za-z]/.test(raw) && (raw.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

/** The acronym as matchesFolded() compares it: lower case, letters and digits only. */
function foldShort(short: string): string {
  return short.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Schwartz–Hearst: the characters of the folded acronym `s`, right to left, found in order in the candidate, the first
 * at a word start.
 */
function matchesFolded(s: string, long: string): boolean {
  const l = long.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[a-z0-9]/.test(l[li - 1]!)))) li--;
    if (li < 0) return false;
    si--;
    li--;
  }
  return true;
}

/** /[.;:()]/.test(text.slice(from, to)), on the text's UTF-16 code units. */
function stopsLongForm(chars: Uint16Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = chars[k]!;
    if (c === 46 || c === 59 || c === 58 || c === 40 || c === 41) return true;
  }
  return false;
}

/** Every "Long Form (LF)" of a field. */
export function findAcronymDefinitions(text: string, tokens: Tokens): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  // NOTE: the tokens' UTF-16 copy of the text is read rather than the string: this test runs on every token.
  const chars = tokens.chars;
  const n = text.length;
  const starts = tokens.start;
  const ends = tokens.end;
  for (let i = 1; i < tokens.n; i++) {
    const tStart = starts[i]!;
    const tEnd = ends[i]!;
    if (tEnd >= n || chars[tStart - 1] !== 40 /* ( */ || chars[tEnd] !== 41 /* ) */) continue;
    const tRaw = tokens.raw(i);
    const raw = tRaw.endsWith('s') && /[A-Z]s$/.test(tRaw) ? tRaw.slice(0, -1) : tRaw;
    if (!isAcronym(raw)) continue;
    const letters = raw.replace(/[^A-Za-z0-9]/g, '').length;
    const maxWords = Math.min(letters + 5, letters * 2);
    // The long form ends right before "(" and starts at the shortest span of words that covers the acronym.
    const end = i;
    if (!/^\s*\($/.test(text.slice(tokens.end[i - 1]!, tStart))) continue;
    // NOTE: what does not depend on the candidate start is worked out once, and the gaps are read in place.
    const first = raw[0]!.toLowerCase();
    let folded: string | undefined;
    for (let from = end - 1; from >= Math.max(0, end - maxWords); from--) {
      if (stopsLongForm(chars, ends[from]!, from + 1 < end ? starts[from + 1]! : ends[from]!)) break;
      if (tokens.raw(from)[0]!.toLowerCase() !== first) continue;
      const long = text.slice(starts[from]!, ends[end - 1]!);
      if (matchesFolded((folded ??= foldShort(raw)), long)) {
        out.push({ short: raw, longFrom: from, longTo: end, shortAt: i });
        break;
      }
    }
  }
  return out;
}
