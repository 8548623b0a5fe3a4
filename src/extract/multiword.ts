// Benchmark and dataset names of several capitalised words ("Humanity's Last Exam", "Street View House Numbers"), by context.
import type { ConceptKind } from './types.ts';
import { Gap, type Tokens } from './tokenize.ts';
import { Shape, wordTest } from './lexicon.ts';
import { COVER_BENCH, COVER_OTHER, dataSetAt, type PatternHit } from './patterns.ts';
import { atSentenceStart, isStrongNameToken } from './names.ts';
import { commaGap, gapIs, Mark, Sp } from './gaps.ts';

/**
 * Words that open a sentence or a clause in capitals ("The", "Our", "In") but never start a name. NOTE: a run that
 * starts with one starts after it.
 */
const NOT_FIRST = new Set([
  'the',
  'a',
  'an',
  'our',
  'this',
  'these',
  'those',
  'we',
  'in',
  'on',
  'for',
  'to',
  'with',
  'by',
  'from',
  'and',
  'or',
  'of',
  'at',
  'as',
  'its',
  'their',
  'it',
  'all',
  'both',
  'each',
  'most',
  'many',
  'some',
  'while',
  'however',
  'finally',
  'moreover',
  'furthermore',
  'additionally',
  'specifically',
  'experiment',
  'result',
  'extensive',
  'comprehensive',
  'existing',
  'recent',
  'current',
  'unlike',
  'compared',
]);

/** Small words inside a name, between capitalised words: "Labeled Faces in the Wild", "Theory of Mind". */
const CONNECTORS = new Set(['of', 'in', 'the', 'for', 'de']);

/**
 * Last words that make a capitalised run a method, a model or a field, not a data set: "Direct Preference
 * Optimization", "Large Language Models", "Neural Radiance Fields", "Natural Language Processing".
 */
const NOT_DATA_HEADS = new Set([
  'model',
  'language',
  'learning',
  'network',
  'net',
  'transformer',
  'attention',
  'optimization',
  'optimisation',
  'adaptation',
  'diffusion',
  'generation',
  'framework',
  'method',
  'approach',
  'algorithm',
  'system',
  'agent',
  'policy',
  'sampling',
  'distillation',
  'guidance',
  'tuning',
  'training',
  'alignment',
  'search',
  'teaming',
  'embedding',
  'encoder',
  'decoder',
  'autoencoder',
  'splatting',
  'field',
  'processing',
  'intelligence',
  'vision',
  'feedback',
  'reward',
  'decoding',
  'inference',
  'scaling',
  'merging',
  'editing',
  'retrieval',
  'reasoning',
  'understanding',
  'answering',
  'recognition',
  'detection',
  'localization',
  'estimation',
  'classification',
  'segmentation',
  'translation',
  'synthesis',
  'rendering',
  'planning',
  'control',
  'architecture',
  'layer',
  'module',
  'head',
  'pipeline',
  'tool',
  'gradient',
  'loss',
  'regularization',
  'normalization',
  'quantization',
  'pruning',
  'compression',
  'university',
  'institute',
  'lab',
  'laboratory',
  'conference',
  'workshop',
  'challenge',
  'report',
  'page',
  'index',
  'score',
  'rate',
  'error',
  'distance',
  'metric',
  'evaluation',
  'assessment',
]);

/** Languages and places: "on US English" (1703.10135, Tacotron's test set is no benchmark name). */
const LANGUAGES = new Set([
  'english',
  'chinese',
  'french',
  'german',
  'spanish',
  'japanese',
  'korean',
  'arabic',
  'russian',
  'hindi',
  'us',
  'uk',
  'american',
  'british',
  'mandarin',
  'cantonese',
  'italian',
  'portuguese',
  'dutch',
]);

/** Heads of NOT_DATA_HEADS that name a task: a benchmark may be named for its task ("… Language Understanding (MMLU)"). */
const TASK_HEADS = new Set([
  'understanding',
  'answering',
  'recognition',
  'detection',
  'reasoning',
  'retrieval',
  'inference',
  'translation',
  'segmentation',
  'classification',
  'localization',
  'estimation',
  'generation',
  'planning',
  'synthesis',
  'editing',
]);

