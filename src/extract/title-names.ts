// A paper's own benchmark or dataset named only by its title: "NATURAL PLAN: Benchmarking LLMs on …", "Test of Time: A Benchmark …".
import type { ConceptKind } from './types.ts';
import { Gap, type Tokens } from './tokenize.ts';
import type { PatternHit } from './patterns.ts';
import { nameRunAt } from './names.ts';
import { capitalisedRunAt, methodHeaded } from './multiword.ts';
import { gapIs, Sp } from './gaps.ts';

/** A subtitle opening with one of these gerunds says the lead names an evaluation: "OlympicArena: Benchmarking …". */
// NOTE: "Evaluating" / "Assessing" open method papers as often ("LikePhys: Evaluating Intuitive Physics …", 2510.11512).
const EVAL_GERUNDS = new Set(['benchmarking', 'measuring', 'probing']);

/** Heads of the subtitle's first noun phrase that make the lead a data set: "GUI Odyssey: A Comprehensive Dataset …". */
const HEADS = new Map<string, ConceptKind>([
  ['benchmark', 'benchmark'],
  ['arena', 'benchmark'],
  ['suite', 'benchmark'],
  ['testbed', 'benchmark'],
  ['leaderboard', 'benchmark'],
  ['platform', 'benchmark'],
  ['dataset', 'dataset'],
  ['corpu', 'dataset'],
  ['corpus', 'dataset'],
]);

/** Words that end the subtitle's first noun phrase ("… Framework for Benchmarking": the phrase is "… Framework"). */
const PHRASE_ENDS = new Set(['for', 'of', 'with', 'to', 'in', 'on', 'via', 'from', 'toward', 'towards', 'through', 'by', 'at', 'beyond']);

/** First words of a lead that is a claim or a question, not a name: "Beyond One World: …", "Judging the Judges: …". */
const NOT_LEADS = new Set([
  'beyond',
  'toward',
  'towards',
  'from',
  'when',
  'are',
  'is',
  'do',
  'does',
  'can',
  'why',
  'how',
  'what',
  'on',
  'leave',
  'more',
  'less',
  'not',
  'all',
]);

/** The token that starts the subtitle (the first after ":"), or -1. */
function colonAt(text: string, tokens: Tokens): number {
  for (let k = 1; k < tokens.n && k < 6; k++) {
    if (tokens.gap[k] === Gap.Break && gapIs(text, tokens.end[k - 1]!, tokens.start[k]!, Sp.Any, ':', Sp.Some)) return k;
  }
  return -1;
}

/** The kind the subtitle gives its lead, or undefined. */
function subtitleKind(tokens: Tokens, s: number): ConceptKind | undefined {
  if (EVAL_GERUNDS.has(tokens.norm(s))) return 'benchmark';
  let evaluation = false;
  for (let k = s; k < tokens.n && k < s + 9; k++) {
    const w = tokens.norm(k);
    if (PHRASE_ENDS.has(w)) {
      // "A Multi-Agent Evaluation Framework for Benchmarking …" (2510.09116)
      return k + 1 < tokens.n && tokens.norm(k + 1) === 'benchmarking' && w === 'for' ? 'benchmark' : undefined;
    }
    const head = HEADS.get(w);
    // The head ends its phrase: "Dataset Construction" is a process, "Evaluation Platform" an evaluation only so named.
    const ends = k + 1 >= tokens.n || tokens.gap[k + 1] !== Gap.Space || PHRASE_ENDS.has(tokens.norm(k + 1)) || tokens.norm(k + 1) === 'and';
    if (head && ends && (w !== 'platform' || evaluation)) return head;
    evaluation = w === 'evaluation';
  }
  return undefined;
}

/**
 * The lead of a title ("X: …") as an introduced benchmark or dataset (rule `title:X-benchmark`, explicit: the paper's
 * own name counts as a benchmark when the title says it is one), when the subtitle opens with an evaluation gerund
 * ("OlympicArena: Benchmarking Multi-discipline Cognitive Reasoning …", 2406.12753), or its first noun phrase ends in a
 * data-set head ("Test of Time: A Benchmark for Evaluating LLMs …", 2406.09170; "GUI Odyssey: A Comprehensive Dataset
 * …", 2406.08451), or it is "a … framework for benchmarking" ("DITING: A Multi-Agent Evaluation Framework for
 * Benchmarking Web Novel Translation", 2510.09116). The lead must be one name run, or at most three capitalised words
 * that open no claim ("Beyond One World", "Judging the Judges" are no names). Titles only; a few tokens read.
 */
export function findTitleNames(text: string, tokens: Tokens, covered: Uint8Array, titleCase: boolean, hits: PatternHit[] = []): PatternHit[] {
  if (!titleCase) return hits;
  const s = colonAt(text, tokens);
  if (s < 0 || covered[0]) return hits;
  const first = tokens.norm(0);
  if (NOT_LEADS.has(first) || /^[A-Z][a-z]+ing$/.test(tokens.raw(0))) return hits;
  const run = nameRunAt(tokens, 0, covered);
  const cap = run && run.to === s ? undefined : capitalisedRunAt(text, tokens, covered, 0);
  const ok = (run !== undefined && run.to === s) || (cap !== undefined && cap.to === s && s <= 5 && !methodHeaded(tokens, cap));
  if (!ok) return hits;
  for (let k = 0; k < s; k++) if (covered[k]) return hits;
  const kind = subtitleKind(tokens, s);
  if (!kind) return hits;
  // A rule that typed the lead outright stands; a weaker reading of it gives way (it is dropped as the paper's own).
  for (const h of hits) if (h.from < s && h.explicit) return hits;
  for (let k = hits.length - 1; k >= 0; k--) if (hits[k]!.from < s) hits.splice(k, 1);
  hits.push({ from: 0, to: s, coreTo: s, kind, rule: 'title:X-benchmark', explicit: true });
  return hits;
}
