// Lists a plural benchmark or dataset noun heads: "benchmarks: A, B, and C", "benchmarks (A and B)", "two datasets, A and B,".
import type { ConceptKind } from './types.ts';
import { Gap, type Tokens } from './tokenize.ts';
import { wordTest } from './lexicon.ts';
import { COVER_BENCH, type PatternHit } from './patterns.ts';
import { nameRunAt } from './names.ts';
import { capitalisedRunAt, hasCovered } from './multiword.ts';
import { commaGap, gapIs, Mark, Sp } from './gaps.ts';

/** Plural heads of a list of names, and the kind they give its items. NOTE: norms fold the plural ("datasets" → "dataset"). */
const HEADS = new Map<string, ConceptKind>([
  ['benchmark', 'benchmark'],
  ['suite', 'benchmark'],
  ['environment', 'benchmark'],
  ['testbed', 'benchmark'],
  ['dataset', 'dataset'],
  ['corpora', 'dataset'],
]);

/** HEADS as a word test, answered once per distinct key; a plural as written ("benchmarks"). */
const HEAD_WORD = wordTest('norm', (w) => HEADS.has(w));
const PLURAL = wordTest('raw', (raw) => raw.endsWith('s'));

const enum Form {
  /** "benchmarks: A, B" */
  Colon,
  /** "benchmarks (A and B)" */
  Paren,
  /** "two benchmarks, A and B, to …", "datasets, namely A and B" */
  Apposition,
}

/** How the list opens after the head at token h, and the first item's token; undefined when no list opens there. */
function opening(text: string, tokens: Tokens, h: number): { form: Form; first: number } | undefined {
  const k = h + 1;
  if (k >= tokens.n) return undefined;
  const a = tokens.end[h]!;
  const b = tokens.start[k]!;
  if (gapIs(text, a, b, Sp.None, ':', Sp.Some)) return { form: Form.Colon, first: k };
  if (gapIs(text, a, b, Sp.Any, '(', Sp.None)) return { form: Form.Paren, first: k };
  if (gapIs(text, a, b, Sp.None, ',', Sp.Some)) {
    if (tokens.norm(k) === 'namely' && k + 1 < tokens.n) return { form: Form.Apposition, first: k + 1 };
    return { form: Form.Apposition, first: k };
  }
  return undefined;
}

const COUNTS = new Map([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['2', 2],
  ['3', 3],
  ['4', 4],
  ['5', 5],
  ['6', 6],
  ['7', 7],
  ['8', 8],
]);

/** The count a few words before the head at h ("two real-world datasets" → 2), in the same clause; -1 when none. */
export function countBefore(tokens: Tokens, h: number): number {
  for (let k = h - 1; k >= Math.max(0, h - 4); k--) {
    const c = COUNTS.get(tokens.norm(k));
    if (c !== undefined) return c;
    if (tokens.gap[k] === Gap.Break) break;
  }
  return -1;
}

/** The item starting at token k: a known name (covered, pieces joined on skipped), a name run or a capitalised run. */
function itemAt(text: string, tokens: Tokens, covered: Uint8Array, k: number): { to: number; known: boolean } | undefined {
  if (covered[k]) {
    if (covered[k] !== COVER_BENCH) return undefined;
    let to = k + 1;
    while (to < tokens.n && (covered[to] || tokens.gap[to] === Gap.Join)) to++;
    return { to, known: true };
  }
  const cap = capitalisedRunAt(text, tokens, covered, k);
  if (cap) return { to: cap.to, known: false };
  const run = nameRunAt(tokens, k, covered);
  if (!run) return undefined;
  // A lone capitalised word is a name here only when the list has a name-shaped item too (checked by the caller).
  return { to: run.to, known: false };
}

/**
 * Names in a list headed by a plural benchmark / dataset noun (rule `list:headed`, explicit: the noun types the items
 * outright, so a paper's own introduced benchmarks count): "five new benchmarks: DrugPC, BrandPC, …, and
 * DescriptionPC" (2503.10970), "refine existing CIR benchmarks (CIRR and Fashion-IQ)" (2503.19910), "two benchmarks,
 * TaskAnything and JudgeAnything, to …" (2503.17489). An apposition ("benchmarks, X …") must be a list of two or more
 * items closed by punctuation: "Across benchmarks, MITS consistently surpasses …" is no list. Items are name runs,
 * capitalised runs or known benchmarks; a list with any other item (a model, a word) types nothing. Linear: each head
 * reads at most its list.
 */
