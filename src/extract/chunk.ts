// Noun-phrase test and kind evidence for mined keyphrases: a part-of-speech tagger (wink-nlp) reads each distinct
// candidate phrase once, in a fixed frame, so its judgement costs nothing per paper.
import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';
import type { ConceptKind } from './types.ts';
import { normalizeWord } from './lexicon.ts';

let tagger: WinkMethods | undefined;

/**
 * The tagger, loaded on first use, so runs that mine nothing never pay for the model.
 * NOTE: required here rather than imported at the top: reading the 3.8 MB model costs ~0.3 s, which every CLI command
 * (query, serve, …) would otherwise pay at start-up.
 */
function nlp(): WinkMethods {
  if (!tagger) {
    const require = createRequire(import.meta.url);
    const winkNLP = require('wink-nlp') as typeof import('wink-nlp').default;
    const model = require('wink-eng-lite-web-model') as import('wink-nlp').Model;
    tagger = winkNLP(model, ['pos']);
  }
  return tagger;
}

export interface TaggedWord {
  word: string;
  /** Universal POS tag (NOUN, ADJ, VERB, ADV, NUM, …). */
  pos: string;
  /** True when the word is joined to the next by a hyphen ("zero" of "zero-shot"). */
  joined: boolean;
}

/**
 * The words of each phrase as the tagger reads them in the frame "The <phrase> is.": a determiner before and a verb
 * after make a noun phrase the likeliest reading, so a word still tagged a verb or an adverb there is one.
 * NOTE: the trailing "is" is what separates a gerund head ("machine learning is": NOUN NOUN) from a participle
 * that takes an object ("benchmark spanning is": NOUN VERB); without it both read NOUN VERB. Many phrases are read as
 * one document (one call costs ~5x less per phrase than a call each); each frame is its own sentence, and the tags are
 * the same as one call per phrase (tested), so batching never changes an output.
 */
export function tagPhrases(phrases: readonly string[]): TaggedWord[][] {
  const w = nlp();
  // NOTE: a phrase is lower-case words joined by spaces or hyphens, so "." ends exactly one frame.
  const doc = w.readDoc(phrases.map((p) => `The ${p} is.`).join(' '));
  const words = doc.tokens().out(w.its.value) as string[];
  const tags = doc.tokens().out(w.its.pos) as string[];
  const out: TaggedWord[][] = [];
  let cur: TaggedWord[] = [];
  let first = true;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const pos = tags[k]!;
    if (pos === 'SPACE') continue;
    if (word === '.') {
      cur.pop(); // "is"
      out.push(cur);
      cur = [];
      first = true;
      continue;
    }
    if (first) {
      first = false; // "The"
      continue;
    }
    if (pos === 'PUNCT') {
      if (word === '-' && cur.length) cur[cur.length - 1]!.joined = true;
      continue;
    }
    cur.push({ word, pos, joined: false });
  }
  if (out.length !== phrases.length) throw new Error(`tagPhrases: expected ${phrases.length} frames, read ${out.length}`);
  return out;
}

/** The words of one phrase as the tagger reads them (see tagPhrases). */
export function phraseTags(phrase: string): TaggedWord[] {
  return tagPhrases([phrase])[0]!;
}

const NOMINAL = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ']);

/**
 * True when the tagger reads `phrase` (as written, e.g. "visual tokens") as a noun-phrase chunk: its head (last word)
 * a noun, every other word a noun, an adjective or a participle ("learning rate", "curated dataset"). Verbs, adverbs,
 * numbers, pronouns, determiners and prepositions make it a prose fragment ("typically rely", "become increasingly",
 * "benchmark mainly", "five benchmarks"). Inside a hyphenated modifier ("zero-shot", "off-policy") only the last part
 * is tested, as the compound as a whole modifies the head. `takesDeterminer`: the corpus shows the phrase after a
 * determiner at least once.
 */
export function isNounChunk(phrase: string, takesDeterminer = true): boolean {
  return isNounChunkTagged(phraseTags(phrase), takesDeterminer);
}

