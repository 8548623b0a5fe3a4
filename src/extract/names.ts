// What a name looks like in an abstract: runs of hyphen-joined tokens such as "FlexVAR", "CT-RATE-JPN", "VideoGPT+".
import { Gap, type Tokens } from './tokenize.ts';
import { Shape, wordTest } from './lexicon.ts';
import { isJsSpace } from './results.ts';

/** Upper-case words that are not names of benchmarks or models. */
const NOT_NAMES = new Set([
  'sota',
  'gpu',
  'gpus',
  'cpu',
  'tpu',
  'api',
  'apis',
  'nlp',
  'ai',
  'agi',
  'pdf',
  'html',
  'url',
  'json',
  'id',
  'ood',
  'iid',
  'i',
  'ii',
  'iii',
  'iv',
  'vi',
  'a',
  'we',
  'our',
  'the',
  'this',
  'it',
  'in',
  'on',
  'to',
  'flops',
  'tflops',
  'gflops',
  'fps',
  'mb',
  'gb',
  'tb',
  'kb',
  'ms',
  'hz',
  'khz',
  'kbps',
  'dpo',
  'sft',
  'rl',
  'llm',
  'llms',
  'github',
  'hugging',
  'face',
  'huggingface',
  'turkish',
  'arabic',
  'hindi',
  'russian',
  'italian',
  'portuguese',
  'vietnamese',
  'indonesian',
  'thai',
  'dutch',
  'polish',
  'persian',
  'swahili',
  'bengali',
  'urdu',
  'arxiv',
  'openai',
  'anthropic',
  'google',
  'meta',
  'microsoft',
  'nvidia',
  'deepmind',
  'apple',
  'alibaba',
  'amazon',
  'baidu',
  'tencent',
  'bytedance',
  'huawei',
  'chinese',
  'english',
  'japanese',
  'french',
  'german',
  'korean',
  'spanish',
  'vs',
  'eg',
  'ie',
  'etc',
  'fig',
  'table',
  'us',
  'uk',
  'usa',
  'eu',
  'en',
  'cn',
  'zh',
]);

/**
 * Tokens that are never (part of) a name, whatever their shape: measurements with their unit run on ("1.1s", "51.2mAP"),
 * dimensions ("2D", "4D"), accelerators ("H100", "A6000"), and a LaTeX "\\times" run on ("6times").
 */
export function isNeverName(raw: string): boolean {
  return (
    (/^\d+\.\d+[A-Za-z]/.test(raw) && !/^\d+\.\d+[BMKT]$/.test(raw)) ||
    /^\d+D$/.test(raw) ||
    /^[AHVLB]\d{2,4}S?$/.test(raw) ||
    // LaTeX left in abstracts: "6\times faster" reaches us as "6times"
    /^\d+times$/.test(raw)
  );
}

/** Last pieces that make a hyphenated compound an adjective ("PhD-level", "2D-to-3D", "GPT-based"), not a name. */
const ADJECTIVE_ENDS = new Set([
  'level',
  'to',
  'based',
  'like',
  'aware',
  'free',
  'style',
  'scale',
  'specific',
  'wise',
  'grained',
  'oriented',
  'driven',
  'centric',
  'guided',
  'time',
  'shot',
  'domain',
  'order',
  'generated',
  'annotated',
  'powered',
  'enhanced',
  'only',
  'native',
  'friendly',
  'agnostic',
  'conditioned',
  'level',
  'size',
  'sized',
  'length',
  'resolution',
  'quality',
  'step',
  'stage',
]);

/** A token that looks like part of a name: mixed case, capitals, digits with letters, or a trailing "+". */
export function isStrongNameToken(raw: string): boolean {
  if (NOT_NAMES.has(raw.toLowerCase()) || isNeverName(raw)) return false;
  if (/^\d+(\.\d+)?[kKmMbBtTxX%]?$/.test(raw)) return false; // "7B", "4K", "16x": sizes, not names
  if (/^\d+x\d+$/i.test(raw)) return false;
  return /[a-z][A-Z]|[A-Z]{2,}|\d[A-Za-z]|[A-Za-z]\d|\+$/.test(raw) && /[A-Za-z]/.test(raw);
}

/** A capitalised word ("Harmon", "Wanjuan"): a name only where the context says so. */
export function isWeakNameToken(raw: string): boolean {
  return /^[A-Z][a-z]{2,}$/.test(raw) && !NOT_NAMES.has(raw.toLowerCase());
}

const STRONG = wordTest('raw', isStrongNameToken);
const WEAK = wordTest('raw', isWeakNameToken);
const SIZE_BM = wordTest('raw', (raw) => /^\d+(\.\d+)?[BM]$/.test(raw));
const NEVER = wordTest('raw', isNeverName);
const ADJECTIVE_END = wordTest('norm', (w) => ADJECTIVE_ENDS.has(w));
const NUMBERED = wordTest('raw', (raw) => /^[1-9]\d{1,4}$/.test(raw));
/** Capitalised words that number a part of a text or a rank, not a data set: "Table-12", "Top-100", "COVID-19". */
const NOT_NUMBERED = wordTest('norm', (w) =>
  [
    'table',
    'figure',
    'fig',
    'section',
    'chapter',
    'appendix',
    'top',
    'level',
    'step',
    'stage',
    'phase',
    'round',
    'epoch',
    'layer',
    'class',
    'type',
    'group',
    'part',
    'version',
    'covid',
    'sars',
  ].includes(w),
);