/** Heads right after a name that type it: "the Long Range Arena benchmark", "the Google Scanned Objects (GSO) dataset". */
const DATA_HEADS = new Map<string, ConceptKind>([
  ['benchmark', 'benchmark'],
  ['leaderboard', 'benchmark'],
  ['suite', 'benchmark'],
  ['testbed', 'benchmark'],
  ['arena', 'benchmark'],
  ['dataset', 'dataset'],
  ['corpu', 'dataset'],
  ['corpus', 'dataset'],
  ['database', 'dataset'],
  ['collection', 'dataset'],
]);

/** Last words of a capitalised name that make it a data set by itself: "Stanford Sentiment Treebank". */
const NAME_HEADS = new Map<string, ConceptKind>([
  ['treebank', 'dataset'],
  ['corpus', 'dataset'],
  ['corpu', 'dataset'],
  ['dataset', 'dataset'],
  ['benchmark', 'benchmark'],
  // "LIVE In the Wild Image Quality Challenge Database" (1602.05531): older data sets are often databases by name.
  ['database', 'dataset'],
]);

/** Words a few tokens before "on X" that say X is evaluated on: "evaluate … on", "51% on", "results on". */
const EVAL_WORDS = new Set([
  'evaluate',
  'evaluated',
  'evaluating',
  'evaluation',
  'experiment',
  'result',
  'test',
  'tested',
  'testing',
  'benchmarked',
  'benchmarking',
  'performance',
  'score',
  'accuracy',
  'sota',
  'achieve',
  'achieves',
  'achieving',
  'achieved',
  'outperform',
  'outperforms',
  'outperforming',
  'surpass',
  'surpasse',
  'surpassing',
  'improvement',
  'gain',
]);

/** List openers before a name: "such as X", "including X", "e.g., X". */
const LIST_OPENERS = new Set(['including', 'like', 'as', 'namely', 'eg', 'g']);

const FIRST_UPPER_WORD = /^[A-Z][A-Za-z]*[a-z][A-Za-z]*$|^[A-Z]{2,}[a-z]*$/;
/** "Multimodal INTerleaved" (2406.11271): the capitals of an acronym's source, not a name. */
const MNEMONIC = /^[A-Z]{2,}[a-z]{3,}$/;
/** The two tests above, answered once per distinct spelling; NOT_FIRST once per key. */
const CAP_WORD = wordTest('raw', (raw) => FIRST_UPPER_WORD.test(raw) && !MNEMONIC.test(raw));
const NOT_FIRST_WORD = wordTest('norm', (w) => NOT_FIRST.has(w));

export interface CapRun {
  from: number;
  to: number;
}

/** True when token k is "s" joined by an apostrophe ("Humanity's"). */
function possessiveAt(text: string, tokens: Tokens, k: number): boolean {
  if (k >= tokens.n || tokens.start[k]! - tokens.end[k - 1]! !== 1) return false;
  const c = text.charCodeAt(tokens.end[k - 1]!);
  return (c === 39 || c === 0x2019) && tokens.raw(k) === 's';
}

/**
 * A capitalised word that may be part of a name: "Last", "GSM", "Faces" (not a bare number, not a known name). Inside a
 * run (`inner`) a word the vocabulary read as a plain term may be one: "the Tiny Images dataset" (1610.02242), where
 * "Images" is the modality.
 */
function capWord(tokens: Tokens, covered: Uint8Array, k: number, inner = false): boolean {
  if (k >= tokens.n || (covered[k] && !(inner && covered[k] === COVER_OTHER))) return false;
  return (tokens.shape[k]! & Shape.FirstUpper) !== 0 && tokens.lex.is(CAP_WORD, tokens.rid[k]!);
}

/**
 * The run of capitalised words starting at token i, joined by spaces, hyphens ("Big-Bench Hard"), an apostrophe "s"
 * and small words between capitals ("Labeled Faces in the Wild"); at least two words apart by a space. Undefined when
 * token i starts no such run. A trailing number ("Alpaca Eval 2") is kept.
 */
