// Metrics a paper names with the word "metric": "two metrics, A and B,", "metrics: A, B and C", "X, a metric that quantifies …".
import { Gap, type Tokens } from './tokenize.ts';
import { Shape, wordTest } from './lexicon.ts';
import { COVER_METRIC, type PatternHit } from './patterns.ts';
import { nameRunAt } from './names.ts';
import { capitalisedRunAt } from './multiword.ts';
import { countBefore } from './headed-lists.ts';
import { commaGap, gapIs, Mark, Sp } from './gaps.ts';
import { isJsSpace } from './results.ts';

/** "metric" / "metrics" (norms fold the plural): the word every rule of this file starts from. */
const METRIC_WORD = wordTest('norm', (w) => w === 'metric' || (w.length > 7 && w.endsWith('ness')));
const PLURAL = wordTest('raw', (raw) => raw.endsWith('s'));

/** How the list after "metric(s)" opens. */
const enum Form {
  /** "three metrics: A, B, and C" */
  Colon,
  /** "four tailored evaluation metrics--A, B, C, and D--" */
  Dash,
  /** "two new automatic metrics, A and B, to evaluate", "an evaluation metric, StructScore, which" */
  Apposition,
  /** "a metric ReGap to quantify" (singular only) */
  Direct,
  /** "financial metrics such as cumulative return, maximum drawdown, and the Sortino ratio" */
  SuchAs,
}

/** What an item of the list is: a metric found already, a name, several capitalised words, one capitalised word, lower-case words. */
const enum Item {
  Known,
  Name,
  Cap,
  Word,
  Lower,
}

/** Words that cannot start a lower-case item: a clause goes on ("metrics: we find …"), or a determiner of degree. */
const NOT_ITEM_START = new Set([
  'a',
  'an',
  'we',
  'our',
  'it',
  'its',
  'they',
  'their',
  'this',
  'these',
  'those',
  'that',
  'which',
  'both',
  'all',
  'each',
  'and',
  'or',
  'is',
  'are',
  'such',
  'as',
  'i',
  'e',
  'g',
]);
/** Words that end a lower-case item: what follows is no longer its name. */
const ITEM_STOPS = new Set([
  'and',
  'or',
  'of',
  'on',
  'for',
  'with',
  'at',
  'in',
  'to',
  'by',
  'from',
  'than',
  'that',
  'which',
  'as',
  'is',
  'are',
  'while',
  'across',
  'over',
]);
/** Determiners skipped before an item ("metric, the Integrated Gradient (IG) score"; "such as … and the Sortino ratio"). */
const SKIPPED = new Set(['the']);

/** Purpose words after a list or a metric noun: "…, to evaluate", "a metric that quantifies". */
const CLAUSE_WORDS = new Set(['to', 'which', 'that', 'for']);
/** Verbs of measuring (stems), within three words after "a metric that / to": "quantifies", "to measure", "jointly captures". */
const MEASURING = /^(measur|quantif|evaluat|assess|captur|gaug|reflect|detect|estimat|scor|rat(e|es|ing)$|track|characteri[sz]|compar)/;

/** A dash between two tokens: "--", "—", "–" (spaces around allowed). */
function dashGap(text: string, from: number, to: number): boolean {
  let p = from;
  while (p < to && isJsSpace(text.charCodeAt(p))) p++;
  const q = p;
  while (p < to && (text.charCodeAt(p) === 45 || text.charCodeAt(p) === 0x2014 || text.charCodeAt(p) === 0x2013)) p++;
  if (p === q || (p - q === 1 && text.charCodeAt(q) === 45)) return false; // one "-" joins words, it is no dash
  while (p < to && isJsSpace(text.charCodeAt(p))) p++;
  return p === to;
}

