// Names recognised from how abstracts use them: "on X", "the X benchmark", "X-test", "outperforms X", "X-7B", lists.
import type { ConceptKind } from './types.ts';
import { Gap, type Tokens } from './tokenize.ts';
import { Shape, wordTest } from './lexicon.ts';
import { atSentenceStart, isStrongNameToken, nameRunAt, type NameRun } from './names.ts';
import { commaGap, gapHas, gapIs, spacesOnly, Sp } from './gaps.ts';

export interface PatternHit {
  from: number;
  to: number;
  /** Token index where the canonical name ends (splits and sizes dropped: "RefCOCOg-test" → "RefCOCOg"). */
  coreTo: number;
  kind: ConceptKind;
  rule: string;
  /** True when the context names the kind outright ("the X benchmark"), so a paper's own benchmark still counts. */
  explicit: boolean;
  /** The concept's label when it is not the text ("Cons@5" → "Cons@k": a family folds its sizes). */
  label?: string;
}

/**
 * What explained a token, as index.ts writes it into `covered` (0: nothing): a benchmark or dataset, a model, a metric,
 * anything else. NOTE: the rules only test `covered[i]` for truth, except list propagation (typeListSiblings), which
 * reads the kind of a list's known items.
 */
export const COVER_OTHER = 1;
export const COVER_BENCH = 2;
export const COVER_MODEL = 3;
export const COVER_METRIC = 4;

export function coverCode(kind: ConceptKind): number {
  return kind === 'benchmark' || kind === 'dataset' ? COVER_BENCH : kind === 'model' ? COVER_MODEL : kind === 'metric' ? COVER_METRIC : COVER_OTHER;
}

/** "Pass@32", "Cons@5", "maj@16", "nDCG@10", "Average@32": a metric by its shape, folded to "X@k". */
const AT_K_HEAD = /^[A-Za-z]{1,12}$/;
const AT_K_TAIL = /^(\d{1,4}|k|K)$/;

/**
 * Metrics written "X@k" (pass@1, Cons@5, nDCG@10), as hits of rule "shape:X@k" labelled with the family ("Cons@k").
 * NOTE: the text between the two tokens must be the "@" itself (no e-mail: its domain is no number).
 */
export function findAtKMetrics(text: string, tokens: Tokens, covered: Uint8Array): PatternHit[] {
  const hits: PatternHit[] = [];
  for (let i = 0; i + 1 < tokens.n; i++) {
    if (tokens.gap[i + 1] !== Gap.Join || text.charCodeAt(tokens.end[i]!) !== 64 || tokens.start[i + 1] !== tokens.end[i]! + 1) continue;
    if (covered[i] || covered[i + 1] || (i > 0 && tokens.gap[i] === Gap.Join)) continue;
    const head = tokens.raw(i);
    if (!AT_K_HEAD.test(head) || !AT_K_TAIL.test(tokens.raw(i + 1))) continue;
    if (i + 2 < tokens.n && tokens.gap[i + 2] === Gap.Join) continue; // "a@b-c": part of something longer
    hits.push({ from: i, to: i + 2, coreTo: i + 2, kind: 'metric', rule: 'shape:X@k', explicit: false, label: `${head}@k` });
  }
  return hits;
}

/** Heads of a measured quantity: "speaker similarity", "Wasserstein distance", "hallucination rate". */
const LISTED_HEADS = new Set(['similarity', 'distance', 'error', 'rate', 'score', 'accuracy', 'fidelity']);
/** Words before such a head that say how much or which, not what ("the average score", "a high rate"). */
const NOT_MODIFIERS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'its',
  'their',
  'our',
  'this',
  'that',
  'these',
  'those',
  'same',
  'overall',
  'average',
  'mean',
  'total',
  'final',
  'high',
  'higher',
  'highest',
  'low',
  'lower',
  'lowest',
  'best',
  'top',
  'good',
  'better',
  'relative',
  'absolute',
  'new',
  'learning',
  'sampling',
  'frame',
  'bit',
  'per',
  'in',
  'on',
  'at',
  'by',
  'to',
  'with',
  'for',
  'from',
  'is',
  'are',
  'was',
  'were',
  'be',
  'has',
  'have',
  'than',
  'as',
  'which',
  'human',
]);

/** True when the token at k is explained as a metric and the text from gapFrom to gapTo is a list separator. */
function metricSibling(text: string, tokens: Tokens, covered: Uint8Array, k: number, gapFrom: number, gapTo: number): boolean {
  if (k < 0 || k >= tokens.n || covered[k] !== COVER_METRIC) return false;
  const gap = text.slice(gapFrom, gapTo);
  return gap === ', ' || gap === ' and ' || gap === ', and ' || gap === ' or ' || gap === ' / ';
}

/**
 * "in terms of WER, speaker similarity, and UTMOS": a lower-case word + a head of a measured quantity, listed right
 * next to a metric already found, is a metric too (index.ts keeps it only in a paper that reads as ML). `m` is the
 * modifier's token; the head is m + 1.
 */
function listedMetric(text: string, tokens: Tokens, m: number, covered: Uint8Array): PatternHit | undefined {
  const raw = tokens.raw(m);
  if (!/^[a-z]{3,}$/.test(raw) || NOT_MODIFIERS.has(raw) || tokens.gap[m] === Gap.Join) return undefined;
  const head = m + 1;
  if (covered[m] || covered[head] || (head + 1 < tokens.n && tokens.gap[head + 1] === Gap.Join)) return undefined;
  // The sibling before: "WER, speaker similarity"; after: "speaker similarity and UTMOS".
  // NOTE: "and" / "or" are tokens, so a sibling is one or two tokens away.
  const conj = (k: number): boolean => k >= 0 && k < tokens.n && (tokens.norm(k) === 'and' || tokens.norm(k) === 'or');
  const before =
    (m > 0 && metricSibling(text, tokens, covered, m - 1, tokens.end[m - 1]!, tokens.start[m]!)) ||
    (m > 1 && conj(m - 1) && metricSibling(text, tokens, covered, m - 2, tokens.end[m - 2]!, tokens.start[m]!));
  const after =
    (head + 1 < tokens.n && metricSibling(text, tokens, covered, head + 1, tokens.end[head]!, tokens.start[head + 1]!)) ||
    (conj(head + 1) && head + 2 < tokens.n && metricSibling(text, tokens, covered, head + 2, tokens.end[head]!, tokens.start[head + 2]!));
  if (!before && !after) return undefined;
  return { from: m, to: head + 1, coreTo: head + 1, kind: 'metric', rule: 'pattern:listed-X-similarity', explicit: false };
}

/** The statistic after an eponym: "Kendall's tau", "Spearman's rho", "Cohen's kappa", "Pearson's r". */
const STATISTICS = new Set(['tau', 'rho', 'kappa', 'alpha', 'r', 'w', 'correlation', 'coefficient', 'τ', 'ρ', 'κ']);
const PERCENTILE = /^[Pp](50|90|95|99|999)$/;
/** The keys a rule of findStatMetrics() needs at i + 1: a listed head, "latency", the "s" of "Kendall's". */
const STAT_NEXT = wordTest('norm', (w) => LISTED_HEADS.has(w) || w === 'latency' || w === 's' || PR.has(w) || w === 'term');
/** Measures named by one word that is a measure only beside another ("precision and recall"). */
const PR = new Set(['precision', 'recall']);
/** Words before "precision" that make it the precision of numbers. */
const NUMBER_PRECISION = new Set([
  'numerical',
  'numeric',
  'mixed',
  'half',
  'full',
  'single',
  'double',
  'floating',
  'arithmetic',
  'machine',
  'reduced',
  'low',
  'lower',
  'bit',
]);
/** Words that end an item of an "in terms of" list: what follows is no longer the measure ("… accuracy on X"). */
const TERMS_STOPS = new Set([
  'on',
  'for',
  'with',
  'at',
  'over',
  'than',
  'while',
  'compared',
  'across',
  'in',
  'of',
  'to',
  'by',
  'from',
  'under',
  'when',
  'which',
  'that',
  'as',
]);
/** Words before the first item of an "in terms of" list: "in terms of both the accuracy and …". */
const TERMS_SKIP = new Set(['the', 'both', 'its', 'their', 'our', 'overall']);

/** True when token k is a measure by the rules of this file: a metric already found, or "precision" / "recall". */
function measureAt(tokens: Tokens, covered: Uint8Array, k: number): boolean {
  return k >= 0 && k < tokens.n && (covered[k] === COVER_METRIC || (!covered[k] && PR.has(tokens.norm(k))));
}