/** isNounChunk on the phrase's tags (from tagPhrases). */
export function isNounChunkTagged(t: readonly TaggedWord[], takesDeterminer = true): boolean {
  if (t.length < 1) return false;
  const head = t[t.length - 1]!;
  // A hyphenated gerund is a noun where the corpus uses it as one ("the pre-training", "problem-solving"): the tagger
  // reads "pre-training" as one verb token.
  const hyphenGerund =
    head.pos === 'VERB' && /ing$/.test(head.word) && (head.word.includes('-') || (t.length > 1 && t[t.length - 2]!.joined)) && takesDeterminer;
  if (!NOMINAL.has(head.pos) && !hyphenGerund) return false;
  for (let k = 0; k < t.length - 1; k++) {
    const { word, pos, joined } = t[k]!;
    if (joined) continue;
    const participle = /[a-z](ing|ed)$/.test(word);
    if (MODIFIER.has(pos) && !(participle && pos === 'ADJ' && !takesDeterminer)) continue;
    // A participle modifies like an adjective when a noun follows it and the phrase takes a determiner somewhere in the
    // corpus ("the denoising process", "a curated dataset"); else it is a verb with its object ("by estimating
    // confidence", "including instance merging", "achieved remarkable success").
    // NOTE: the tagger often calls such a participle an adjective ("by projecting gradients"), hence the same test there.
    if (pos === 'VERB' && participle && NOMINAL.has(t[k + 1]!.pos) && takesDeterminer) continue;
    // A number with letters is a name part ("3d reconstruction"), a bare count is not ("five benchmarks").
    if (pos === 'NUM' && /\d/.test(word) && /[a-z]/.test(word)) continue;
    return false;
  }
  return true;
}

/** Words that end a unit of measure: a phrase headed so is a quantity, not a topic ("percentage point"). */
// NOTE: kept here beside the chunk test because the tagger rightly calls these nouns.
const UNIT_HEADS = new Set(['point', 'percent', 'percentage', 'fold']);

/** True for a phrase whose head is a unit of measure ("percentage points"). */
export function isQuantity(key: string): boolean {
  const words = key.split(/[ -]/);
  return UNIT_HEADS.has(words[words.length - 1]!);
}

/** Kinds a mined phrase may take from evidence; names (benchmarks, models, metrics) are left to the name rules. */
const EVIDENCE_KINDS: ReadonlySet<ConceptKind> = new Set(['method', 'task', 'modality']);

/** What the vocabulary says about the kind of an unlisted phrase: by a listed tail, or by a head many entries share. */
export interface KindEvidence {
  /** Phrase key ("token-pruning": words folded, joined by "-") → kind, for every method/task/modality label and alias. */
  tails: Map<string, ConceptKind>;
  /** Head word → kind, when ≥ 3 labels end in it and ≥ 2/3 of them are of that kind ("pruning" → method). */
  heads: Map<string, ConceptKind>;
}

const foldKey = (s: string): string[] =>
  s
    .split(/[\s\-‐‑]+/)
    .filter(Boolean)
    .map(normalizeWord);

/** Learns the kind evidence from vocabulary entries (the bundled one or the user's). */
export function kindEvidence(entries: ReadonlyArray<{ label: string; aliases: readonly string[]; kind: ConceptKind }>): KindEvidence {
  const tails = new Map<string, ConceptKind>();
  const votes = new Map<string, Map<ConceptKind, number>>();
  for (const e of entries) {
    if (!EVIDENCE_KINDS.has(e.kind)) continue;
    for (const name of [e.label, ...e.aliases]) {
      const words = foldKey(name);
      if (words.length > 0 && !tails.has(words.join('-'))) tails.set(words.join('-'), e.kind);
    }
    const words = foldKey(e.label);
    if (words.length < 2) continue;
    const head = words[words.length - 1]!;
    let v = votes.get(head);
    if (!v) votes.set(head, (v = new Map()));
    v.set(e.kind, (v.get(e.kind) ?? 0) + 1);
  }
  const heads = new Map<string, ConceptKind>();
  for (const [head, v] of votes) {
    let total = 0;
    for (const n of v.values()) total += n;
    if (total < 3) continue;
    for (const [kind, n] of v) if (3 * n >= 2 * total) heads.set(head, kind);
  }
  return { tails, heads };
}

/** Heads of task names the vocabulary may not list yet ("… generation", "… answering"). */
const TASK_HEADS =
  /(generation|recognition|answering|understanding|reasoning|translation|retrieval|classification|detection|segmentation|summarization|captioning|editing|planning|synthesis)$/;

/**
 * The kind of a mined phrase (key: folded words joined by " " or "-"): the kind of its longest listed tail
 * ("visual token pruning" ends in the method "token pruning"), else of its head when the vocabulary's labels agree on
 * it ("… distillation" → method), else task for a task head, else the neutral `topic` ("dark matter", "latent space").
 */
export function minedKind(key: string, ev: KindEvidence): ConceptKind {
  const words = key.split(/[ -]/);
  for (let k = 1; k < words.length; k++) {
    const kind = ev.tails.get(words.slice(k).join('-'));
    if (kind) return kind;
  }
  const byHead = ev.heads.get(words[words.length - 1]!);
  if (byHead) return byHead;
  if (TASK_HEADS.test(key)) return 'task';
  return 'topic';
}