/** The item starting at token k, or undefined: the tokens it spans and what it is. */
function itemAt(text: string, tokens: Tokens, covered: Uint8Array, k: number, lower: boolean): { to: number; item: Item } | undefined {
  if (covered[k]) {
    if (covered[k] !== COVER_METRIC) return undefined;
    let to = k + 1;
    while (to < tokens.n && (covered[to] === COVER_METRIC || (tokens.gap[to] === Gap.Join && !covered[to]))) to++;
    return { to, item: Item.Known };
  }
  const cap = capitalisedRunAt(text, tokens, covered, k);
  if (cap) return { to: cap.to, item: Item.Cap };
  const run = nameRunAt(tokens, k, covered);
  // "U-Score", "Bias-Free": capitalised pieces joined by hyphens are a name here.
  if (run && !(lower && run.to === k + 1 && lowerAt(tokens, covered, k + 1)))
    return { to: run.to, item: run.strong || run.to - run.from > 1 ? Item.Name : Item.Word };
  if (!lower || (!run && ((tokens.shape[k]! & Shape.Lower) === 0 || NOT_ITEM_START.has(tokens.norm(k))))) return undefined;
  // Lower-case words: "cumulative return", "maximum drawdown", "language-specific token percentages"; after one
  // capitalised word: "the Sortino ratio".
  let to = k + 1;
  while (to < tokens.n && to - k < 4 && (tokens.gap[to] === Gap.Join ? !covered[to] : lowerAt(tokens, covered, to))) to++;
  return { to, item: Item.Lower };
}

/** True when token k goes on a lower-case item: a lower-case word after a space, not a word that ends an item. */
function lowerAt(tokens: Tokens, covered: Uint8Array, k: number): boolean {
  return k < tokens.n && tokens.gap[k] === Gap.Space && !covered[k] && (tokens.shape[k]! & Shape.Lower) !== 0 && !ITEM_STOPS.has(tokens.norm(k));
}

/** The end of a parenthesis right after position `from` ("Success Rate (does the solution …?)", "Error (PPE)"), or -1. */
function parenthesisEnd(text: string, from: number): number {
  let p = from;
  while (p < text.length && isJsSpace(text.charCodeAt(p))) p++;
  if (text.charCodeAt(p) !== 40) return -1;
  // NOTE: a short aside only (120 characters), with no nested parenthesis and no sentence end inside.
  for (let q = p + 1; q < Math.min(text.length, p + 120); q++) {
    const c = text.charCodeAt(q);
    if (c === 41) return q + 1;
    if (c === 40 || (c === 46 && q + 1 < text.length && isJsSpace(text.charCodeAt(q + 1)))) return -1;
  }
  return -1;
}

/** The first token starting at or after position `pos`, from token k on. */
function tokenFrom(tokens: Tokens, k: number, pos: number): number {
  while (k < tokens.n && tokens.start[k]! < pos) k++;
  return k;
}

/** True when one of the hits shares a token with [from, to). */
function overlaps(hits: PatternHit[], from: number, to: number): boolean {
  for (let q = 0; q < hits.length; q++) if (hits[q]!.from < to && from < hits[q]!.to) return true;
  return false;
}

interface ListItem {
  from: number;
  to: number;
  item: Item;
}