/**
 * "precision, recall and F-measure", "precision and recall": "precision" / "recall" listed beside another measure is
 * a metric (alone it may be numerical precision or a recollection). `k` is the word's token.
 */
function listedPrecisionRecall(text: string, tokens: Tokens, covered: Uint8Array, k: number): PatternHit | undefined {
  if (covered[k] || tokens.gap[k] === Gap.Join || (k + 1 < tokens.n && tokens.gap[k + 1] === Gap.Join)) return undefined;
  // "numerical precision", "mixed precision and …": the precision of numbers, not a measure.
  if (k > 0 && tokens.gap[k] === Gap.Space && NUMBER_PRECISION.has(tokens.norm(k - 1))) return undefined;
  const conj = (j: number): boolean => j >= 0 && j < tokens.n && (tokens.norm(j) === 'and' || tokens.norm(j) === 'or');
  const before =
    (k > 0 && measureAt(tokens, covered, k - 1) && listGap(text, tokens.end[k - 1]!, tokens.start[k]!)) ||
    (k > 1 && conj(k - 1) && measureAt(tokens, covered, k - 2) && listGap(text, tokens.end[k - 2]!, tokens.start[k]!));
  const after =
    (k + 1 < tokens.n && measureAt(tokens, covered, k + 1) && listGap(text, tokens.end[k]!, tokens.start[k + 1]!)) ||
    (conj(k + 1) && measureAt(tokens, covered, k + 2) && listGap(text, tokens.end[k]!, tokens.start[k + 2]!));
  if (!before && !after) return undefined;
  return { from: k, to: k + 1, coreTo: k + 1, kind: 'metric', rule: 'pattern:precision-and-recall', explicit: false, label: tokens.norm(k) };
}

/** The gap of a list: ", ", " and ", ", and ", " or ", " / " (one or two tokens apart). */
function listGap(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  return gap === ', ' || gap === ' and ' || gap === ', and ' || gap === ' or ' || gap === ' / ' || gap === '/';
}

/**
 * "in terms of reconstruction accuracy and completeness" (1602.04502), "in terms of precision, recall and F1": the
 * items of an "in terms of" list that end in a measure head are metrics, typed by the phrase itself (explicit). An item
 * "X accuracy" is the metric accuracy; "X error rate" is "error rate"; other heads keep their modifier ("speaker
 * similarity"); a lone head ("score"), a head after a word of degree ("the final score") and the other items
 * ("completeness") are not typed. `i` is the token of "in".
 */
function termsOfList(text: string, tokens: Tokens, covered: Uint8Array, i: number, hits: PatternHit[]): void {
  if (i + 3 >= tokens.n || tokens.norm(i + 2) !== 'of' || tokens.gap[i + 1] !== Gap.Space || tokens.gap[i + 2] !== Gap.Space) return;
  let k = i + 3;
  while (k < tokens.n && tokens.gap[k] === Gap.Space && TERMS_SKIP.has(tokens.norm(k))) k++;
  for (let items = 0; items < 6 && k < tokens.n && tokens.gap[k] !== Gap.Break; items++) {
    // The item: up to four words, ended by a list gap, "and" / "or", punctuation or a stop word.
    const from = k;
    let to = k + 1;
    while (to < tokens.n && to - from < 4 && (tokens.gap[to] === Gap.Space || tokens.gap[to] === Gap.Join)) {
      const w = tokens.norm(to);
      if (w === 'and' || w === 'or' || TERMS_STOPS.has(w)) break;
      to++;
    }
    const hit = termsItem(tokens, covered, from, to);
    if (hit) pushNew(hits, hit);
    if (to >= tokens.n) return;
    // The next item: after ", ", ", and ", " and ", " or ".
    if (tokens.gap[to] === Gap.Break) {
      if (!commaGap(text, tokens.end[to - 1]!, tokens.start[to]!)) return;
      k = to;
      if (tokens.norm(k) === 'and' || tokens.norm(k) === 'or') k++;
    } else if (tokens.norm(to) === 'and' || tokens.norm(to) === 'or') k = to + 1;
    else return;
    while (k < tokens.n && tokens.gap[k] === Gap.Space && TERMS_SKIP.has(tokens.norm(k))) k++;
  }
}

/** Adds a hit unless an earlier hit of the same pass shares a token with it (an "in terms of" item read twice). */
function pushNew(hits: PatternHit[], h: PatternHit): void {
  for (let k = hits.length - 1; k >= 0; k--) if (hits[k]!.from < h.to && h.from < hits[k]!.to) return;
  hits.push(h);
}

function termsItem(tokens: Tokens, covered: Uint8Array, from: number, to: number): PatternHit | undefined {
  const last = to - 1;
  if (covered[last]) return undefined;
  const head = tokens.norm(last);
  const rule = 'pattern:in-terms-of-X';
  if (to - from === 1 && PR.has(head)) return { from, to, coreTo: to, kind: 'metric', rule, explicit: true, label: head };
  if (!LISTED_HEADS.has(head)) return undefined;
  if (head === 'accuracy') return { from: last, to, coreTo: to, kind: 'metric', rule, explicit: true };
  if (to - from < 2) return undefined;
  for (let k = from; k < last; k++) {
    if (covered[k] || !/^[a-z][a-z0-9-]{2,}$/.test(tokens.raw(k)) || NOT_MODIFIERS.has(tokens.norm(k))) return undefined;
  }
  if (head === 'rate' && tokens.norm(last - 1) === 'error')
    return { from: last - 1, to, coreTo: to, kind: 'metric', rule, explicit: true, label: 'error rate' };
  return { from, to, coreTo: to, kind: 'metric', rule, explicit: true };
}

/**
 * Metrics by a shape of words: an eponymous statistic ("Kendall's tau", issue 10's miss; "Cohen's kappa") and a
 * percentile latency ("P95 latency"). One pass over the tokens, string tests only on the few that fit.
 */
export function findStatMetrics(text: string, tokens: Tokens, covered: Uint8Array): PatternHit[] {
  const hits: PatternHit[] = [];
  const { lex, nid } = tokens;
  // NOTE: the memo of STAT_NEXT is read in place (2: no rule below can start here), so most tokens cost one load.
  const memo = lex.memo(STAT_NEXT);
  for (let i = 0; i + 1 < tokens.n; i++) {
    const id = nid[i + 1]!;
    const v = memo[id]!;
    if (v === 2 || (v === 0 && !lex.is(STAT_NEXT, id))) continue;
    const next = tokens.norm(i + 1);
    if (next === 'term') {
      if (tokens.norm(i) === 'in') termsOfList(text, tokens, covered, i, hits);
      continue;
    }
    if (PR.has(next)) {
      const hit = listedPrecisionRecall(text, tokens, covered, i + 1);
      if (hit) pushNew(hits, hit);
      continue;
    }
    // "a test error rate of 2.1%", "error rates": the error rate of older ML prose ("word error rate" is known).
    if (next === 'rate' && tokens.norm(i) === 'error' && tokens.gap[i + 1] === Gap.Space && !covered[i] && !covered[i + 1] && tokens.gap[i] !== Gap.Join) {
      if (i + 2 >= tokens.n || tokens.gap[i + 2] !== Gap.Join) {
        pushNew(hits, { from: i, to: i + 2, coreTo: i + 2, kind: 'metric', rule: 'shape:error-rate', explicit: false, label: 'error rate' });
      }
      continue;
    }
    if (LISTED_HEADS.has(next) && tokens.gap[i + 1] === Gap.Space) {
      const hit = listedMetric(text, tokens, i, covered);
      if (hit) pushNew(hits, hit);
      continue;
    }
    if (covered[i] || covered[i + 1]) continue;
    if (next === 'latency' && tokens.gap[i + 1] === Gap.Space && PERCENTILE.test(tokens.raw(i))) {
      hits.push({ from: i, to: i + 2, coreTo: i + 2, kind: 'metric', rule: 'shape:P95-latency', explicit: false });
    } else if (next === 's' && i + 2 < tokens.n && (tokens.shape[i]! & Shape.FirstUpper) !== 0 && STATISTICS.has(tokens.norm(i + 2)) && !covered[i + 2]) {
      const gap = text.slice(tokens.end[i]!, tokens.start[i + 1]!);
      if ((gap === "'" || gap === '’') && tokens.gap[i + 2] === Gap.Space) {
        hits.push({ from: i, to: i + 3, coreTo: i + 3, kind: 'metric', rule: "shape:X's-tau", explicit: false });
      }
    }
  }
  return hits;
}