export function capitalisedRunAt(text: string, tokens: Tokens, covered: Uint8Array, i: number): CapRun | undefined {
  if (!capWord(tokens, covered, i) || tokens.lex.is(NOT_FIRST_WORD, tokens.nid[i]!)) return undefined;
  let to = i + 1;
  let words = 1;
  for (;;) {
    // Pieces joined on ("Big-Bench", "Checkmate-in-One") and a possessive "s".
    while (to < tokens.n && !covered[to] && (tokens.gap[to] === Gap.Join || possessiveAt(text, tokens, to))) to++;
    if (to >= tokens.n || tokens.gap[to] !== Gap.Space) break;
    if (capWord(tokens, covered, to, true)) {
      to++;
      words++;
      continue;
    }
    // "in the Wild", "of Mind": small words, then a capitalised word.
    let k = to;
    while (k < tokens.n && k - to < 2 && tokens.gap[k] === Gap.Space && CONNECTORS.has(tokens.raw(k))) k++;
    if (k > to && k < tokens.n && tokens.gap[k] === Gap.Space && capWord(tokens, covered, k, true)) {
      to = k + 1;
      words++;
      continue;
    }
    // "Alpaca Eval 2": a version number ends the name.
    if (!covered[to] && /^\d{1,2}$/.test(tokens.raw(to)) && (to + 1 >= tokens.n || tokens.gap[to + 1] !== Gap.Join)) to++;
    break;
  }
  if (words < 2) return undefined;
  return { from: i, to };
}

/**
 * How a run ends: the first token of the next list item (", Y", " and Y", ", and Y", " or Y"), -1 when the run ends a
 * list or a clause (".", ";", ":", ")", end of text), undefined when a word goes on ("Large Language Models show").
 */
function closedAfter(text: string, tokens: Tokens, to: number): number | undefined {
  if (to >= tokens.n) return gapIs(text, tokens.end[to - 1]!, text.length, Sp.Any, '.;:)', Sp.Any, Mark.Optional) ? -1 : undefined;
  const a = tokens.end[to - 1]!;
  const b = tokens.start[to]!;
  let k = to;
  if (commaGap(text, a, b)) {
    if (tokens.gap[k] === Gap.Space && (tokens.norm(k) === 'and' || tokens.norm(k) === 'or')) k++;
    return k < tokens.n ? k : -1;
  }
  if (tokens.gap[k] === Gap.Space && (tokens.norm(k) === 'and' || tokens.norm(k) === 'or')) return k + 1 < tokens.n ? k + 1 : -1;
  if (gapIs(text, a, b, Sp.Any, '.;:)', Sp.Rest)) return -1;
  return undefined;
}

/**
 * How a run starts: the last token of the list item before (", X", " and X"), -1 after a list opener ("on", "such as",
 * "including", "(", ":"), undefined otherwise.
 */
function openedBefore(text: string, tokens: Tokens, from: number): number | undefined {
  if (from === 0) return undefined;
  const a = tokens.end[from - 1]!;
  const b = tokens.start[from]!;
  if (commaGap(text, a, b)) return from - 1;
  if (gapIs(text, a, b, Sp.Any, '(:', Sp.Any)) return -1;
  if (tokens.gap[from] !== Gap.Space) return undefined;
  const w = tokens.norm(from - 1);
  if (w === 'and' || w === 'or') {
    if (from < 2) return undefined;
    return from - 2;
  }
  if (w === 'on' || LIST_OPENERS.has(w)) return -1;
  return undefined;
}

/** The token before `from` skipping one "the". */
function beforeThe(tokens: Tokens, from: number): number {
  return from > 0 && tokens.norm(from - 1) === 'the' && tokens.gap[from] === Gap.Space ? from - 1 : from;
}

/** An evaluation word or a number within six tokens before "on" (same clause): "evaluate … on X", "51% on X". */
function evaluatedOn(tokens: Tokens, on: number): boolean {
  if (on > 0 && (tokens.shape[on - 1]! & Shape.FirstDigit) !== 0) return true;
  for (let k = on - 1; k >= Math.max(0, on - 6); k--) {
    if (EVAL_WORDS.has(tokens.norm(k))) return true;
    if (tokens.gap[k + 1]! === Gap.Break) break;
  }
  return false;
}

/** The run's last word names a method, a model or a field ("… Optimization", "… Models"), not a data set. */
export function methodHeaded(tokens: Tokens, run: CapRun): boolean {
  let last = run.to - 1;
  if (/^\d+$/.test(tokens.raw(last)) && last > run.from) last--;
  return NOT_DATA_HEADS.has(tokens.norm(last)) || LANGUAGES.has(tokens.norm(last));
}