/** Items of the list whose first item is at token `first`; `closed` when a separator ends it (not a word going on). */
function readList(text: string, tokens: Tokens, covered: Uint8Array, first: number, form: Form, items: ListItem[]): boolean {
  const lower = form === Form.Colon || form === Form.Dash || form === Form.SuchAs;
  let k = first;
  while (k < tokens.n && items.length < 8) {
    if (SKIPPED.has(tokens.norm(k)) && tokens.gap[k + 1] === Gap.Space && k + 1 < tokens.n) k++;
    const it = itemAt(text, tokens, covered, k, lower);
    if (!it) return false;
    items.push({ from: k, to: it.to, item: it.item });
    if (it.to >= tokens.n) return true;
    // An aside after the item: "Success Rate (does the solution address the problem?)", "Error (PPE)".
    let a = tokens.end[it.to - 1]!;
    let next = it.to;
    const close = parenthesisEnd(text, a);
    if (close > 0) {
      a = close;
      next = tokenFrom(tokens, it.to, close);
      if (next >= tokens.n) return true;
    }
    const b = tokens.start[next]!;
    const w = tokens.norm(next);
    if (commaGap(text, a, b)) {
      if (w === 'and' || w === 'or') k = next + 1;
      // ", which …", ", to evaluate", ", we …": a clause after the list closes it.
      else if (CLAUSE_WORDS.has(w) || NOT_ITEM_START.has(w)) return true;
      // ", a 100-item …": a description closes a list of names (lower-case items go on).
      else if (!lower && (tokens.shape[next]! & Shape.Lower) !== 0) return true;
      else k = next;
      continue;
    }
    if (a === tokens.end[next - 1]! && tokens.gap[next] === Gap.Space && (w === 'and' || w === 'or')) {
      k = next + 1;
      continue;
    }
    if (form === Form.Dash && dashGap(text, a, b)) return true;
    if (gapIs(text, a, b, Sp.Any, '.;:)', Sp.Rest)) return true;
    // "… metric ReGap to quantify", "metrics, A and B, to evaluate": a purpose clause ends the list.
    if (tokens.gap[next] === Gap.Space && CLAUSE_WORDS.has(w)) return true;
    return false;
  }
  return false;
}

/**
 * Metrics a paper names with the word "metric" (rule `metric:headed`, explicit: the noun types the items outright, so a
 * paper's own metric counts):
 * - a list after "metrics" opened by ":", a dash or a comma: "four tailored evaluation metrics--Meta Similarity,
 *   PresentArena, PresentQuiz, and IP Memory--" (2510.05096), "three metrics: Success Rate (…), Rediscovery (…), and
 *   Novelty (…)" (2510.05432), "two new automatic metrics, MTScore and CHScore, to evaluate" (2406.18522);
 * - one name after "a … metric," or "a metric": "an accompanying evaluation metric, StructScore, which" (2510.05091),
 *   "a metric ReGap to quantify" (2406.14393);
 * - lower-case measures after "metrics such as" or "metrics:": "financial metrics such as cumulative return, maximum
 *   drawdown, and the Sortino ratio" (2510.02209).
 * A comma apposition is a list only when it is closed ("Across metrics, MITS surpasses …" is none); a list of lone
 * capitalised words needs a known metric, a name-shaped item or a count it fulfils; lower-case items need two or more
 * and a list closed by punctuation; an item that is a known benchmark, model or method ends the rule. Linear: a head
 * reads at most its list.
 */
export function findMetricNames(text: string, tokens: Tokens, covered: Uint8Array, titleCase: boolean, hits: PatternHit[] = []): PatternHit[] {
  if (titleCase) return hits;
  const items: ListItem[] = [];
  const { lex, nid, gap, n } = tokens;
  const memo = lex.memo(METRIC_WORD);
  for (let h = 0; h + 1 < n; h++) {
    // NOTE: the memo is read in place (2: not "metric"), so most tokens cost one load.
    const v = memo[nid[h]!]!;
    if (v === 2 || (v === 0 && !lex.is(METRIC_WORD, nid[h]!))) continue;
    if (tokens.norm(h) !== 'metric') {
      nessInTermsOf(text, tokens, covered, h, hits);
      continue;
    }
    if (gap[h + 1] === Gap.Join || (h > 0 && gap[h] === Gap.Join)) continue; // "metric-aware", "task-metric"
    const plural = lex.is(PLURAL, tokens.rid[h]!);
    if (!plural) nameBeforeMetric(text, tokens, covered, h, hits);
    const a = tokens.end[h]!;
    const b = tokens.start[h + 1]!;
    let form: Form;
    let first = h + 1;
    if (gapIs(text, a, b, Sp.None, ':', Sp.Some)) form = Form.Colon;
    else if (dashGap(text, a, b)) form = Form.Dash;
    else if (gapIs(text, a, b, Sp.None, ',', Sp.Some)) form = Form.Apposition;
    else if (gap[h + 1] === Gap.Space && plural && h + 2 < n && tokens.norm(h + 1) === 'such' && tokens.norm(h + 2) === 'as') {
      form = Form.SuchAs;
      first = h + 3;
    } else if (gap[h + 1] === Gap.Space && !plural) form = Form.Direct;
    else {
      backwardMetric(text, tokens, covered, h, hits);
      continue;
    }
    if (first >= n) continue;
    items.length = 0;
    const closed = readList(text, tokens, covered, first, form, items);
    if (!closed || items.length === 0 || !listHolds(tokens, items, form, plural, h)) {
      backwardMetric(text, tokens, covered, h, hits);
      continue;
    }
    for (const it of items) {
      if (it.item === Item.Known || overlaps(hits, it.from, it.to)) continue;
      hits.push({ from: it.from, to: it.to, coreTo: it.to, kind: 'metric', rule: 'metric:headed', explicit: true });
    }
    h = items[items.length - 1]!.to - 1;
  }
  return hits;
}