const SPLIT = /^(test|val|validation|dev|train|testdev|mini|lite|hard|easy|full)$/;
const SIZE = /^(\d+(\.\d+)?[bm]|\d+x\d+b|v\d+(\.\d+)?|instruct|chat|base|large|small|tiny|preview|pretrain|pretrained|trained|tuned|sft|dpo|rl|it|ft)$/;
const BENCH_HEADS = new Map<string, ConceptKind>([
  ['benchmark', 'benchmark'],
  ['leaderboard', 'benchmark'],
  ['suite', 'benchmark'],
  ['testbed', 'benchmark'],
  ['dataset', 'dataset'],
  ['corpu', 'dataset'],
  ['corpus', 'dataset'],
  ['db', 'dataset'],
]);
const MODEL_BEFORE = new Set([
  'outperform',
  'outperforms',
  'outperforming',
  'outperformed',
  'surpass',
  'surpasse',
  'surpassing',
  'surpassed',
  'than',
  'v',
  'vs',
  'versus',
  'beat',
  'beating',
  'beats',
]);
const LIST_TRIGGERS = new Set(['including', 'like', 'such', 'eg', 'namely']);
const MODEL_NOUNS = new Set([
  'model',
  'backbone',
  'method',
  'baseline',
  'approache',
  'approach',
  'llm',
  'mllm',
  'vlm',
  'lvlm',
  'system',
  'encoder',
  'architecture',
  'technique',
  'work',
  'variant',
  'competitor',
  'counterpart',
  'tokenizer',
  'framework',
]);
const BENCH_NOUNS = new Set(['benchmark', 'dataset', 'task', 'suite', 'leaderboard']);
/** "metrics such as X", "metrics (X, Y)": the list is of metrics. */
const METRIC_NOUNS = new Set(['metric']);
/**
 * Every word that may stand right before a name in a rule of classify() below ("g" ends "e.g."). NOTE: a pre-filter:
 * most names follow none of them, and the rules' string tests are skipped then.
 */
const CONTEXT_WORDS = wordTest(
  'norm',
  (w) =>
    BENCH_HEADS.has(w) ||
    MODEL_BEFORE.has(w) ||
    LIST_TRIGGERS.has(w) ||
    TUNE_WORDS.has(w) ||
    MODEL_NOUNS.has(w) ||
    BENCH_NOUNS.has(w) ||
    METRIC_NOUNS.has(w) ||
    RIVAL_ADJECTIVES.has(w) ||
    ['called', 'named', 'dubbed', 'termed', 'to', 'with', 'over', 'on', 'the', 'a', 'g', 'from', 'higher', 'lower'].includes(w),
);
/** "outperforms the competitive LongVILA-R1" (2510.xxxx pool): adjectives between a comparison verb and its model. */
const RIVAL_ADJECTIVES = new Set([
  'competitive',
  'strong',
  'strongest',
  'recent',
  'previous',
  'prior',
  'powerful',
  'leading',
  'popular',
  'art',
  'sota',
  'proprietary',
  'larger',
]);
/** "the SOTA method DIVER-v2", "distillation method DMD2": a singular noun right before a name types it. */
const NAME_NOUNS = new Set(['method', 'model', 'baseline', 'approach', 'llm', 'mllm', 'vlm', 'lvlm', 'detector', 'tokenizer']);
/** ... unless the phrase is the paper's own ("our method X", "a new model X", "we propose the model X"). */
const OWN_MARKERS = new Set(['our', 'we', 'new', 'novel', 'propose', 'present', 'introduce', 'this', 'call', 'called', 'named', 'dubbed', 'term']);
/** "fine-tune X", "fine-tuning X", "finetuned X": the model being tuned (the hyphen splits "fine" from "tune"). */
const TUNE_WORDS = new Set(['tune', 'tuning', 'tuned', 'finetune', 'finetuning', 'finetuned']);
/** "trained / fine-tuned / pretrained on X": X is the data, not a benchmark. */
const TRAINED_ON = new Set(['trained', 'train', 'tuned', 'finetuned', 'pretrained', 'pretrain', 'training', 'finetuning', 'tuning']);
/** "evaluate … on X", "results on X": a proposed benchmark evaluated on counts as a benchmark (explicit). */
const EVAL_BEFORE_ON = new Set([
  'evaluate',
  'evaluated',
  'evaluating',
  'experiment',
  'result',
  'tested',
  'benchmarked',
  'benchmarking',
  'performance',
  'score',
  'accuracy',
]);

const ON_BLOCKERS = new Set([
  'based',
  'built',
  'relie',
  'rely',
  'depend',
  'focu',
  'focuse',
  'focusing',
  'conditioned',
  'run',
  'deployed',
  'applied',
  'light',
  'shed',
  'work',
  'operate',
  'operating',
  'act',
  'acting',
  'rest',
  'effect',
  'impact',
  'emphasis',
]);

function norm(tokens: Tokens, i: number): string {
  return i >= 0 && i < tokens.n ? tokens.norm(i) : '';
}

/** True when the tokens before i (within the sentence) say "compared to/with". */
function comparedBefore(tokens: Tokens, i: number): boolean {
  const a = norm(tokens, i - 1);
  const b = norm(tokens, i - 2);
  return (a === 'to' || a === 'with') && (b === 'compared' || b === 'comparison' || b === 'relative');
}

/** True when one of the few words before index i (same sentence) marks the paper's own work. */
function ownBefore(tokens: Tokens, i: number): boolean {
  for (let k = i; k >= Math.max(0, i - 4); k--) {
    if (OWN_MARKERS.has(tokens.norm(k))) return true;
    if (tokens.gap[k]! === Gap.Break && k < i) break;
  }
  return false;
}

/** "We develop and evaluate our framework on Crafter-OO" (2510.12088): an evaluation verb a few words before "on". */
function evaluatedBefore(tokens: Tokens, on: number): boolean {
  for (let k = on - 1; k >= Math.max(0, on - 6); k--) {
    if (EVAL_BEFORE_ON.has(tokens.norm(k))) return true;
    if (tokens.gap[k]! === Gap.Break) break;
  }
  return false;
}

const PAREN_MODEL_NOUNS = new Set(['model', 'llm', 'mllm', 'vlm', 'lvlm', 'backbone', 'baseline']);

/**
 * The noun right after the parenthesis a name stands in, when it is a plural model / benchmark / metric noun:
 * "open-weight (e.g., Qwen3, Kimi-K2, GLM-4.5) models" (2510.02209). At most 160 characters, no parenthesis inside.
 */
function pluralHeadAfterParen(text: string, tokens: Tokens, to: number): ConceptKind | undefined {
  const start = tokens.start[to - 1]!;
  for (let p = start; p < Math.min(text.length, start + 160); p++) {
    const c = text.charCodeAt(p);
    if (c === 40) return undefined;
    if (c !== 41) continue;
    let k = to;
    while (k < tokens.n && tokens.start[k]! < p) k++;
    if (k >= tokens.n || !spacesOnly(text, p + 1, tokens.start[k]!) || p + 1 === tokens.start[k]! || !/s$/i.test(tokens.raw(k))) return undefined;
    const w = tokens.norm(k);
    // NOTE: not "(e.g., SLOT) techniques" (2510.02919): only nouns of models, data sets and measures.
    return PAREN_MODEL_NOUNS.has(w) ? 'model' : BENCH_NOUNS.has(w) && w !== 'task' ? 'benchmark' : METRIC_NOUNS.has(w) ? 'metric' : undefined;
  }
  return undefined;
}

/**
 * Capitalised words joined by hyphens ("Video-Holmes", 2509.24304): no name by shape alone ("Code-Induced" in a title),
 * but one in a list that a data-set noun heads.
 */
function hyphenCaps(tokens: Tokens, run: NameRun): boolean {
  if (run.to - run.from < 2) return false;
  for (let k = run.from; k < run.to; k++) {
    if ((tokens.shape[k]! & Shape.FirstUpper) === 0 || (k > run.from && tokens.gap[k] !== Gap.Join)) return false;
  }
  return true;
}

/** A benchmark / dataset / suite noun (not "task") heads the list before token i: "benchmarks like …". */
function dataNounBefore(tokens: Tokens, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const w = tokens.norm(k);
    if (BENCH_NOUNS.has(w)) return w !== 'task';
    if (MODEL_NOUNS.has(w) || METRIC_NOUNS.has(w)) return false;
    if (tokens.gap[k]! === Gap.Break && k < i - 1) break;
  }
  return false;
}