export function findHeadedLists(text: string, tokens: Tokens, covered: Uint8Array, titleCase: boolean, hits: PatternHit[] = []): PatternHit[] {
  if (titleCase) return hits;
  const before = hits.length;
  for (let h = 0; h + 1 < tokens.n; h++) {
    // NOTE: the gap first (a typed-array read): most words are followed by a space, and a list opens at ":", "(", ",".
    if (tokens.gap[h + 1] === Gap.Space || tokens.gap[h + 1] === Gap.Join || !tokens.lex.is(HEAD_WORD, tokens.nid[h]!)) continue;
    if (!tokens.lex.is(PLURAL, tokens.rid[h]!)) continue;
    const kind = HEADS.get(tokens.norm(h))!;
    const open = opening(text, tokens, h);
    if (!open) continue;
    const items: { from: number; to: number; known: boolean }[] = [];
    let k = open.first;
    let closed = false;
    while (k < tokens.n) {
      const it = itemAt(text, tokens, covered, k);
      if (!it) break;
      items.push({ from: k, to: it.to, known: it.known });
      if (it.to >= tokens.n) {
        closed = true;
        break;
      }
      const a = tokens.end[it.to - 1]!;
      const b = tokens.start[it.to]!;
      const w = tokens.norm(it.to);
      if (commaGap(text, a, b)) {
        k = it.to;
        if (w === 'and' || w === 'or') k++;
        else if (!/^[A-Z0-9]/.test(tokens.raw(k)) && !covered[k]) {
          closed = true; // ", a 100-item …": a description, the list ends here
          break;
        }
        continue;
      }
      if (tokens.gap[it.to] === Gap.Space && (w === 'and' || w === 'or')) {
        k = it.to + 1;
        continue;
      }
      closed = gapIs(text, a, b, Sp.Any, ').;:', Sp.Rest) || (open.form === Form.Colon && items.length > 1);
      break;
    }
    if (!closed || items.length === 0) continue;
    if (open.form === Form.Apposition && items.length < 2) continue;
    // A list of lone capitalised words ("Mathematics, Physics") needs one name-shaped or known item.
    // Or a count before the head that the list fulfils: "two real-world datasets, Epinions and Ciao" (older ML prose).
    if (!items.some((it) => it.known || it.to - it.from > 1 || /[A-Z].*[A-Z]|\d/.test(tokens.raw(it.from))) && countBefore(tokens, h) !== items.length)
      continue;
    for (const it of items) {
      if (it.known) continue;
      const hit: PatternHit = { from: it.from, to: it.to, coreTo: it.to, kind, rule: 'list:headed', explicit: true };
      let overlap = false;
      for (let q = 0; q < before && !overlap; q++) overlap = hits[q]!.from < hit.to && hit.from < hits[q]!.to;
      if (!overlap) hits.push(hit);
    }
    h = k;
  }
  return hits;
}

/** "metrics: 1) …", "measures (a) …": the head of an enumerated list of measures. */
const MEASURE_HEAD = wordTest('norm', (w) => w === 'metric' || w === 'measure');
/** Enumerators in their order: "1) … 2) …", "(a) … (b) …", "(i) … (ii) …". */
const ENUMERATIONS = [
  ['1', '2', '3', '4', '5'],
  ['a', 'b', 'c', 'd', 'e'],
  ['i', 'ii', 'iii', 'iv', 'v'],
];
/** Words that end an enumerated measure's name: what follows describes it. */
const ITEM_ENDS = new Set(['which', 'that', 'the', 'to', 'for', 'and', 'or', 'as', 'is', 'are', 'measuring', 'capturing', 'quantifying']);

/** The enumerator at token k ("1", "a", "ii" followed by ")"), as [list, position]; undefined otherwise. */
function enumeratorAt(text: string, tokens: Tokens, k: number): [number, number] | undefined {
  if (k + 1 >= tokens.n || !gapIs(text, tokens.end[k]!, tokens.start[k + 1]!, Sp.None, ')', Sp.Some)) return undefined;
  const raw = tokens.raw(k);
  for (let l = 0; l < ENUMERATIONS.length; l++) {
    const p = ENUMERATIONS[l]!.indexOf(raw);
    if (p >= 0) return [l, p];
  }
  return undefined;
}

/**
 * Measures a paper defines in an enumerated list after "metrics" / "measures" (rule `list:enumerated-metrics`, explicit):
 * "We formalize these with two metrics: 1) Windowed Average Attention Distance, which …; 2) Future Attention Influence"
 * (2510.13554), "a new evaluation protocol that measures (a) state ranking, the ability …, and (b) state fidelity"
 * (2510.12088). Each item is the words after its enumerator up to a comma or a describing word, at most five; two items
 * at least, in order (1, 2 … / a, b … / i, ii …), in one sentence.
 */
export function findEnumeratedMetrics(text: string, tokens: Tokens, covered: Uint8Array, hits: PatternHit[] = []): PatternHit[] {
  for (let h = 0; h + 2 < tokens.n; h++) {
    if (!tokens.lex.is(MEASURE_HEAD, tokens.nid[h]!)) continue;
    // "metrics: 1) X" or "measures (a) X".
    const k = h + 1;
    const e = enumeratorAt(text, tokens, k);
    if (!e || e[1] !== 0 || !gapIs(text, tokens.end[h]!, tokens.start[k]!, Sp.Any, ':(', Sp.Any, Mark.Optional)) continue;
    const items: { from: number; to: number }[] = [];
    let at = k;
    for (let want = 0; at >= 0 && want < 5; want++) {
      const from = at + 1;
      let to = from;
      while (to < tokens.n && to - from < 5 && (to === from || tokens.gap[to] === Gap.Space || tokens.gap[to] === Gap.Join) && !ITEM_ENDS.has(tokens.norm(to)))
        to++;
      if (to === from || hasCovered(covered, from, to)) break;
      items.push({ from, to });
      // The next enumerator of the same list, before the sentence ends.
      at = -1;
      for (let q = to; q < Math.min(tokens.n, to + 40); q++) {
        if (tokens.gap[q] === Gap.Break && gapHasStop(text, tokens.end[q - 1]!, tokens.start[q]!)) break;
        const n = enumeratorAt(text, tokens, q);
        if (n && n[0] === e[0] && n[1] === want + 1) {
          at = q;
          break;
        }
      }
    }
    if (items.length < 2) continue;
    for (const it of items) hits.push({ from: it.from, to: it.to, coreTo: it.to, kind: 'metric', rule: 'list:enumerated-metrics', explicit: true });
    h = items[items.length - 1]!.to;
  }
  return hits;
}

/** A sentence end in the gap: "." followed by a space, or "!" / "?". */
function gapHasStop(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if ((c === 46 && p + 1 < to) || c === 33 || c === 63) return true;
  }
  return false;
}
