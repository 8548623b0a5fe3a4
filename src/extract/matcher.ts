// The vocabulary matcher: one pass over a field's tokens through a character trie of phrase keys (longest match wins).
import type { ConceptKind } from './types.ts';
import { Gap, phraseKey, rawKey, type Tokens } from './tokenize.ts';
import { Shape, wordTest, type Lexicon } from './lexicon.ts';
import type { Vocabulary, VocabularyEntry } from './vocabulary.ts';
import { PairMap } from './int-tables.ts';

interface Candidate {
  entry: VocabularyEntry;
  /** For case-sensitive entries: the alias as written, separators removed. */
  raw?: string;
}

/** A compiled vocabulary: a trie over the characters of the phrase keys (token keys run together). */
export interface Matcher {
  byKey: Map<string, Candidate[]>;
  /** Trie edges: node * 65536 + char code → child node; node 0 is the root. */
  edges: Map<number, number>;
  /** Candidates of the key ending at each node. */
  cands: Array<Candidate[] | undefined>;
  /** Per node, bit (c & 31) set for the char code c of every edge out of it: a cheap "no phrase goes on this way". */
  nextChars: Int32Array;
  /** Per node, 1 when a key ends there (cands[node] is set). NOTE: a small dense array, read before the large one. */
  ends: Uint8Array;
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
  const byId = new Map<string, VocabularyEntry>();
  const edges = new Map<number, number>();
  const cands: Array<Candidate[] | undefined> = [undefined];
  let maxTokens = 1;
  for (const entry of vocab.concepts) {
    byId.set(entry.id, entry);
    for (const form of [entry.label, ...entry.aliases]) {
      const key = phraseKey(form);
      if (key === '') continue;
      const cand: Candidate = entry.caseSensitive ? { entry, raw: rawKey(form) } : { entry };
      let list = byKey.get(key);
      if (list) {
        if (!list.some((c) => c.entry === entry && c.raw === cand.raw)) list.push(cand);
      } else {
        byKey.set(key, (list = [cand]));
        let node = 0;
        for (let k = 0; k < key.length; k++) {
          const e = node * 65536 + key.charCodeAt(k);
          let child = edges.get(e);
          if (child === undefined) {
            child = cands.length;
            cands.push(undefined);
            edges.set(e, child);
          }
          node = child;
        }
        cands[node] = list;
      }
      maxTokens = Math.max(maxTokens, form.split(/[\s-]+/).length + 2);
    }
  }
  const nextChars = new Int32Array(cands.length);
  for (const e of edges.keys()) nextChars[Math.floor(e / 65536)]! |= 1 << (e & 31);
  const ends = new Uint8Array(cands.length);
  for (let node = 0; node < cands.length; node++) if (cands[node] !== undefined) ends[node] = 1;
  return { byKey, edges, cands, nextChars, ends, byId, maxTokens };
}

/**
 * A matcher bound to one run's lexicon: remembers, per token key, which trie node the key leads to, so a token costs one
 * array read when it starts no phrase (the common case).
 */
export class VocabularyScan {
  /** Norm id → node reached from the root, -1 when none, -2 not yet known. */
  private root = new Int32Array(0);
  /** Norm id → 1 << (its first char code & 31) (-1 for an empty key), 0 when not known yet. */
  private firstBit = new Int32Array(0);
  /** (node, norm id) → node reached + 1, or 0 when none. */
  private readonly deeper = new PairMap();
  /** Norm id → the family name of a versioned token ("qwen2" → "qwen"), or null. */
  private readonly versioned = new Map<number, string | null>();

  constructor(
    readonly m: Matcher,
    readonly lex: Lexicon,
  ) {}

  private walk(node: number, word: string): number {
    for (let k = 0; k < word.length && node >= 0; k++) node = this.m.edges.get(node * 65536 + word.charCodeAt(k)) ?? -1;
    return node;
  }