/** The kind a head right after the run (or after "(ACRONYM)") gives it. */
function headAfter(text: string, tokens: Tokens, to: number): ConceptKind | undefined {
  let k = to;
  // "Google Scanned Objects (GSO) dataset": an acronym in parentheses between.
  if (
    k + 1 < tokens.n &&
    gapIs(text, tokens.end[k - 1]!, tokens.start[k]!, Sp.Any, '(', Sp.None) &&
    gapIs(text, tokens.end[k]!, tokens.start[k + 1]!, Sp.None, ')', Sp.Some)
  )
    k++;
  else if (k < tokens.n && tokens.gap[k] !== Gap.Space) return undefined;
  return k < tokens.n ? (DATA_HEADS.get(tokens.norm(k)) ?? dataSetAt(tokens, k, false) ?? dataSetAt(tokens, k, true)) : undefined;
}

/**
 * Benchmark and dataset names of several capitalised words, typed by their context:
 * - `multiword:X-benchmark` (explicit): a head right after ("the Long Range Arena benchmark", "X (ACR) dataset");
 * - `multiword:list-sibling`: a list item, closed by list separators on both sides, next to a known benchmark or
 *   dataset ("GSM8K, Math Odyssey, and AIME");
 * - `multiword:on-X`: "on (the) X" after an evaluation word or a number, closed by a separator ("51% on Geometric
 *   Shapes and …").
 * Never in a title (Title Case makes every phrase a capitalised run), never a run whose last word names a method or a
 * model ("Direct Preference Optimization"), never a run that a known name interrupts (covered tokens end a run).
 * One pass over the tokens: each token starts at most one run, and a run is skipped past once read.
 */
export function findMultiwordNames(text: string, tokens: Tokens, covered: Uint8Array, titleCase: boolean, hits: PatternHit[] = []): PatternHit[] {
  if (titleCase) return hits;
  let before = hits.length;
  for (let i = 0; i < tokens.n; i++) {
    if ((tokens.shape[i]! & Shape.FirstUpper) === 0 || covered[i]) continue;
    // Only the start of a run: the token before is not itself a capitalised word joined by a space.
    let run = capitalisedRunAt(text, tokens, covered, i);
    // "Evaluated on …", "Multimodal INTerleaved": a sentence's first word that the text also writes in lower case is
    // a word, not the start of a name.
    if (run && atSentenceStart(text, tokens, i) && tokens.usedInLowerCase(tokens.nid[i]!)) run = capitalisedRunAt(text, tokens, covered, i + 1);
    if (!run) continue;
    const hit = typeRun(text, tokens, covered, run);
    // A run is read once: "British National Corpus" is no run "National Corpus" when its whole fails.
    i = run.to - 1;
    if (!hit) continue;
    // "the Google Robot benchmark", "the Caltech-UCSD Birds dataset": the whole run, not the part a one-word rule took.
    for (let k = before - 1; hit.explicit && k >= 0; k--) {
      const h = hits[k]!;
      if (h.from >= hit.from && h.to <= hit.to && (h.rule === 'pattern:X-benchmark' || h.rule === 'pattern:on-X' || !h.explicit)) {
        hits.splice(k, 1);
        before--;
      }
    }
    if (!overlaps(hits, before, hit)) hits.push(hit);
  }
  return hits;
}

/** True when an earlier rule's hit (the first `n` of `hits`) shares a token with `h`: that rule's reading stands. */
function overlaps(hits: PatternHit[], n: number, h: PatternHit): boolean {
  for (let k = 0; k < n; k++) if (hits[k]!.from < h.to && h.from < hits[k]!.to) return true;
  return false;
}

/** True when a token of [from, to) is already covered by a finding. */
export function hasCovered(covered: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (covered[k]) return true;
  return false;
}

