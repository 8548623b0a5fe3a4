// Acronym definitions "Vision Language Models (VLMs)": the long form and the acronym become one concept.
// The long-form search follows Schwartz & Hearst (2003), "A simple algorithm for identifying abbreviation definitions".
import type { Token } from './tokenize.ts';

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
export function findAcronymDefinitions(text: string, tokens: Token[]): AcronymDefinition[] {
  const out: AcronymDefinition[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (text[t.start - 1] !== '(' || text[t.end] !== ')') continue;
    const raw = t.raw.endsWith('s') && /[A-Z]s$/.test(t.raw) ? t.raw.slice(0, -1) : t.raw;
    if (!isAcronym(raw)) continue;
    const letters = raw.replace(/[^A-Za-z0-9]/g, '').length;
    const maxWords = Math.min(letters + 5, letters * 2);
    // The long form ends right before "(" and starts at the shortest span of words that covers the acronym.
    const end = i;
    if (!/^\s*\($/.test(text.slice(tokens[i - 1]!.end, t.start))) continue;
    for (let from = end - 1; from >= Math.max(0, end - maxWords); from--) {
      if (/[.;:()]/.test(text.slice(tokens[from]!.end, from + 1 < end ? tokens[from + 1]!.start : tokens[from]!.end))) break;
      const long = text.slice(tokens[from]!.start, tokens[end - 1]!.end);
      if (tokens[from]!.raw[0]!.toLowerCase() !== raw[0]!.toLowerCase()) continue;
      if (matchesLongForm(raw, long)) {
        out.push({ short: raw, longFrom: from, longTo: end, shortAt: i });
        break;
      }
    }
  }
  return out;
}