/** Looks back (same clause) for the noun a list belongs to: "benchmarks such as", "baselines including". */
function listHeadKind(tokens: Tokens, i: number): ConceptKind | undefined {
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const w = tokens.norm(k);
    if (BENCH_NOUNS.has(w)) return 'benchmark';
    if (MODEL_NOUNS.has(w)) return 'model';
    if (METRIC_NOUNS.has(w)) return 'metric';
    if (tokens.gap[k]! === Gap.Break && k < i - 1) break;
  }
  return undefined;
}

/** Where a name ends without its trailing sizes, versions and splits ("Qwen3-VL-8B" → "Qwen3-VL"), whatever its kind. */
export function bareCoreEnd(tokens: Tokens, from: number, to: number): number {
  while (to - 1 > from && tokens.gap[to - 1]! === Gap.Join && (tokens.lex.is(SIZE_WORD, tokens.nid[to - 1]!) || tokens.lex.is(SPLIT_WORD, tokens.nid[to - 1]!)))
    to--;
  return to;
}

function coreEnd(tokens: Tokens, run: NameRun, kind: ConceptKind): number {
  let to = run.to;
  const drop = kind === 'model' ? SIZE_WORD : SPLIT_WORD;
  while (to - 1 > run.from && tokens.gap[to - 1]! === Gap.Join && tokens.lex.is(drop, tokens.nid[to - 1]!)) to--;
  return to;
}

/** Rules whose evidence is the name or its own description, so a list around it says nothing about its neighbours. */
const NO_LIST_RULES = new Set(['pattern:X-benchmark', 'pattern:X-data-set', 'pattern:XBench', 'pattern:X-a-dataset']);

/** A name ending in "Bench" ("MultiAgentBench", "MT-Bench") names a benchmark whatever the context. */
const BENCH_NAME = /[A-Za-z0-9]Bench(mark)?$|^Bench$/;
const BENCH_NAME_WORD = wordTest('raw', (w) => BENCH_NAME.test(w));
const BENCH_WORD = wordTest('raw', (w) => /^Bench(mark)?$/.test(w));
const SPLIT_WORD = wordTest('norm', (w) => SPLIT.test(w));
const SIZE_WORD = wordTest('norm', (w) => SIZE.test(w));
const SIZE_BM_WORD = wordTest('norm', (w) => /^\d+(\.\d+)?[bm]$/.test(w));

/**
 * The kind a description right after a name gives it: "SoS-1K, a meticulously curated dataset", "Qilin: A Multimodal
 * Information Retrieval Dataset" (a title). A few words at most, within the clause; a plural head ("datasets") is not it.
 */
export function describedAfter(text: string, tokens: Tokens, to: number): ConceptKind | undefined {
  // NOTE: a gap of "," or ":" is a Break, so the gap's text is read only there.
  if (to >= tokens.n || tokens.gap[to] !== Gap.Break) return undefined;
  const gapFrom = tokens.end[to - 1]!;
  if (gapIs(text, gapFrom, tokens.start[to]!, Sp.Any, ',:', Sp.Any)) return descriptionAt(text, tokens, to);
  // An acronym in parentheses before the description: "Voice Evaluation of Reasoning Ability (VERA), a benchmark for
  // …" (2509.26542). The run must be the whole parenthesis ("(VERA)"), so a run inside a longer one says nothing.
  if (text.charCodeAt(gapFrom) === 41) return gapIs(text, gapFrom + 1, tokens.start[to]!, Sp.None, ',', Sp.Some) ? descriptionAt(text, tokens, to) : undefined;
  // A parenthesis between the name and its description: "the CritPt (Complex Research using Integrated Thinking - Physics
  // Test, pronounced "critical point"), the first benchmark designed to …" (2509.26574). At most 160 characters, no
  // parenthesis inside.
  if (!gapIs(text, gapFrom, tokens.start[to]!, Sp.Any, '(', Sp.None)) return undefined;
  let close = -1;
  for (let p = tokens.start[to]!; p < Math.min(text.length, tokens.start[to]! + 160); p++) {
    const c = text.charCodeAt(p);
    if (c === 40) return undefined;
    if (c === 41) {
      close = p;
      break;
    }
  }
  if (close < 0) return undefined;
  let j = to;
  while (j < tokens.n && tokens.start[j]! < close) j++;
  return j < tokens.n && gapIs(text, close + 1, tokens.start[j]!, Sp.None, ',', Sp.Some) ? descriptionAt(text, tokens, j) : undefined;
}

/**
 * The data-set kind the words right after a name at token `to` give it outright: a singular head ("C-SRRG dataset") or
 * a description ("CritPt (…), the first benchmark"). For the paper's own acronyms, which are methods unless told.
 */
export function typedAfterName(text: string, tokens: Tokens, to: number): ConceptKind | undefined {
  if (to < tokens.n && tokens.gap[to] === Gap.Space) {
    const head = BENCH_HEADS.get(tokens.norm(to));
    return head && !/s$/i.test(tokens.raw(to)) ? head : undefined;
  }
  return describedAfter(text, tokens, to);
}

/** The head of a description "a / an / the …" starting at token `to` (see describedAfter). */
function descriptionAt(text: string, tokens: Tokens, to: number): ConceptKind | undefined {
  const article = tokens.norm(to);
  if (article !== 'a' && article !== 'an' && article !== 'the') return undefined;
  // NOTE: ten words, commas between adjectives allowed: "HoneyBee, a large-scale, high-quality CoT reasoning dataset"
  // (2510.12225).
  for (let k = to + 1; k < Math.min(tokens.n, to + 11); k++) {
    if (tokens.gap[k]! === Gap.Break && !gapIs(text, tokens.end[k - 1]!, tokens.start[k]!, Sp.None, ',-', Sp.Some)) return undefined;
    // The description's own head comes first: "SynthLLM, a scalable framework that transforms … corpora" is no corpus.
    // A joined piece is no head word: "a novel end-to-end benchmark" (the "to" of "end-to-end"), nor the "and" after a
    // hanging hyphen: "the first fine-grained, spatially- and temporally- aware benchmark" (2509.22646).
    if (MODEL_NOUNS.has(tokens.norm(k))) return undefined;
    if (tokens.gap[k]! !== Gap.Join && DESCRIPTION_ENDS.has(tokens.norm(k)) && !(HANGING.has(tokens.norm(k)) && text.charCodeAt(tokens.end[k - 1]!) === 45)) {
      return undefined;
    }
    const head = BENCH_HEADS.get(tokens.norm(k));
    if (head) return /s$/i.test(tokens.raw(k)) ? undefined : head;
  }
  return undefined;
}

/**
 * The singular data-set head after one to four plain lower-case words from token `to` ("interactive social evaluation
 * benchmark"); not across a word that ends a noun phrase (of, for, and, …) or a model noun.
 */
function headAfterWords(tokens: Tokens, to: number): ConceptKind | undefined {
  let k = to;
  while (k < tokens.n && k < to + 5 && (tokens.gap[k] === Gap.Space || (k > to && tokens.gap[k] === Gap.Join))) {
    const w = tokens.norm(k);
    const head = BENCH_HEADS.get(w);
    if (head) return k > to && !/s$/i.test(tokens.raw(k)) ? head : undefined;
    if ((tokens.shape[k]! & Shape.LowerAscii) === 0 || DESCRIPTION_ENDS.has(w) || MODEL_NOUNS.has(w)) return undefined;
    k++;
  }
  return undefined;
}

/** Verbs a paper names its own new artefact after ("we introduce X, a … dataset"). */
const INTRODUCING = new Set(['introduce', 'present', 'propose', 'release', 'construct', 'build', 'curate', 'create', 'collect']);

/** "spatially- and temporally- aware": a coordination of two hyphen-hung prefixes inside one adjective. */
const HANGING = new Set(['and', 'or']);

const DESCRIPTION_ENDS = new Set(['that', 'which', 'for', 'to', 'of', 'with', 'from', 'into', 'in', 'on', 'by', 'and', 'or']);