  /** The node a token key leads to from the root, or -1: "is this key a prefix of some phrase key". */
  rootOf(nid: number): number {
    if (nid >= this.root.length) {
      let cap = Math.max(1024, this.root.length);
      while (cap <= nid) cap *= 2;
      const next = new Int32Array(cap).fill(-2);
      next.set(this.root);
      this.root = next;
    }
    let v = this.root[nid]!;
    if (v === -2) {
      v = this.walk(0, this.lex.norms[nid]!);
      this.root[nid] = v;
    }
    return v;
  }

  step(node: number, nid: number): number {
    // NOTE: most tokens after a phrase prefix cannot go on from it; the first-char bit says so without a hash probe.
    const bit = nid < this.firstBit.length ? this.firstBit[nid]! : 0;
    if ((this.m.nextChars[node]! & (bit === 0 ? this.firstBitOf(nid) : bit)) === 0) return -1;
    const v = this.deeper.get(node, nid);
    if (v !== PairMap.MISSING) return v - 1;
    const next = this.walk(node, this.lex.norms[nid]!);
    this.deeper.set(node, nid, next + 1);
    return next;
  }

  private firstBitOf(nid: number): number {
    if (nid >= this.firstBit.length) {
      let cap = Math.max(1024, this.firstBit.length);
      while (cap <= nid) cap *= 2;
      const next = new Int32Array(cap);
      next.set(this.firstBit);
      this.firstBit = next;
    }
    const word = this.lex.norms[nid]!;
    // An empty key (a token of combining marks only) walks nowhere and stays at the node: never ruled out.
    const bit = word.length === 0 ? -1 : 1 << (word.charCodeAt(0) & 31);
    this.firstBit[nid] = bit;
    return bit;
  }

  /** The family key of a token like "qwen2" / "internvl2.5" / "aime24", or null. */
  versionedFamily(nid: number): string | null {
    let v = this.versioned.get(nid);
    if (v === undefined) {
      const norm = this.lex.norms[nid]!;
      const lastCode = norm.charCodeAt(norm.length - 1);
      const r = lastCode >= 48 && lastCode <= 57 ? /^([a-z][a-z-]*?[a-z])v?\d+(\.\d+)*$/.exec(norm) : null;
      v = r ? r[1]! : null;
      this.versioned.set(nid, v);
    }
    return v;
  }
}

function pick(cands: Candidate[] | undefined, tokens: Tokens, from: number, to: number): VocabularyEntry | undefined {
  if (!cands) return undefined;
  let rawText: string | undefined;
  for (const c of cands) {
    if (c.raw === undefined) return c.entry;
    if (rawText === undefined) {
      rawText = '';
      for (let k = from; k < to; k++) rawText += tokens.raw(k);
    }
    if (c.raw === rawText) return c.entry;
  }
  return undefined;
}

function pickRaw(cands: Candidate[] | undefined, rawText: string): VocabularyEntry | undefined {
  if (!cands) return undefined;
  for (const c of cands) if (c.raw === undefined || c.raw === rawText) return c.entry;
  return undefined;
}

const MODEL_SUFFIX = new Set([
  'instruct',
  'chat',
  'base',
  'large',
  'small',
  'tiny',
  'mini',
  'turbo',
  'pro',
  'plus',
  'max',
  'preview',
  'vision',
  'vl',
  'distill',
  'coder',
  'math',
  'omni',
  'audio',
  'video',
  'next',
  'onevision',
  'ov',
  'hd',
  'sonnet',
  'opus',
  'haiku',
  'flash',
  'ultra',
  'nano',
  'medium',
  'xl',
  'xxl',
  'it',
  'hf',
  'lite',
  'huge',
  'giant',
  'b',
  'l',
  'h',
  's',
  't',
  'g',
]);
const BENCH_SUFFIX = /^(test|val|validation|dev|testdev|std|mini|lite|full|verified|en|cn|zh|v\d+(\.\d+)?|\d+k?|\d+x\d+|\d+p)$/;
/** Version / size pieces that may follow a model name after a space ("Qwen 2.5", "Llama 3 8B"). */
const MODEL_SPACED = /^(v?\d+(\.\d+)*[bmkt]?|\d+x\d+[bm])$/;

