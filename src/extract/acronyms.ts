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

/** Schwartz–Hearst: the acronym's characters, right to left, found in order in the candidate, the first at a word start. */
function matchesLongForm(short: string, long: string): boolean {
  const s = short.toLowerCase().replace(/[^a-z0-9]/g, '');
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
    for (let from = end - 1; from >= Math.max(0, end - maxWords); from--) {
      if (/[.;:()]/.test(text.slice(tokens.end[from]!, from + 1 < end ? tokens.start[from + 1]! : tokens.end[from]!))) break;
      const long = text.slice(tokens.start[from]!, tokens.end[end - 1]!);
      if (tokens.raw(from)[0]!.toLowerCase() !== raw[0]!.toLowerCase()) continue;
      if (matchesLongForm(raw, long)) {
        out.push({ short: raw, longFrom: from, longTo: end, shortAt: i });
        break;
      }
    }
  }
  return out;
}