/** Whether a list read after the metric noun at h types its items. */
function listHolds(tokens: Tokens, items: ListItem[], form: Form, plural: boolean, h: number): boolean {
  let lower = 0;
  let strong = 0;
  for (const it of items) {
    if (it.item === Item.Lower) lower++;
    else if (it.item !== Item.Word) strong++;
  }
  if (lower > 0 && (lower < 2 || strong > 0 || form === Form.Apposition || form === Form.Direct)) return false;
  if (form === Form.Direct) return !plural && items.length === 1 && items[0]!.item === Item.Name;
  if (form === Form.Apposition) {
    // "metrics, A and B," (two or more) / "a metric, X," (one name); a lone capitalised word is no name here.
    if (plural ? items.length < 2 : items.length !== 1) return false;
  }
  if (lower > 0) return true;
  return strong > 0 || countBefore(tokens, h) === items.length;
}

/**
 * "TeachQuiz, a novel end-to-end metric that quantifies …" (2510.01174), "Think-Act Matching, a metric that quantifies
 * alignment" (2510.14351): a name in apposition before "a … metric" followed by a verb of measuring (rule
 * `metric:X-a-metric`, explicit). NOTE: the verb is what separates these from a method its paper calls a metric
 * ("CrowdSelect, an integrated metric incorporating a clustering-based approach", 2503.01836).
 */
function backwardMetric(text: string, tokens: Tokens, covered: Uint8Array, h: number, hits: PatternHit[]): void {
  if (h + 2 >= tokens.n || tokens.gap[h + 1] !== Gap.Space || !CLAUSE_WORDS.has(tokens.norm(h + 1))) return;
  let measuring = false;
  for (let k = h + 2; k < Math.min(tokens.n, h + 5) && !measuring; k++) {
    if (tokens.gap[k] !== Gap.Space) break;
    measuring = MEASURING.test(tokens.norm(k));
  }
  if (!measuring) return;
  // Back from the noun: up to four lower-case words (no comma), then "a" / "an", then ", " after the name.
  let k = h - 1;
  while (k >= 0 && h - k <= 4 && tokens.norm(k) !== 'a' && tokens.norm(k) !== 'an' && (tokens.shape[k]! & Shape.Lower) !== 0 && tokens.gap[k + 1] !== Gap.Break)
    k--;
  if (k < 1 || (tokens.norm(k) !== 'a' && tokens.norm(k) !== 'an') || tokens.gap[k + 1] === Gap.Break) return;
  if (!commaGap(text, tokens.end[k - 1]!, tokens.start[k]!)) return;
  const end = k; // the name ends at token k - 1
  // The name's start: the earliest of a few tokens back from which a name run or capitalised run ends right there.
  for (let s = Math.max(0, end - 5); s < end; s++) {
    if (covered[s]) continue;
    const cap = capitalisedRunAt(text, tokens, covered, s);
    const to = cap ? cap.to : (nameRunAt(tokens, s, covered)?.to ?? -1);
    if (to !== end) continue;
    if (!cap && !nameRunAt(tokens, s, covered)!.strong) return;
    if (!overlaps(hits, s, end)) hits.push({ from: s, to: end, coreTo: end, kind: 'metric', rule: 'metric:X-a-metric', explicit: true });
    return;
  }
}