export interface NameRun {
  from: number;
  to: number;
  strong: boolean;
}

/** The run of hyphen-joined tokens around index i, if it looks like a name. */
export function nameRunAt(tokens: Tokens, i: number, covered: Uint8Array): NameRun | undefined {
  if (covered[i]) return undefined;
  const shape = tokens.shape;
  // Names start with a capital or a digit ("FlexVAR", "4KPro"), or a lower-case prefix before a capital ("xAR");
  // "x-ray", "state-of-the-art" are words, not names.
  const { lex, rid, gap, n } = tokens;
  if ((shape[i]! & (Shape.FirstUpper | Shape.FirstDigit | Shape.LowerThenUpper)) === 0 && !lowerLedAfterOn(tokens, i)) return undefined;
  let to = i + 1;
  while (to < n && gap[to] === Gap.Join && !covered[to]) to++;
  if (lex.is(NEVER, rid[i]!)) return undefined;
  if (to - i > 1 && (tokens.shape[to - 1]! & Shape.Lower) !== 0 && lex.is(ADJECTIVE_END, tokens.nid[to - 1]!)) return undefined;
  let strong = false;
  for (let k = i; k < to; k++) if (lex.is(STRONG, rid[k]!)) strong = true;
  // "Zebra-Llama-8B": capitalised pieces with a size are a model name.
  if (!strong && to - i > 1 && lex.is(SIZE_BM, rid[to - 1]!) && allFirstUpper(tokens, i, to - 1)) strong = true;
  // "Market-1501", "Places-365": a capitalised word hyphen-joined to a number of two digits or more is a name.
  if (!strong && to - i === 2 && lex.is(NUMBERED, rid[i + 1]!) && lex.is(WEAK, rid[i]!) && !lex.is(NOT_NUMBERED, tokens.nid[i]!)) {
    if (tokens.chars[tokens.end[i]!] === 45) strong = true;
  }
  // A capitalised word the text also uses in lower case ("Token AR" next to "tokens") is a word, not a name.
  if (!strong && to - i === 1 && tokens.usedInLowerCase(tokens.nid[i]!)) return undefined;
  if (!strong && !(to - i === 1 && lex.is(WEAK, rid[i]!))) {
    // "Aider Polyglot"-like pairs of capitalised words are left to the vocabulary.
    if (!(to - i > 1 && allFirstUpper(tokens, i, to))) return undefined;
  }
  return { from: i, to, strong };
}

/** Lower-case pieces that make a compound a word, not a name ("non-ACL", "pre-LLM", "human-AI"). */
const LOWER_PREFIXES = new Set([
  'non',
  'pre',
  'post',
  'multi',
  'anti',
  'human',
  'self',
  'cross',
  'semi',
  'sub',
  'super',
  'inter',
  'intra',
  're',
  'un',
  'de',
  'over',
  'under',
  'meta',
  'mid',
  'out',
  'in',
  'out',
  'off',
  'on',
]);
/**
 * "on xbench-DeepSearch", "BrowseComp and xbench-DeepSearch" (2025-10 pool): a lower-case piece joined to a mixed-case
 * one starts a name only right after "on" or "and", where the on-X rule or list propagation types it by
 * context; anywhere else "non-MoE", "vision-LLM" are words.
 */
function lowerLedAfterOn(tokens: Tokens, i: number): boolean {
  if (i === 0 || i + 1 >= tokens.n || tokens.gap[i + 1] !== Gap.Join) return false;
  // After "on" (the on-X rule) or "and" (list propagation types it by its siblings).
  const before = tokens.norm(i - 1);
  if (tokens.gap[i] !== Gap.Space || (before !== 'on' && before !== 'and')) return false;
  const raw = tokens.raw(i);
  const next = tokens.raw(i + 1);
  return /^[a-z]{3,}$/.test(raw) && !LOWER_PREFIXES.has(raw) && /^[A-Z][a-z]+[A-Z]/.test(next) && isStrongNameToken(next);
}

function allFirstUpper(tokens: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if ((tokens.shape[k]! & Shape.FirstUpper) === 0) return false;
  return true;
}

/** Sentence starts (". X") make capitalised words unreliable as names. */
export function atSentenceStart(text: string, tokens: Tokens, i: number): boolean {
  if (i === 0) return true;
  // NOTE: the gap is scanned in place (no slice): /[.!?:]\s*$/ or /\n\s*\n/ on text[end of i - 1, start of i).
  const from = tokens.end[i - 1]!;
  let k = tokens.start[i]! - 1;
  while (k >= from && isJsSpace(text.charCodeAt(k))) k--;
  if (k >= from) {
    const c = text.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 58) return true;
  }
  let newline = false;
  for (let p = from; p < tokens.start[i]!; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) {
      if (newline) return true;
      newline = true;
    } else if (!isJsSpace(c)) newline = false;
  }
  return false;
}