// NOTE: the suffix tests are word tests, answered once per distinct key of a run rather than by a regex per token.
const MODEL_JOINED = wordTest('norm', (w) => /\d/.test(w) || MODEL_SUFFIX.has(w));
const MODEL_SPACED_WORD = wordTest('norm', (w) => MODEL_SPACED.test(w));
const BENCH_JOINED = wordTest('norm', (w) => BENCH_SUFFIX.test(w));
const BENCH_SPACED = wordTest('norm', (w) => /^(\d{2}|\d{4}|\d+k|\d+x\d+)$/.test(w));

/** Finds vocabulary phrases, longest first, each token in at most one match. */
export function matchVocabulary(scan: VocabularyScan, tokens: Tokens): DictMatch[] {
  const m = scan.m;
  const out: DictMatch[] = [];
  const { n, nid, gap } = tokens;
  let i = 0;
  while (i < n) {
    let node = scan.rootOf(nid[i]!);
    let bestEntry: VocabularyEntry | undefined;
    let bestTo = 0;
    for (let j = i; node >= 0;) {
      const e = m.ends[node] === 1 ? pick(m.cands[node], tokens, i, j + 1) : undefined;
      if (e) {
        bestEntry = e;
        bestTo = j + 1;
      }
      j++;
      if (j >= n || j >= i + m.maxTokens || (gap[j] !== Gap.Join && gap[j] !== Gap.Space)) break;
      node = scan.step(node, nid[j]!);
    }
    let rule = 'vocabulary';
    if (!bestEntry) {
      // "Qwen2", "InternVL2", "AIME24": a family name with its version run on.
      const alpha = (tokens.shape[i]! & Shape.NormEndsDigit) !== 0 ? scan.versionedFamily(nid[i]!) : null;
      if (alpha !== null) {
        const e = pickRaw(m.byKey.get(alpha), tokens.raw(i).slice(0, alpha.length));
        if (e && NAMED_KINDS.has(e.kind)) {
          bestEntry = e;
          bestTo = i + 1;
          rule = 'vocabulary:version';
        }
      }
    }
    if (!bestEntry) {
      i++;
      continue;
    }
    const entry = bestEntry;
    // "ATP-LLaVA", "Tiny-ImageNet": a name built on a known one is another thing, left to the pattern rules.
    if (NAMED_KINDS.has(entry.kind) && i > 0 && gap[i] === Gap.Join && (tokens.shape[i - 1]! & Shape.UpperOrDigit) !== 0 && !coveredBefore(out, i - 1)) {
      i = bestTo;
      continue;
    }
    const to = extendVariant(tokens, bestTo, entry.kind);
    // "NEMOTRON-CROSSTHINK", "LLaVA-Critic": a known name with a capitalised piece run on is a new name too.
    if (NAMED_KINDS.has(entry.kind) && to < n && gap[to] === Gap.Join && (tokens.shape[to]! & Shape.FirstUpper) !== 0 && scan.rootOf(nid[to]!) < 0) {
      i = to;
      continue;
    }
    out.push({ entry, from: i, to, coreTo: bestTo, rule });
    i = to;
  }
  return out;
}

function coveredBefore(out: DictMatch[], idx: number): boolean {
  const last = out[out.length - 1];
  return last !== undefined && last.to > idx;
}

/** Absorbs the variant suffixes of a name: splits and resolutions of benchmarks, versions and sizes of models. */
function extendVariant(tokens: Tokens, to: number, kind: ConceptKind): number {
  let k = to;
  const { n, gap, nid, lex } = tokens;
  if (kind === 'model') {
    while (k < n) {
      if (gap[k] === Gap.Join && (lex.is(MODEL_JOINED, nid[k]!) || tokens.norm(k - 1) === 'distill')) k++;
      else if (gap[k] === Gap.Space && lex.is(MODEL_SPACED_WORD, nid[k]!)) k++;
      else break;
    }
  } else if (kind === 'benchmark' || kind === 'dataset') {
    while (k < n) {
      if (gap[k] === Gap.Join && lex.is(BENCH_JOINED, nid[k]!)) k++;
      else if ((gap[k] === Gap.Space || gap[k] === Gap.Slash) && lex.is(BENCH_SPACED, nid[k]!)) k++;
      else break;
    }
  }
  return k;
}