/** True when token k is a metric: found already, or a metric hit of this field. */
function metricAt(covered: Uint8Array, hits: PatternHit[], k: number): boolean {
  if (k < 0) return false;
  if (covered[k] === COVER_METRIC) return true;
  for (let q = hits.length - 1; q >= 0; q--) if (hits[q]!.kind === 'metric' && hits[q]!.from <= k && k < hits[q]!.to) return true;
  return false;
}

/**
 * "in terms of reconstruction accuracy and completeness" (1602.04502): a word in -ness listed right after a metric in
 * an "in terms of" list is a measure too (rule `metric:in-terms-of-ness`, explicit like the list's rule). Alone
 * ("in terms of naturalness") or beside no metric it stays a word.
 */
function nessInTermsOf(text: string, tokens: Tokens, covered: Uint8Array, k: number, hits: PatternHit[]): void {
  if (covered[k] || k < 2 || tokens.gap[k] !== Gap.Space || (tokens.shape[k]! & Shape.Lower) === 0) return;
  if (k + 1 < tokens.n && tokens.gap[k + 1] !== Gap.Break && !ITEM_STOPS.has(tokens.norm(k + 1))) return;
  // The metric before: "X and completeness", "X, and completeness", "X or completeness".
  const w = tokens.norm(k - 1);
  if ((w !== 'and' && w !== 'or') || !metricAt(covered, hits, k - 2)) return;
  if (!spacesOrComma(text, tokens.end[k - 2]!, tokens.start[k - 1]!)) return;
  // "in terms of" before, in the same sentence.
  for (let q = k - 3; q >= Math.max(2, k - 14); q--) {
    if (tokens.gap[q + 1] === Gap.Break && sentenceEndIn(text, tokens.end[q]!, tokens.start[q + 1]!)) return;
    if (tokens.norm(q) === 'of' && tokens.norm(q - 1) === 'term' && tokens.norm(q - 2) === 'in') {
      if (!overlaps(hits, k, k + 1)) hits.push({ from: k, to: k + 1, coreTo: k + 1, kind: 'metric', rule: 'metric:in-terms-of-ness', explicit: true });
      return;
    }
  }
}

/** `/^\s*,?\s*$/` on text[from, to): spaces, or a comma. */
function spacesOrComma(text: string, from: number, to: number): boolean {
  return gapIs(text, from, to, Sp.Any, ',', Sp.Any, Mark.Optional);
}

/** Words before "the X metric" that make X the name of a metric. */
const METRIC_DETERMINERS = new Set(['the', 'a', 'an', 'our', 'this', 'their', 'its']);

/**
 * "the Attention-IoU (Attention Intersection over Union) metric" (2503.19846), "the ReGap metric": a name-shaped run
 * (mixed case, capitals, digits) between a determiner and "metric", also across a parenthesis, is a metric (rule
 * `metric:the-X-metric`, explicit). A capitalised word alone is not enough ("the Novelty metric" may be a word).
 */
