// What a name looks like in an abstract: runs of hyphen-joined tokens such as "FlexVAR", "CT-RATE-JPN", "VideoGPT+".
import { Gap, type Token } from './tokenize.ts';

/** Upper-case words that are not names of benchmarks or models. */
const NOT_NAMES = new Set([
  'sota', 'gpu', 'gpus', 'cpu', 'tpu', 'api', 'apis', 'nlp', 'ai', 'agi', 'pdf', 'html', 'url', 'json', 'id', 'ood', 'iid',
  'i', 'ii', 'iii', 'iv', 'vi', 'a', 'we', 'our', 'the', 'this', 'it', 'in', 'on', 'to', 'flops', 'tflops', 'gflops', 'fps',
  'mb', 'gb', 'tb', 'kb', 'ms', 'hz', 'khz', 'kbps', 'dpo', 'sft', 'rl', 'llm', 'llms', 'github', 'hugging', 'face', 'huggingface',
  'arxiv', 'openai', 'anthropic', 'google', 'meta', 'microsoft', 'nvidia', 'deepmind', 'apple', 'alibaba', 'amazon', 'baidu', 'tencent', 'bytedance', 'huawei', 'chinese', 'english', 'japanese', 'french', 'german', 'korean', 'spanish', 'vs', 'eg', 'ie', 'etc', 'fig', 'table', 'us', 'uk', 'usa', 'eu', 'en', 'cn', 'zh',
]);

/** A token that looks like part of a name: mixed case, capitals, digits with letters, or a trailing "+". */
export function isStrongNameToken(raw: string): boolean {
  if (NOT_NAMES.has(raw.toLowerCase())) return false;
  if (/^\d+(\.\d+)?[kKmMbBtTxX%]?$/.test(raw)) return false; // "7B", "4K", "16x": sizes, not names
  if (/^\d+x\d+$/i.test(raw)) return false;
  return /[a-z][A-Z]|[A-Z]{2,}|\d[A-Za-z]|[A-Za-z]\d|\+$/.test(raw) && /[A-Za-z]/.test(raw);
}

/** A capitalised word ("Harmon", "Wanjuan"): a name only where the context says so. */
export function isWeakNameToken(raw: string): boolean {
  return /^[A-Z][a-z]{2,}$/.test(raw) && !NOT_NAMES.has(raw.toLowerCase());
}

export interface NameRun {
  from: number;
  to: number;
  strong: boolean;
}

/** The run of hyphen-joined tokens around index i, if it looks like a name. */
export function nameRunAt(tokens: Token[], i: number, covered: Uint8Array): NameRun | undefined {
  if (covered[i]) return undefined;
  const c0 = tokens[i]!.raw.charCodeAt(0);
  // Names start with a capital or a digit ("FlexVAR", "4KPro"), or a lower-case prefix before a capital ("xAR").
  if (!((c0 >= 65 && c0 <= 90) || (c0 >= 48 && c0 <= 57) || /^[a-z]+[A-Z]/.test(tokens[i]!.raw))) return undefined;
  let to = i + 1;
  while (to < tokens.length && tokens[to]!.gap === Gap.Join && !covered[to]) to++;
  let strong = false;
  for (let k = i; k < to; k++) if (isStrongNameToken(tokens[k]!.raw)) strong = true;
  // "Zebra-Llama-8B": capitalised pieces with a size are a model name.
  if (!strong && to - i > 1 && /^\d+(\.\d+)?[BM]$/.test(tokens[to - 1]!.raw) && tokens.slice(i, to - 1).every((t) => /^[A-Z]/.test(t.raw))) strong = true;
  const first = tokens[i]!.raw;
  if (!/^[A-Z0-9]|^[a-z]+[A-Z]/.test(first)) return undefined; // "x-ray", "state-of-the-art": words, not names
  if (!strong && !(to - i === 1 && isWeakNameToken(first))) {
    // "Aider Polyglot"-like pairs of capitalised words are left to the vocabulary.
    if (!(to - i > 1 && tokens.slice(i, to).every((t) => /^[A-Z]/.test(t.raw)))) return undefined;
  }
  return { from: i, to, strong };
}

/** Sentence starts (". X") make capitalised words unreliable as names. */
export function atSentenceStart(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const gap = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
  return /[.!?:]\s*$/.test(gap) || /\n\s*\n/.test(gap);
}