function typeRun(text: string, tokens: Tokens, covered: Uint8Array, run: CapRun): PatternHit | undefined {
  const { from, to } = run;
  // "UC Merced Land Use/Land Cover data set" (1602.00970): a run after a slash is the tail of a longer name.
  if (methodHeaded(tokens, run) || tokens.gap[from] === Gap.Slash) return undefined;
  const head = headAfter(text, tokens, to);
  // "Traditional VideoQA benchmarks", "Standard QA benchmarks": at a sentence start, an adjective and a known term.
  if (head && atSentenceStart(text, tokens, from) && hasCovered(covered, from, to)) return undefined;
  if (head) return { from, to, coreTo: to, kind: head, rule: 'multiword:X-benchmark', explicit: true };
  // A capitalised word at a sentence start may be any word: only the explicit head above types such a run.
  if (atSentenceStart(text, tokens, from)) return undefined;
  // "the Stanford Sentiment Treebank", "the Massive Text Embedding Benchmark": a name whose last word is a data set's.
  const last = tokens.norm(to - 1);
  const own = NAME_HEADS.get(last);
  // NOTE: "dataset" / "benchmark" need two words before them and no known term inside ("Multimodal Benchmark",
  // "Multimodal Deepfake Detection Dataset" are descriptions); "Treebank" / "Corpus" end names more surely.
  const loose = last === 'treebank' || last === 'corpus' || last === 'corpu';
  // A database's name may hold a known word when an acronym leads it ("LIVE In the Wild Image Quality … Database").
  const named = loose || !hasCovered(covered, from, to) || (last === 'database' && isStrongNameToken(tokens.raw(from)));
  if (own && to - from > (loose ? 1 : 2) && named) {
    // The name without a trailing "Dataset" / "Benchmark" ("DeepFake-TIMIT Dataset" → DeepFake-TIMIT); the span keeps it.
    // "Database" stays in the name ("Yale Face Database"), as "Treebank" does.
    return { from, to, coreTo: loose || last === 'database' ? to : to - 1, kind: own, rule: 'multiword:X-Treebank', explicit: true };
  }
  const next = closedAfter(text, tokens, to);
  if (next === undefined) return undefined;
  const start = beforeThe(tokens, from);
  const prev = openedBefore(text, tokens, start);
  if (prev === undefined) return undefined;
  if ((prev >= 0 && covered[prev] === COVER_BENCH) || (next >= 0 && covered[next] === COVER_BENCH)) {
    return { from, to, coreTo: to, kind: 'benchmark', rule: 'multiword:list-sibling', explicit: false };
  }
  if (start > 0 && tokens.norm(start - 1) === 'on' && tokens.gap[start] === Gap.Space && evaluatedOn(tokens, start - 1)) {
    return { from, to, coreTo: to, kind: 'benchmark', rule: 'multiword:on-X', explicit: false };
  }
  return undefined;
}

/**
 * The kind of an acronym's long form when it is a data set's name: a run of capitalised words ("Street View House
 * Numbers (SVHN)", "Labeled Faces in the Wild (LFW)") typed by a head after the parentheses ("(SVHN) dataset"), by
 * the vocabulary's reading of the acronym (`shortKind`: SVHN is a dataset), or by "on (the)" after an evaluation word.
 * Undefined when nothing says so (the caller guesses from the long form's last word, as before).
 */
export function acronymNameKind(text: string, tokens: Tokens, longFrom: number, longTo: number, shortKind: ConceptKind | undefined): ConceptKind | undefined {
  const run = capitalisedRunAt(text, tokens, new Uint8Array(0), longFrom);
  if (!run || run.to !== longTo) return undefined;
  // "Stanford Natural Language Inference (SNLI) corpus": a head after the parentheses, or the vocabulary's reading of
  // the acronym, outweighs a long form that ends like a task.
  const head = headAfter(text, tokens, longTo);
  if (head) return head;
  // "Massive Multitask Language Understanding (MMLU)": a benchmark is often named for its task, never for a method
  // ("Grouped-Query Attention (GQA)" is no GQA benchmark).
  const methodLike = methodHeaded(tokens, run);
  if (shortKind === 'benchmark' || shortKind === 'dataset') return !methodLike || TASK_HEADS.has(tokens.norm(run.to - 1)) ? shortKind : undefined;
  if (methodLike) return undefined;
  const start = beforeThe(tokens, longFrom);
  if (start > 0 && tokens.norm(start - 1) === 'on' && evaluatedOn(tokens, start - 1)) return 'benchmark';
  return undefined;
}