function nameBeforeMetric(text: string, tokens: Tokens, covered: Uint8Array, h: number, hits: PatternHit[]): void {
  if (h < 2) return;
  let end = h; // the name ends at token end - 1
  if (tokens.gap[h] !== Gap.Space) {
    // "X (…) metric": the parenthesis right before the noun.
    const a = tokens.end[h - 1]!;
    if (!gapIs(text, a, tokens.start[h]!, Sp.None, ')', Sp.Some)) return;
    const open = text.lastIndexOf('(', a);
    if (open < 0 || a - open > 80) return;
    end = h - 1;
    while (end > 0 && tokens.start[end]! > open) end--;
    end++;
    if (!gapIs(text, tokens.end[end - 1]!, open + 1, Sp.Any, '(', Sp.None)) return;
  }
  let s = end - 1;
  while (s > 0 && tokens.gap[s] === Gap.Join) s--;
  if (s < 1 || covered[s] || tokens.gap[s] !== Gap.Space || !METRIC_DETERMINERS.has(tokens.norm(s - 1))) return;
  const run = nameRunAt(tokens, s, covered);
  if (!run || !run.strong || run.to !== end || overlaps(hits, s, end)) return;
  hits.push({ from: s, to: end, coreTo: end, kind: 'metric', rule: 'metric:the-X-metric', explicit: true });
}

/** Heads after an acronym's parentheses that make the definition a metric: "Integrated Gradient (IG) score". */
const ACRONYM_METRIC_HEADS = new Set(['score', 'metric']);

/**
 * The token of "score" / "metric" right after an acronym definition's ")" ("the Integrated Gradient (IG) score",
 * 2510.05862; "the Token Information Density (TokDense) metric"), or -1: the definition is then a metric, whatever its
 * long form ends in. `shortAt` is the acronym's token.
 */
export function metricHeadAfterAcronym(text: string, tokens: Tokens, shortAt: number): number {
  const k = shortAt + 1;
  if (k >= tokens.n || !gapIs(text, tokens.end[shortAt]!, tokens.start[k]!, Sp.None, ')', Sp.Some)) return -1;
  if (!ACRONYM_METRIC_HEADS.has(tokens.norm(k)) || (k + 1 < tokens.n && tokens.gap[k + 1] === Gap.Join)) return -1;
  return k;
}

/** Long forms of a statistic that is a measure only when a figure is reported with it: "… Correlation Coefficient". */
const STATISTIC_END = /(coefficient|correlation|index)$/i;

/**
 * True when an acronym definition whose long form names a statistic ("Linear Correlation Coefficient (LCC)", 1602.05531;
 * "Simpson's Diversity Index (SDI)", 2406.11654) has a figure beside it in its sentence: a number within eight tokens
 * after the acronym ("LCC) with human subjective scores of almost 0.91") or six before the long form ("by 6% and 3% on
 * Shannon's Evenness Index (SEI)"). Without one, the statistic may be a part of a method ("a correlation index is used
 * to select …"), so the definition keeps its kind.
 */
export function reportedStatistic(text: string, tokens: Tokens, label: string, longFrom: number, shortAt: number): boolean {
  // NOTE: not a long form cut after a possessive ("s Evenness Index" of "Shannon's Evenness Index (SEI)").
  if (!STATISTIC_END.test(label) || tokens.raw(longFrom) === 's') return false;
  for (let k = shortAt + 1; k < Math.min(tokens.n, shortAt + 9); k++) {
    if (tokens.gap[k] === Gap.Break && sentenceEndIn(text, tokens.end[k - 1]!, tokens.start[k]!)) break;
    if ((tokens.shape[k]! & Shape.FirstDigit) !== 0) return true;
  }
  for (let k = longFrom - 1; k >= Math.max(0, longFrom - 6); k--) {
    if ((tokens.shape[k]! & Shape.FirstDigit) !== 0) return true;
    if (tokens.gap[k] === Gap.Break && sentenceEndIn(text, tokens.end[k - 1] ?? 0, tokens.start[k]!)) break;
  }
  return false;
}

/** A sentence end in text[from, to): ". ", "!", "?", ";". */
function sentenceEndIn(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if ((c === 46 && p + 1 < to) || c === 33 || c === 63 || c === 59) return true;
  }
  return false;
}