/** True when the text right after a name closes an apposition: "a new benchmark, SolutionBench, to evaluate". */
function appositionEnds(text: string, tokens: Tokens, to: number): boolean {
  const after = text.slice(tokens.end[to - 1]!, tokens.end[to - 1]! + 12);
  return after === '' || /^\s*[,.;:(]|^\s+(to|which|that|for|with|of|comprising|containing|consisting)\b/.test(after);
}

const COMPARATIVES = new Set(['higher', 'lower']);
const PHRASE_ENDS = new Set(['and', 'or', 'than', 'while', 'with', 'compared', 'at', 'across']);

/** A plain score: "45.2", "0.83", "22.5%" (not a size such as "7B"). */
const SCORE = /^(\d+\.\d+|\d+)%?$/;

/** The metric reading of what follows a name: "a PickScore of 22.5", "HPSv3 score", "[email protected]" is the vocabulary's. */
function metricAfter(text: string, tokens: Tokens, to: number): string | undefined {
  if (to >= tokens.n || tokens.gap[to] !== Gap.Space) return undefined;
  const next = tokens.norm(to);
  if (next === 'score' && !/s$/i.test(tokens.raw(to))) return 'pattern:X-score';
  if (next === 'of' && to + 1 < tokens.n && tokens.gap[to + 1] === Gap.Space) {
    // "of 45.2" up to the end of the number, with its "%" if any
    const end = tokens.end[to + 1]!;
    const num = text.slice(tokens.start[to + 1]!, text[end] === '%' ? end + 1 : end);
    if (SCORE.test(num) && /\./.test(num)) return 'pattern:X-of-score';
  }
  return undefined;
}

/** Software one installs or runs in, not a task environment: "the Python / Linux / Docker environment". */
const SOFTWARE_ENVIRONMENTS = new Set([
  'python',
  'linux',
  'windows',
  'docker',
  'conda',
  'java',
  'android',
  'jupyter',
  'matlab',
  'ubuntu',
  'kubernetes',
  'unix',
  'macos',
  'cuda',
  'pytorch',
  'tensorflow',
  'ros',
]);

/**
 * "data set" / "data sets" written as two words at token k (older prose: "the Reuters data set", "the Yale and ORL data
 * sets"): the head "dataset"; `plural` asks for "sets".
 */
export function dataSetAt(tokens: Tokens, k: number, plural: boolean): ConceptKind | undefined {
  if (k + 1 >= tokens.n || tokens.norm(k) !== 'data' || tokens.norm(k + 1) !== 'set' || tokens.gap[k + 1] !== Gap.Space) return undefined;
  return tokens.raw(k + 1).endsWith('s') === plural ? 'dataset' : undefined;
}

const NAMING_WORDS = new Set(['called', 'named', 'dubbed', 'termed']);

/**
 * The kind of the nearest head noun at or before token k, within eight words and the sentence: "a benchmark of 500
 * problems, dubbed X" → benchmark. A model noun ("a framework, trained on a dataset, called X") or a plural head comes
 * first and says no.
 */
function namedHead(tokens: Tokens, k: number): ConceptKind | undefined {
  for (let j = k; j >= Math.max(0, k - 8); j--) {
    const w = tokens.norm(j);
    if (MODEL_NOUNS.has(w)) return undefined;
    const head = BENCH_HEADS.get(w);
    if (head) return /s$/i.test(tokens.raw(j)) ? undefined : head;
    if (j > 0 && tokens.gap[j] === Gap.Break && tokens.chars[tokens.end[j - 1]!] !== 44) return undefined;
  }
  return undefined;
}

/**
 * A parameter count among the trailing size words of a name: "X-7B", and behind a suffix "LLaDA-8B-Instruct"
 * (2509.26488), "Qwen3-1.7B-Base".
 */
function sizedName(tokens: Tokens, from: number, to: number): boolean {
  for (let k = to - 1; k > from && tokens.gap[k] === Gap.Join; k--) {
    const nid = tokens.nid[k]!;
    if (tokens.lex.is(SIZE_BM_WORD, nid)) return true;
    if (!tokens.lex.is(SIZE_WORD, nid)) return false;
  }
  return false;
}

/** True when token `to` is the word "Bench" written apart after a name ("ReD Bench"), not the head of a longer name. */
function benchApart(tokens: Tokens, to: number): boolean {
  return to < tokens.n && tokens.gap[to] === Gap.Space && tokens.raw(to) === 'Bench' && (to + 1 >= tokens.n || tokens.gap[to + 1] !== Gap.Join);
}

/** Classifies a name run by its context; undefined when the context says nothing. */
function classify(
  text: string,
  tokens: Tokens,
  run: NameRun,
  titleCase: boolean,
): { kind: ConceptKind; rule: string; explicit: boolean; to?: number; coreTo?: number } | undefined {
  const { from, to } = run;
  // "on DragBench-DR and ReD Bench" (2510.02253): a name and the word "Bench" apart are one benchmark's name.
  if (run.strong && benchApart(tokens, to)) return { kind: 'benchmark', rule: 'pattern:X-Bench', explicit: true, to: to + 1, coreTo: to + 1 };
  // NOTE: "Terminal-Bench" is two capitalised words, but "-Bench" joined on makes it a name by itself.
  const lex = tokens.lex;
  const lastRid = tokens.rid[to - 1]!;
  if ((run.strong || (to - from > 1 && tokens.gap[to - 1]! === Gap.Join && lex.is(BENCH_WORD, lastRid))) && lex.is(BENCH_NAME_WORD, lastRid)) {
    return { kind: 'benchmark', rule: 'pattern:XBench', explicit: true };
  }
  // NOTE: a capitalised word qualifies only as a title's lead ("Qilin: A … Dataset"), never at a sentence start
  // ("Finally, a dataset …" is no name).
  // A plain capitalised word right after "we introduce / present …" is the paper's new name: "we introduce Toucan, the
  // largest publicly available tool-agentic dataset to date" (2510.01179).
  if (run.strong || (titleCase && from === 0) || (!titleCase && from > 0 && tokens.gap[from] === Gap.Space && INTRODUCING.has(tokens.norm(from - 1)))) {
    const described = describedAfter(text, tokens, to);
    if (described) return { kind: described, rule: 'pattern:X-a-dataset', explicit: true };
  }
  // A capitalised word is a name only in running text: not at a sentence start, not in a title (Title Case).
  if (!run.strong && (titleCase || atSentenceStart(text, tokens, from))) return undefined;
  // NOTE: before "data set", a capitalised word after another is the tail of a longer name ("UC Merced Land Use/Land
  // Cover data set", 1602.00970).
  const tail = !run.strong && from > 0 && tokens.gap[from] === Gap.Space && (tokens.shape[from - 1]! & Shape.FirstUpper) !== 0;
  const afterHead = to < tokens.n && tokens.gap[to] === Gap.Space ? BENCH_HEADS.get(tokens.norm(to)) : undefined;
  if (afterHead) return { kind: afterHead, rule: 'pattern:X-benchmark', explicit: true };
  // "Experiments on the Sotopia interactive social evaluation benchmark" (2509.22887): "the" + name + up to four
  // lower-case words + a singular data-set head. Not explicit, so only in a paper that reads as ML: astro-ph runs "the
  // X simulation suite" (the out-of-domain test).
  const described = !tail && from > 0 && tokens.gap[from] === Gap.Space && tokens.norm(from - 1) === 'the' ? headAfterWords(tokens, to) : undefined;
  if (described) return { kind: described, rule: 'pattern:the-X-adj-benchmark', explicit: false };
  // NOTE: "data set" in two words types only in a paper that reads as ML: astro-ph writes "our Spitzer data set".
  if (!tail && to < tokens.n && tokens.gap[to] === Gap.Space && dataSetAt(tokens, to, false)) {
    return { kind: 'dataset', rule: 'pattern:X-data-set', explicit: false };
  }
  // "our reimplementation of the Crafter environment" (2510.12088): "the" + one capitalised word + "environment" names
  // an RL benchmark; not explicit, so only in a paper that reads as ML. Software setups ("the Python environment") are
  // no benchmark: SOFTWARE_ENVIRONMENTS names the few that papers install.
  if (
    to - from === 1 &&
    to < tokens.n &&
    tokens.gap[to] === Gap.Space &&
    tokens.norm(to) === 'environment' &&
    !SOFTWARE_ENVIRONMENTS.has(tokens.norm(from)) &&
    from > 0 &&
    tokens.norm(from - 1) === 'the' &&
    tokens.gap[from] === Gap.Space &&
    /^[A-Z][a-z]{3,}$/.test(tokens.raw(from))
  ) {
    return { kind: 'benchmark', rule: 'pattern:the-X-environment', explicit: false };
  }
  if (run.strong) {
    const metric = metricAfter(text, tokens, to);
    if (metric) return { kind: 'metric', rule: metric, explicit: false };
  }
  const lastNid = tokens.nid[to - 1]!;
  if (to - from > 1 && run.strong && lex.is(SPLIT_WORD, lastNid)) return { kind: 'benchmark', rule: 'pattern:X-test', explicit: false };
  if (to - from > 1 && sizedName(tokens, from, to)) return { kind: 'model', rule: 'pattern:X-7B', explicit: false };
  if (tokens.gap[from]! === Gap.Start) return undefined;
  if (!tokens.lex.is(CONTEXT_WORDS, tokens.nid[from - 1]!)) return undefined;
  const b1 = norm(tokens, from - 1);
  const b2 = norm(tokens, from - 2);
  const b3 = norm(tokens, from - 3);
  // NOTE: the gap before the name is read in place (most names reach here: "the", "on", "a" are context words).
  const gapFrom = tokens.end[from - 1]!;
  const gapTo = tokens.start[from]!;
  const plain = gapTo > gapFrom && spacesOnly(text, gapFrom, gapTo);
  const singular = !/s$/i.test(tokens.raw(from - 1)); // "benchmarks Datarus surpasses": not a name for the benchmark
  if (plain && ((BENCH_HEADS.has(b1) && singular) || ((b1 === 'called' || b1 === 'named') && BENCH_HEADS.has(b2)))) {
    return { kind: BENCH_HEADS.get(b1) ?? BENCH_HEADS.get(b2)!, rule: 'pattern:benchmark-X', explicit: true };
  }
  // "a benchmark of 500 problems, dubbed X": the nearest head noun before "called / named / dubbed / termed" in the clause.
  if (plain && run.strong && NAMING_WORDS.has(b1)) {
    const head = namedHead(tokens, from - 2);
    if (head) return { kind: head, rule: 'pattern:benchmark-X', explicit: true };
  }
  // In apposition: "a new benchmark, SolutionBench, to evaluate …", "the … prompt dataset, VidProM."
  if (run.strong && BENCH_HEADS.has(b1) && singular && commaGap(text, gapFrom, gapTo) && appositionEnds(text, tokens, to)) {
    return { kind: BENCH_HEADS.get(b1)!, rule: 'pattern:benchmark-X', explicit: true };
  }
  if (!run.strong) {
    // A capitalised word is a name only in a comparison, never at a sentence start or in a title (Title Case).
    if (titleCase || atSentenceStart(text, tokens, from)) return undefined;
  }
  // "higher PickScore and HPSv3 than SDXL" (issue 10's misses): a name compared as higher / lower is a measure.
  // NOTE: not before a noun ("higher MMLU scores"): the name must end the phrase.
  if (plain && run.strong && COMPARATIVES.has(b1) && (to >= tokens.n || PHRASE_ENDS.has(tokens.norm(to)) || tokens.gap[to]! === Gap.Break)) {
    return { kind: 'metric', rule: 'pattern:higher-X', explicit: false };
  }
  if (plain && (MODEL_BEFORE.has(b1) || comparedBefore(tokens, from) || (b1 === 'over' && /improvement|gain|speedup/.test(b2 + b3)))) {
    return { kind: 'model', rule: 'pattern:outperforms-X', explicit: false };
  }
  if (plain && (b1 === 'on' || (b1 === 'the' && b2 === 'on')) && run.strong) {
    const verb = b1 === 'on' ? b2 : b3;
    // "fine-tuned on SpineMed-450k" (2510.03160): the training data.
    if (TRAINED_ON.has(verb)) return { kind: 'dataset', rule: 'pattern:trained-on-X', explicit: false };
    if (!ON_BLOCKERS.has(verb)) return { kind: 'benchmark', rule: 'pattern:on-X', explicit: EVAL_BEFORE_ON.has(verb) || evaluatedBefore(tokens, from - 1) };
  }
  // "fine-tune Qwen2.5-VL-7B", "initialized from T5Gemma" (2509.26476): the model a paper starts from.
  // NOTE: not when the run stops at a known name joined on ("fine-tuning PH-LLM" is one name, cut by "LLM").
  if (
    plain &&
    run.strong &&
    (to >= tokens.n || tokens.gap[to] !== Gap.Join) &&
    (TUNE_WORDS.has(b1) || (b1 === 'from' && (b2 === 'initialized' || b2 === 'initialised')))
  ) {
    return { kind: 'model', rule: 'pattern:fine-tune-X', explicit: false };
  }
  // "outperforms the competitive LongVILA-R1 (72.0%)"
  if (plain && b2 === 'the' && RIVAL_ADJECTIVES.has(b1) && MODEL_BEFORE.has(b3) && run.strong) {
    return { kind: 'model', rule: 'pattern:outperforms-X', explicit: false };
  }
  // "compared to the fine-tuned SOTA method DIVER-v2", "the state-of-the-art distillation method DMD2"
  if (plain && run.strong && NAME_NOUNS.has(b1) && singular && !ownBefore(tokens, from - 1)) {
    return { kind: 'model', rule: 'pattern:method-X', explicit: false };
  }
  // "benchmarks (SimpleQA, FRAMES, WebWalker, Seal0, MuSiQue)", "models (Cosmos-Predict2, Wan2.1)": a plural noun
  // opening a parenthesised list types its items.
  // NOTE: a list, so the item is followed by a comma: "language models (LMs)" is an acronym, not a list.
  if (
    gapTo > gapFrom &&
    text.charCodeAt(gapTo - 1) === 40 &&
    spacesOnly(text, gapFrom, gapTo - 1) &&
    !singular &&
    run.strong &&
    (BENCH_NOUNS.has(b1) || MODEL_NOUNS.has(b1) || METRIC_NOUNS.has(b1)) &&
    gapIs(text, tokens.end[to - 1]!, Math.min(text.length, tokens.end[to - 1]! + 3), Sp.Any, ',', Sp.Rest)
  ) {
    return { kind: BENCH_NOUNS.has(b1) ? 'benchmark' : METRIC_NOUNS.has(b1) ? 'metric' : 'model', rule: 'pattern:nouns-(X)', explicit: false };
  }
  if (plain && (LIST_TRIGGERS.has(b1) || (b1 === 'a' && b2 === 'such'))) {
    const head = listHeadKind(tokens, b1 === 'a' ? from - 2 : from - 1);
    if (head && (run.strong || head === 'model' || (hyphenCaps(tokens, run) && dataNounBefore(tokens, b1 === 'a' ? from - 2 : from - 1)))) {
      return { kind: head, rule: 'pattern:such-as-X', explicit: false };
    }
  }
  // NOTE: "e.g." before a name is always cut into tokens ("e", "g"), so only the text before the name is tested.
  if (/\(e\.g\.,?\s*$/.test(text.slice(Math.max(0, tokens.start[from]! - 8), tokens.start[from]!))) {
    const head = listHeadKind(tokens, from - 1) ?? pluralHeadAfterParen(text, tokens, to);
    if (head) return { kind: head, rule: 'pattern:such-as-X', explicit: false };
  }
  return undefined;
}

const SIGNS = '+-\u2212\u00b1';

/** The next list item after a name: ", Y", " and Y", ", and Y", " or Y", skipping a parenthesis "(3.3 FID)". */
function nextListItem(text: string, tokens: Tokens, to: number, covered: Uint8Array): number | undefined {
  let k = to;
  if (k >= tokens.n) return undefined;
  // NOTE: the gaps are read in place (no slice per name): /^\s*\($/, /^\s*,\s*$/ and /^\s+$/ as character scans.
  let from = tokens.end[k - 1]!;
  let gapTo = tokens.start[k]!;
  // "T2I-ReasonBench(+3.7), and GenEval++(+4.3)" (2510.13804): a signed number opens the parenthesis.
  let open = gapTo - 1;
  if (open > from && SIGNS.indexOf(text[open]!) >= 0) open--;
  if (gapTo > from && text.charCodeAt(open) === 40 && spacesOnly(text, from, open)) {
    // skip a short parenthesis
    let depth = 1;
    let p = open + 1;
    const limit = Math.min(text.length, p + 60);
    for (; p < limit && depth > 0; p++) {
      if (text[p] === '(') depth++;
      else if (text[p] === ')') depth--;
    }
    if (depth !== 0) return undefined;
    while (k < tokens.n && tokens.start[k]! < p) k++;
    if (k >= tokens.n) return undefined;
    from = p;
    gapTo = tokens.start[k]!;
  }
  if (commaGap(text, from, gapTo)) {
    if (tokens.norm(k) === 'and' || tokens.norm(k) === 'or') k++;
  } else if (gapTo > from && spacesOnly(text, from, gapTo) && (tokens.norm(k) === 'and' || tokens.norm(k) === 'or')) k++;
  else return undefined;
  if (k >= tokens.n || (covered[k] && !(tokens.start[k]! > tokens.end[k - 1]! && spacesOnly(text, tokens.end[k - 1]!, tokens.start[k]!)))) return undefined;
  return k;
}

/**
 * nameRunAt() remembered for one findPatternNames() call (its tokens and `covered` do not change during it): the main
 * walk, the lists it continues and list propagation ask about the same tokens. Runs are read, never changed, so the
 * same record serves every asker.
 */
let runStamp = 0;
let runSeen = new Int32Array(512);
const runOf: Array<NameRun | undefined> = [];
let runTokens: Tokens | undefined;
let runCovered: Uint8Array | undefined;

function beginRuns(tokens: Tokens, covered: Uint8Array): void {
  runStamp++;
  runTokens = tokens;
  runCovered = covered;
  if (runSeen.length < tokens.n) runSeen = new Int32Array(Math.max(tokens.n, 2 * runSeen.length));
}

function runAt(tokens: Tokens, i: number, covered: Uint8Array): NameRun | undefined {
  if (tokens !== runTokens || covered !== runCovered) return nameRunAt(tokens, i, covered);
  if (runSeen[i] === runStamp) return runOf[i];
  const run = nameRunAt(tokens, i, covered);
  runSeen[i] = runStamp;
  runOf[i] = run;
  return run;
}

/** Finds names by the way the text uses them. `covered` marks tokens the vocabulary already explained. */
export function findPatternNames(
  text: string,
  tokens: Tokens,
  covered: Uint8Array,
  titleCase = false,
  bare?: (from: number, to: number) => void,
): PatternHit[] {
  const hits: PatternHit[] = [];
  beginRuns(tokens, covered);
  let i = 0;
  while (i < tokens.n) {
    if (covered[i] === COVER_OTHER && (i === 0 || !covered[i - 1] || tokens.gap[i]! !== Gap.Join)) {
      // A known word that is no name (a task, a method: "T2I", "VSR") with name pieces joined on is the head of a longer
      // name: "T2I-ReasonBench" (2510.12784), "VSR-120K, a new dataset" (2510.12747).
      const run = prefixedRun(tokens, i, covered);
      if (run) {
        const c = classify(text, tokens, run, titleCase);
        const coreTo = c ? coreEnd(tokens, run, c.kind) : 0;
        // NOTE: "VLA-0.9B" is a size of the known word, not a new name: the core must keep a piece joined on.
        if (c && tokens.gap[coreTo - 1]! === Gap.Join && covered[coreTo - 1] === 0) {
          hits.push({ from: run.from, to: run.to, coreTo, ...c });
          i = !NO_LIST_RULES.has(c.rule) ? continueList(text, tokens, covered, run.to, c, hits) : run.to;
          continue;
        }
      }
    }
    if (covered[i] && (i === 0 || !covered[i - 1] || tokens.gap[i]! !== Gap.Join)) {
      // A known name can open a list of unknown ones: "outperforming VAR (3.3 FID) and FlexVAR".
      let to = i + 1;
      while (to < tokens.n && covered[to] && tokens.gap[to]! === Gap.Join) to++;
      const c = classify(text, tokens, { from: i, to, strong: true }, titleCase);
      i = to;
      if (c && !NO_LIST_RULES.has(c.rule)) i = continueList(text, tokens, covered, to, c, hits);
      continue;
    }
    const run = runAt(tokens, i, covered);
    if (!run || (run.from > 0 && tokens.gap[run.from]! === Gap.Join && !covered[run.from - 1])) {
      i = run ? run.to : i + 1;
      continue;
    }
    const c = classify(text, tokens, run, titleCase);
    if (!c) {
      // A name-shaped run no context types here: the corpus may know it from another paper (index.ts, CorpusNames).
      if (bare && run.strong) bare(run.from, run.to);
      i = run.to;
      continue;
    }
    hits.push({ from: run.from, to: run.to, coreTo: coreEnd(tokens, run, c.kind), ...c });
    // The list goes on: "outperforming VAR (3.3 FID) and FlexVAR", "including Transtokenizer and ReTok".
    const end = !NO_LIST_RULES.has(c.rule) ? continueList(text, tokens, covered, run.to, c, hits) : run.to;
    i = Math.max(end, run.to);
  }
  typeListSiblings(text, tokens, covered, titleCase, hits);
  runTokens = undefined;
  runCovered = undefined;
  return hits;
}

/** The run of a known non-name ("T2I") and the uncovered name pieces joined on ("-ReasonBench"), if it has them. */
function prefixedRun(tokens: Tokens, i: number, covered: Uint8Array): NameRun | undefined {
  let e = i + 1;
  while (e < tokens.n && covered[e] && tokens.gap[e]! === Gap.Join) e++;
  if (e >= tokens.n || covered[e] || tokens.gap[e]! !== Gap.Join) return undefined;
  let to = e;
  let named = false;
  while (to < tokens.n && !covered[to] && tokens.gap[to]! === Gap.Join) {
    if ((tokens.shape[to]! & (Shape.FirstUpper | Shape.FirstDigit)) !== 0) named = true;
    to++;
  }
  // "VQA-based", "RL-trained": adjectives, not names.
  if (!named || ((tokens.shape[to - 1]! & Shape.FirstUpper) === 0 && (tokens.shape[to - 1]! & Shape.FirstDigit) === 0)) return undefined;
  // "Code-Induced" (a title): capitalised words only, no name by shape.
  let strong = false;
  for (let k = i; k < to; k++) if (isStrongNameToken(tokens.raw(k))) strong = true;
  return { from: i, to, strong };
}

function continueList(text: string, tokens: Tokens, covered: Uint8Array, from: number, c: { kind: ConceptKind; rule: string }, hits: PatternHit[]): number {
  let end = from;
  for (let guard = 0; guard < 8; guard++) {
    const k = nextListItem(text, tokens, end, covered);
    if (k === undefined) break;
    if (covered[k]) {
      // a known name in the list: skip over it (and the pieces joined on: "GPQA-Diamond") and keep going
      let e = k + 1;
      while (e < tokens.n && tokens.gap[e]! === Gap.Join) e++;
      end = e;
      continue;
    }
    const next = runAt(tokens, k, covered);
    if (!next || (!next.strong && c.kind !== 'model')) break;
    const bench = c.kind === 'benchmark' && next.strong && benchApart(tokens, next.to);
    hits.push({
      from: next.from,
      to: bench ? next.to + 1 : next.to,
      coreTo: bench ? next.to + 1 : coreEnd(tokens, next, c.kind),
      kind: c.kind,
      rule: c.rule.replace(/:list$/, '') + ':list',
      explicit: false,
    });
    end = bench ? next.to + 1 : next.to;
  }
  return end;
}

/** A name of a coordinated list: its tokens, the kind code it already has (COVER_*; 0 none) and its strength. */
interface ListItem {
  from: number;
  to: number;
  code: number;
  strong: boolean;
}

let kindScratch = new Uint8Array(256);

/** The list item starting at token k: a known name (with the pieces joined on) or a name-shaped run. */
function listItemAt(tokens: Tokens, k: number, covered: Uint8Array, kinds: Uint8Array): ListItem | undefined {
  if (covered[k]) {
    if (k > 0 && tokens.gap[k]! === Gap.Join) return undefined;
    let to = k + 1;
    while (to < tokens.n && tokens.gap[to]! === Gap.Join) to++;
    return { from: k, to, code: kinds[k] || covered[k]!, strong: true };
  }
  const run = runAt(tokens, k, covered);
  if (!run || (k > 0 && tokens.gap[k]! === Gap.Join)) return undefined;
  return { from: run.from, to: run.to, code: kinds[run.from]!, strong: run.strong };
}

/**
 * List propagation: in a coordinated list of names ("On Humaneval, MBPP, and EvalPlus", "LV-Eval and InfiniteBench",
 * "HLE, AIME-25, GPQA-Diamond, and MedQA"), once one item is a benchmark (known or typed) and none is a model or a
 * metric, its untyped name-shaped siblings are benchmarks too; a list of metrics types its siblings as metrics; a list
 * closed by a plural head ("the Kinetics-GEBD and TAPOS datasets") types every item. Hits of rule "list:sibling".
 * NOTE: linear: each token starts at most one list walk, and a walk moves past the tokens it reads.
 */
function typeListSiblings(text: string, tokens: Tokens, covered: Uint8Array, titleCase: boolean, hits: PatternHit[]): void {
  const n = tokens.n;
  if (kindScratch.length < n) kindScratch = new Uint8Array(Math.max(n, kindScratch.length * 2));
  const kinds = kindScratch;
  kinds.fill(0, 0, n);
  for (let k = 0; k < hits.length; k++) kinds.fill(coverCode(hits[k]!.kind), hits[k]!.from, hits[k]!.to);
  // NOTE: refilled in place with a count: setting length = 0 would drop the array's store, and every list would allocate one.
  const items: ListItem[] = [];
  let count = 0;
  let i = 0;
  while (i < n) {
    const first = listItemAt(tokens, i, covered, kinds);
    if (!first) {
      i++;
      continue;
    }
    items[0] = first;
    count = 1;
    let end = first.to;
    while (count < 12 && mayContinueList(text, tokens, end)) {
      const k = nextListItem(text, tokens, end, NO_COVER);
      if (k === undefined) break;
      const item = listItemAt(tokens, k, covered, kinds);
      if (!item) break;
      items[count++] = item;
      end = item.to;
      // "COCO and LVIS, Rex-Omni attains …" (2510.12798): "and" closes the list.
      const sep = tokens.norm(k - 1);
      if (sep === 'and' || sep === 'or') break;
    }
    i = end;
    if (count < 2) continue;
    // "the Kinetics-GEBD and TAPOS datasets", "Robomimic, PushT, and RoboTwin benchmarks" (2510.06855, 2510.01068)
    const head =
      end < n && tokens.gap[end]! === Gap.Space ? (/s$/i.test(tokens.raw(end)) ? LIST_HEADS.get(tokens.norm(end)) : dataSetAt(tokens, end, true)) : undefined;
    let bench = 0;
    let model = 0;
    let metric = 0;
    for (let k = 0; k < count; k++) {
      const it = items[k]!;
      if (it.code === COVER_BENCH) bench++;
      else if (it.code === COVER_MODEL) model++;
      else if (it.code === COVER_METRIC) metric++;
    }
    let kind: ConceptKind | undefined;
    if (head && model === 0 && metric === 0) kind = head;
    else if (bench > 0 && model === 0 && metric === 0) kind = 'benchmark';
    else if (metric > 0 && bench === 0 && model === 0) kind = 'metric';
    else if (bench === 0 && model === 0 && metric === 0 && evaluatedOnList(text, tokens, items, count)) kind = 'benchmark';
    if (!kind) continue;
    for (let k = 0; k < count; k++) {
      const it = items[k]!;
      if (it.code !== 0 || partOfLongerName(text, tokens, it)) continue;
      // A capitalised word ("Humaneval", "Robomimic") only as a benchmark, in running text.
      if (!it.strong && (kind === 'metric' || titleCase || atSentenceStart(text, tokens, it.from))) continue;
      const coreTo = kind === 'benchmark' || kind === 'dataset' ? bareCoreEndSplit(tokens, it.from, it.to) : it.to;
      hits.push({ from: it.from, to: it.to, coreTo, kind, rule: 'list:sibling', explicit: false });
    }
  }
}

/**
 * "We evaluate on Sokoban and FrozenLake": a list right after "on" (not "based on", "trained on") with a name-shaped item
 * is a list of benchmarks, its capitalised words too ("on X" alone types only a name-shaped X).
 */
function evaluatedOnList(text: string, tokens: Tokens, items: ListItem[], count: number): boolean {
  const from = items[0]!.from;
  if (from < 2 || tokens.norm(from - 1) !== 'on' || !gapIs(text, tokens.end[from - 1]!, tokens.start[from]!, Sp.Some, '', Sp.None)) return false;
  const verb = tokens.norm(from - 2);
  if (ON_BLOCKERS.has(verb) || TRAINED_ON.has(verb)) return false;
  let strong = 0;
  for (let k = 0; k < count; k++) if (items[k]!.strong && items[k]!.code === 0) strong++;
  return strong > 0;
}

/**
 * A cheap test before nextListItem's: a list goes on only through " and", " or", "," or "(". NOTE: most names are
 * followed by none of them, so no string is cut for them (no regex per name).
 */
function mayContinueList(text: string, tokens: Tokens, end: number): boolean {
  if (end >= tokens.n) return false;
  const g = tokens.gap[end]!;
  if (g === Gap.Space) {
    const w = tokens.norm(end);
    return w === 'and' || w === 'or';
  }
  if (g !== Gap.Break) return false;
  let p = tokens.end[end - 1]!;
  while (p < tokens.start[end]! && text.charCodeAt(p) === 32) p++;
  const c = text.charCodeAt(p);
  return c === 44 || c === 40; // "," or "("
}

/**
 * True when a list item is only a piece of a name of several words or of a symbol-joined one: "GSM Hard", "Math Odyssey",
 * "Open Assistant" (2406.07394, 2406.08673), "V*Bench" (2406.09403). Such an item is left untyped.
 */
function partOfLongerName(text: string, tokens: Tokens, it: ListItem): boolean {
  const UPPER = Shape.FirstUpper | Shape.FirstDigit;
  if (it.to < tokens.n && tokens.gap[it.to]! === Gap.Space && (tokens.shape[it.to]! & UPPER) !== 0) return true;
  if (it.from === 0) return false;
  const before = text.slice(tokens.end[it.from - 1]!, tokens.start[it.from]!);
  if (/^\s+$/.test(before)) return (tokens.shape[it.from - 1]! & UPPER) !== 0 && !LIST_WORDS.has(tokens.norm(it.from - 1));
  return !/^[\s.),]*[(:]?\s*$/.test(before);
}

/** Capitalised words that may stand right before a list item ("On Humaneval, …", "And X"). */
const LIST_WORDS = new Set(['on', 'and', 'or', 'including', 'like', 'across', 'in', 'as', 'the', 'both']);

const NO_COVER = new Uint8Array(0);
/** Plural heads that close a list of names: "the Kinetics-GEBD and TAPOS datasets", "the Sokoban and FrozenLake environments". */
const LIST_HEADS = new Map<string, ConceptKind>([...BENCH_HEADS, ['environment', 'benchmark']]);

/** Where a benchmark's name ends without its split ("RefCOCOg-test" → "RefCOCOg"). */
function bareCoreEndSplit(tokens: Tokens, from: number, to: number): number {
  while (to - 1 > from && tokens.gap[to - 1]! === Gap.Join && SPLIT.test(tokens.norm(to - 1))) to--;
  return to;
}

const PROPOSE_VERBS = new Set([
  'propose',
  'present',
  'introduce',
  'develop',
  'design',
  'release',
  'build',
  'offer',
  'call',
  'name',
  'dub',
  'term',
  'coin',
  'called',
  'named',
  'dubbed',
  'termed',
  'coined',
]);
const PROPOSE = wordTest('norm', (w) => PROPOSE_VERBS.has(w) || (w.endsWith('e') && PROPOSE_VERBS.has(w.slice(0, -1))));
const NONE = new Uint8Array(0);

/** The keys of tokens from..to run together. */
export function runKey(tokens: Tokens, from: number, to: number): string {
  let k = '';
  for (let i = from; i < to; i++) k += tokens.norm(i);
  return k;
}

/**
 * Keys (token norms run together) of the names a paper gives its own work: the title's lead before ":" and the first
 * name after "we propose / present / introduce", "called", "named", within a few words.
 */
export function findProposed(title: string, titleTokens: Tokens, text: string, tokens: Tokens): Set<string> {
  const out = new Set<string>();
  const colon = title.indexOf(':');
  if (colon > 0) {
    let lead = 0;
    while (lead < titleTokens.n && titleTokens.end[lead]! <= colon) lead++;
    if (lead > 0 && lead <= 4) {
      out.add(runKey(titleTokens, 0, lead));
      out.add(titleTokens.norm(0)); // "Datarus-R1: ..." names "Datarus" too
    }
  }
  const { lex, nid, n } = tokens;
  const memo = lex.memo(PROPOSE);
  for (let i = 0; i < n; i++) {
    const v = memo[nid[i]!]!;
    if (v === 2 || (v === 0 && !lex.is(PROPOSE, nid[i]!))) continue;
    for (let k = i + 1; k < Math.min(n, i + 9); k++) {
      if (tokens.gap[k]! === Gap.Break && gapHas(text, tokens.end[k - 1]!, tokens.start[k]!, '.;')) break;
      const run = nameRunAt(tokens, k, NONE);
      if (run && run.strong) {
        out.add(runKey(tokens, run.from, run.to));
        break;
      }
    }
  }
  return out;
}
