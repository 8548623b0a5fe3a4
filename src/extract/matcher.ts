// The vocabulary matcher: one pass over a field's tokens with a Map of phrase keys (longest match wins).
import type { ConceptKind } from './types.ts';
import { Gap, phraseKey, rawKey, type Token } from './tokenize.ts';
import type { Vocabulary, VocabularyEntry } from './vocabulary.ts';

interface Candidate {
  entry: VocabularyEntry;
  /** For case-sensitive entries: the alias as written, separators removed. */
  raw?: string;
}

export interface Matcher {
  byKey: Map<string, Candidate[]>;
  /** Every character prefix of every key: a scan stops as soon as its key leaves this set. */
  prefixes: Set<string>;
  byId: Map<string, VocabularyEntry>;
  maxTokens: number;
}

export interface DictMatch {
  entry: VocabularyEntry;
  /** Token range, end exclusive, including variant suffixes ("-test", "-7B-Instruct"). */
  from: number;
  to: number;
  /** Token index where the vocabulary phrase itself ends (before variant suffixes). */
  coreTo: number;
  rule: string;
}

const NAMED_KINDS: ReadonlySet<ConceptKind> = new Set(['model', 'benchmark', 'dataset']);

export function compileMatcher(vocab: Vocabulary): Matcher {
  const byKey = new Map<string, Candidate[]>();
  const prefixes = new Set<string>();
  const byId = new Map<string, VocabularyEntry>();
  let maxTokens = 1;
  for (const entry of vocab.concepts) {
    byId.set(entry.id, entry);
    for (const form of [entry.label, ...entry.aliases]) {
      const key = phraseKey(form);
      if (key === '') continue;
      const cand: Candidate = entry.caseSensitive ? { entry, raw: rawKey(form) } : { entry };
      const list = byKey.get(key);
      if (list) {
        if (!list.some((c) => c.entry === entry && c.raw === cand.raw)) list.push(cand);
      } else byKey.set(key, [cand]);
      for (let k = 1; k <= key.length; k++) prefixes.add(key.slice(0, k));
      maxTokens = Math.max(maxTokens, form.split(/[\s\-]+/).length + 2);
    }
  }
  return { byKey, prefixes, byId, maxTokens };
}

function pick(cands: Candidate[] | undefined, rawText: string): VocabularyEntry | undefined {
  if (!cands) return undefined;
  for (const c of cands) if (c.raw === undefined || c.raw === rawText) return c.entry;
  return undefined;
}

const MODEL_SUFFIX = new Set([
  'instruct', 'chat', 'base', 'large', 'small', 'tiny', 'mini', 'turbo', 'pro', 'plus', 'max', 'preview', 'vision', 'vl',
  'distill', 'coder', 'math', 'omni', 'audio', 'video', 'next', 'onevision', 'ov', 'hd', 'sonnet', 'opus', 'haiku',
  'flash', 'ultra', 'nano', 'medium', 'xl', 'xxl', 'it', 'hf', 'lite', 'huge', 'giant', 'b', 'l', 'h', 's', 't', 'g',
]);
const BENCH_SUFFIX = /^(test|val|validation|dev|testdev|std|mini|lite|full|verified|en|cn|zh|v\d+(\.\d+)?|\d+k?|\d+x\d+|\d+p)$/;
/** Version / size pieces that may follow a model name after a space ("Qwen 2.5", "Llama 3 8B"). */
const MODEL_SPACED = /^(v?\d+(\.\d+)*[bmkt]?|\d+x\d+[bm])$/;

/** Finds vocabulary phrases, longest first, each token in at most one match. */
export function matchVocabulary(m: Matcher, tokens: Token[]): DictMatch[] {
  const out: DictMatch[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    let key = '';
    let rawText = '';
    let best: { entry: VocabularyEntry; to: number } | undefined;
    for (let j = i; j < n && j < i + m.maxTokens; j++) {
      const t = tokens[j]!;
      if (j > i && t.gap !== Gap.Join && t.gap !== Gap.Space) break;
      key += t.norm;
      rawText += t.raw;
      if (!m.prefixes.has(key)) break;
      const e = pick(m.byKey.get(key), rawText);
      if (e) best = { entry: e, to: j + 1 };
    }
    let rule = 'vocabulary';
    if (!best) {
      // "Qwen2", "InternVL2", "AIME24": a family name with its version run on.
      const t = tokens[i]!;
      const lastCode = t.norm.charCodeAt(t.norm.length - 1);
      const v = lastCode >= 48 && lastCode <= 57 ? /^([a-z][a-z-]*?[a-z])v?\d+(\.\d+)*$/.exec(t.norm) : null;
      if (v) {
        const alpha = v[1]!;
        const e = pick(m.byKey.get(alpha), t.raw.slice(0, alpha.length));
        if (e && NAMED_KINDS.has(e.kind)) {
          best = { entry: e, to: i + 1 };
          rule = 'vocabulary:version';
        }
      }
    }
    if (!best) {
      i++;
      continue;
    }
    const { entry } = best;
    // "ATP-LLaVA", "Tiny-ImageNet": a name built on a known one is another thing, left to the pattern rules.
    if (NAMED_KINDS.has(entry.kind) && i > 0 && tokens[i]!.gap === Gap.Join && /[A-Z0-9]/.test(tokens[i - 1]!.raw) && !coveredBefore(out, i - 1)) {
      i = best.to;
      continue;
    }
    const to = extendVariant(tokens, best.to, entry.kind);
    // "NEMOTRON-CROSSTHINK", "LLaVA-Critic": a known name with a capitalised piece run on is a new name too.
    const next = tokens[to];
    if (NAMED_KINDS.has(entry.kind) && next !== undefined && next.gap === Gap.Join && /^[A-Z]/.test(next.raw) && !m.prefixes.has(next.norm)) {
      i = to;
      continue;
    }
    out.push({ entry, from: i, to, coreTo: best.to, rule });
    i = to;
  }
  return out;
}

function coveredBefore(out: DictMatch[], idx: number): boolean {
  const last = out[out.length - 1];
  return last !== undefined && last.to > idx;
}

/** Absorbs the variant suffixes of a name: splits and resolutions of benchmarks, versions and sizes of models. */
function extendVariant(tokens: Token[], to: number, kind: ConceptKind): number {
  let k = to;
  if (kind === 'model') {
    while (k < tokens.length) {
      const t = tokens[k]!;
      const prev = tokens[k - 1]!.norm;
      if (t.gap === Gap.Join && (/\d/.test(t.norm) || MODEL_SUFFIX.has(t.norm) || prev === 'distill')) k++;
      else if (t.gap === Gap.Space && MODEL_SPACED.test(t.norm)) k++;
      else break;
    }
  } else if (kind === 'benchmark' || kind === 'dataset') {
    while (k < tokens.length) {
      const t = tokens[k]!;
      if (t.gap === Gap.Join && BENCH_SUFFIX.test(t.norm)) k++;
      else if ((t.gap === Gap.Space || t.gap === Gap.Slash) && /^(\d{2}|\d{4}|\d+k|\d+x\d+)$/.test(t.norm)) k++;
      else break;
    }
  }
  return k;
}
