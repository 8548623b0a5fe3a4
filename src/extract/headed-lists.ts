// Lists a plural benchmark or dataset noun heads: "benchmarks: A, B, and C", "benchmarks (A and B)", "two datasets, A and B,".
import type { ConceptKind } from './types.ts';
import { Gap, type Tokens } from './tokenize.ts';
import { wordTest } from './lexicon.ts';
import { COVER_BENCH, type PatternHit } from './patterns.ts';
import { nameRunAt } from './names.ts';
import { capitalisedRunAt } from './multiword.ts';
import { gapIs, Sp } from './gaps.ts';

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
function countBefore(tokens: Tokens, h: number): number {
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
      if (gapIs(text, a, b, Sp.Any, ',', Sp.Any)) {
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
