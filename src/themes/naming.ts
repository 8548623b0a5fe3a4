// Theme names from distinctive concepts: class-based TF-IDF (Grootendorst 2022, BERTopic, arXiv:2203.05794) over papers.
import type { KnowledgeGraph } from '../graph/index.ts';
import type { ConceptNode } from '../model/graph-json.ts';
import type { ConceptKind, ConceptSource } from '../extract/types.ts';
import { STOPWORDS, contentRuns, surfaceRuns } from '../graph/text.ts';
import { isNounChunk } from '../extract/chunk.ts';

export interface ScoredConcept {
  id: string;
  label: string;
  kind: ConceptKind;
  parent?: string;
  source: ConceptSource;
  /** Papers with the concept in the whole corpus. */
  df: number;
  /** Papers of the theme that have the concept. */
  papers: number;
  /** Share of the theme's papers with the concept × log(1 + average theme size / papers with it anywhere). */
  score: number;
}

/**
 * Scores every concept in every theme. NOTE: plain frequency would name every theme after "accuracy" or "LLM"; the
 * c-TF-IDF factor favours concepts frequent in the theme but rare in the corpus.
 */
export function scoreConcepts(kg: KnowledgeGraph, paperTheme: Map<string, string>, members: Map<string, number[]>, n: number): Map<string, ScoredConcept[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of members.keys()) counts.set(id, new Map());
  kg.forEachEdge((_e, _a, s, t, sa) => {
    const [paper, concept] = sa.kind === 'paper' ? [s, t] : [t, s];
    const theme = counts.get(paperTheme.get(paper)!)!;
    theme.set(concept, (theme.get(concept) ?? 0) + 1);
  });
  const average = n / Math.max(1, members.size);
  const out = new Map<string, ScoredConcept[]>();
  for (const [id, list] of members) {
    const size = list.length;
    const scored: ScoredConcept[] = [];
    for (const [key, papers] of counts.get(id)!) {
      const c = kg.getNodeAttributes(key) as ConceptNode;
      const score = (papers / size) * Math.log(1 + average / c.df);
      scored.push({ id: c.conceptId, label: c.label, kind: c.kind, parent: c.parent, source: c.source, df: c.df, papers, score });
    }
    scored.sort((a, b) => b.score - a.score || b.papers - a.papers || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(id, scored);
  }
  return out;
}

/**
 * Kinds that name a topic; metrics and models are what papers measure with and compare against, not what they are about.
 * `topic` (a mined phrase of no other kind: "dark matter") names themes as the mined phrases did when they were methods.
 */
const NAMING_KINDS: ReadonlySet<ConceptKind> = new Set(['method', 'task', 'modality', 'benchmark', 'dataset', 'topic']);

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Words that say nothing about a topic in this field. NOTE: c-TF-IDF alone can rank "language models" or a mined
 * "token per" first in a theme that happens to repeat them; a label made only of these words names a theme only when
 * nothing more specific is left.
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and as at by for from in of on per the to with large small language languages model models text texts data task tasks ' +
    'specific quality learning natural processing token tokens training trained pre based level method methods approach new'
  ).split(' '),
);

/** True when every word of the label is generic ("language models", "Natural Language Processing", "token per"). */
export function isGenericLabel(label: string): boolean {
  const words = norm(label).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC_WORDS.has(w));
}

/** Nouns that end like adjectives or verbs ("-al", "-ive", "-ses"): they can end a name. */
const NOUNS_LIKE_ADJECTIVES: ReadonlySet<string> = new Set([
  'signal',
  'signals',
  'interval',
  'intervals',
  'potential',
  'material',
  'materials',
  'retrieval',
  'tutorial',
  'proposal',
  'journal',
  'arrival',
  'rival',
  'manual',
  'chemical',
  'chemicals',
  'objective',
  'objectives',
  'derivative',
  'derivatives',
  'alternative',
  'analyses',
  'bases',
  'processes',
  'classes',
  'losses',
  'biases',
  'gases',
  'phases',
  'diseases',
  'responses',
  'courses',
  'houses',
  'speed',
  'seed',
  'need',
  'bed',
  'feed',
  'embed',
  'family',
  'anomaly',
  'assembly',
  'supply',
  'reply',
  'italy',
]);

/** Words a name may join its phrases with; every other word of a name is a content word. */
export const NAME_CONNECTIVES: ReadonlySet<string> = new Set(['in', 'for', 'on', 'and']);

/**
 * True when a phrase can stand in a name: 1–4 words, none of them a stopword or a generic word, not all digits, not
 * ending like a verb or an adverb ("-ed", "-ly": a mined "models trained" or "there exist" is prose, not a topic).
 */
export function isNameablePhrase(label: string): boolean {
  const words = norm(label).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4) return false;
  if (words.some((w) => STOPWORDS.has(w) || /^\d+$/.test(w) || /^[ivxl]+$/.test(w)) || words.every((w) => GENERIC_WORDS.has(w))) return false;
  // NOTE: a phrase ending in a verb, adverb or adjective is a fragment of prose or of a longer name ("II discusses",
  // "convolutional neural", "spatial temporal"), not a topic.
  const last = words[words.length - 1];
  if (last.length > 4 && /(ed|ly|al|ive|ous|ses|izes|ates)$/.test(last) && !NOUNS_LIKE_ADJECTIVES.has(last)) return false;
  return true;
}

/** A candidate phrase of a name: a concept, or a phrase of the theme's titles and abstracts. */
export interface NameCandidate {
  label: string;
  /** The concept's kind, or "phrase" for a text phrase. */
  kind: ConceptKind | 'phrase';
  /** Content words (folded), to keep a name from saying a word twice. */
  words: string[];
  papers: number;
  score: number;
  id?: string;
  parent?: string;
  /** A text phrase's term id in the projection (what `paperTermIds` hold). */
  term?: number;
}

/**
 * Text phrases (bigrams of adjacent content words, as the paper neighbour graph's text terms) scored per theme like the
 * concepts, by c-TF-IDF over papers: share of the theme's papers with it × log(1 + average theme size / papers with it
 * anywhere). Labels are the folded terms; `surfacePhrase` gives the written form of the few that end up in a name.
 */
export function scorePhrases(termNames: string[], paperTermIds: Int32Array[], members: Map<string, number[]>, n: number): Map<string, NameCandidate[]> {
  const bigram = termNames.map((t) => t.includes(' '));
  const df = new Int32Array(termNames.length);
  for (const ids of paperTermIds) for (const t of ids) if (bigram[t]) df[t]++;
  const average = n / Math.max(1, members.size);
  const out = new Map<string, NameCandidate[]>();
  const counts = new Int32Array(termNames.length);
  for (const [id, list] of members) {
    const touched: number[] = [];
    for (const i of list) {
      for (const t of paperTermIds[i]) {
        if (!bigram[t]) continue;
        if (counts[t]++ === 0) touched.push(t);
      }
    }
    const scored: NameCandidate[] = [];
    for (const t of touched) {
      const papers = counts[t];
      counts[t] = 0;
      if (papers < 2) continue;
      scored.push({
        label: termNames[t],
        kind: 'phrase',
        term: t,
        words: termNames[t].split(' '),
        papers,
        score: (papers / list.length) * Math.log(1 + average / df[t]),
      });
    }
    scored.sort((a, b) => b.score - a.score || b.papers - a.papers || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    out.set(id, scored);
  }
  return out;
}

/**
 * The written form of a folded bigram in the first of `texts` that has it ("LLMs" for "llm"); capitals are kept only
 * for acronyms and mixed case ("BERTScore"), so "Token Pruning" in a title reads "token pruning".
 *
 * A bigram that is part of a longer phrase in most of its occurrences reads as that phrase: "sense disambiguation" →
 * "word sense disambiguation", "statistical language" → "statistical language models" (up to 4 words; the phrase must
 * stay nameable). NOTE: a word extends it when at least 2/3 of the occurrences (≥ 2, of the first `maxOccurrences` in
 * the theme's texts) have that same word next to it in the same run of content words, the c-value idea of maximal
 * terms (Frantzi et al. 2000): a bigram is the name's unit, and without this the names showed its fragments.
 */
export function surfacePhrase(term: string, texts: Iterable<string>, maxOccurrences = 12): string {
  const [a, b] = term.split(' ');
  let occurrences: Array<{ run: Array<{ term: string; surface: string; hyphen?: boolean }>; at: number }> = [];
  for (const text of texts) {
    for (const run of surfaceRuns(text))
      for (let i = 1; i < run.length; i++) if (run[i - 1].term === a && run[i].term === b) occurrences.push({ run, at: i - 1 });
    if (occurrences.length >= maxOccurrences) break;
  }
  if (!occurrences.length) return term;
  let from = 0;
  let to = 2;
  // The word most often at offset `k` of the occurrences, when at least 2/3 of them (and 2 or more) have it.
  const common = (k: number): string | undefined => {
    const counts = new Map<string, number>();
    let best: string | undefined;
    for (const o of occurrences) {
      const w = o.run[o.at + k]?.term;
      if (w === undefined) continue;
      const c = (counts.get(w) ?? 0) + 1;
      counts.set(w, c);
      if (best === undefined || c > counts.get(best)! || (c === counts.get(best)! && w < best)) best = w;
    }
    return best !== undefined && counts.get(best)! >= 2 && 3 * counts.get(best)! >= 2 * occurrences.length ? best : undefined;
  };
  const words = (o: (typeof occurrences)[number], f: number, t: number): string[] => o.run.slice(o.at + f, o.at + t).map((w) => w.term);
  while (to - from < 4) {
    const after = common(to);
    const before = common(from - 1);
    const next =
      after !== undefined ? { f: from, t: to + 1, k: to, w: after } : before !== undefined ? { f: from - 1, t: to, k: from - 1, w: before } : undefined;
    if (!next) break;
    const kept = occurrences.filter((o) => o.run[o.at + next.k]?.term === next.w);
    if (!isNameablePhrase(words(kept[0], next.f, next.t).join(' '))) break;
    occurrences = kept;
    from = next.f;
    to = next.t;
  }
  const first = occurrences[0];
  return first.run
    .slice(first.at + from, first.at + to)
    .map(
      (w, k) =>
        (k > 0 ? (w.hyphen ? '-' : ' ') : '') + (/^[A-Z0-9]{2,}s?$/.test(w.surface) || /[a-z][A-Z]/.test(w.surface) ? w.surface : w.surface.toLowerCase()),
    )
    .join('');
}

// Whether a written phrase reads as a noun phrase to the part-of-speech tagger, by phrase (deterministic, so cached).
const nounPhrases = new Map<string, boolean>();
function readsAsNounPhrase(phrase: string): boolean {
  let yes = nounPhrases.get(phrase);
  if (yes === undefined) {
    yes = isNounChunk(phrase);
    if (nounPhrases.size < 100_000) nounPhrases.set(phrase, yes);
  }
  return yes;
}

const capitalise = (s: string): string => (/^[a-z]/.test(s) ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * A readable name: a short noun phrase from the theme's most distinctive concepts and text phrases, e.g. "Token pruning
 * in multimodal large language models". The head is the best-scoring nameable candidate (concepts first on a tie:
 * their score is weighed by `phraseWeight` < 1 for text phrases); a second candidate sharing no word with it is added
 * when it scores at least half as much, joined by a connective chosen by its kind (a modality or model: "in"; a task:
 * "for"; a benchmark or dataset: "on"; otherwise "and"). Candidates: in 2 papers of the theme or more, nameable
 * (isNameablePhrase), concepts of the naming kinds that are not hubs. `phrases` best first, as scorePhrases gives them.
 */
export function chooseName(
  scored: ScoredConcept[],
  phrases: NameCandidate[],
  size: number,
  id: string,
  hubLimit = Infinity,
  phraseWeight = 0.8,
  taken: ReadonlySet<string> = new Set(),
  surface: (candidate: NameCandidate) => string = (c) => c.label,
): string {
  const minPapers = Math.min(2, size);
  const candidates: NameCandidate[] = [];
  for (const s of scored) {
    if (!NAMING_KINDS.has(s.kind) || s.df > hubLimit || s.papers < minPapers || !isNameablePhrase(s.label)) continue;
    candidates.push({ label: s.label, kind: s.kind, words: contentRuns(s.label).flat(), papers: s.papers, score: s.score, id: s.id, parent: s.parent });
  }
  // NOTE: phrases come best first (as scorePhrases sorts them), and only the first 3 candidates can head a name, and a
  // second must score at least half its head: so a phrase below half the third nameable phrase's score can be neither,
  // and the rest (tens of thousands in a large theme) are not copied, tested or sorted. The name is the same.
  let third = -Infinity;
  let nameable = 0;
  for (const p of phrases) {
    const score = p.score * phraseWeight;
    if (nameable >= 3 && score < 0.5 * third) break;
    if (!(p.papers >= minPapers && isNameablePhrase(p.label))) continue;
    candidates.push({ ...p, score });
    if (++nameable === 3) third = score;
  }
  candidates.sort((a, b) => b.score - a.score || b.papers - a.papers || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  if (!candidates.length) return `Theme ${id}`;
  // NOTE: a text phrase names a theme only as written in its papers, as a noun phrase to the tagger (wink-nlp, as the
  // extraction's chunker): "bring together", "head driven", "feed forward" are fragments of prose or of longer names.
  // The written form must be nameable too, not only the folded bigram it was scored as: a bigram may read as a longer
  // phrase (surfacePhrase), whose words are tested here ("Bose-einstein condensates" ends like a verb, "-ates").
  // NOTE: both tests (and the written form they need: reading the theme's texts) run lazily, in candidate order, only
  // until the 3 heads and each head's 3 seconds are found; testing every candidate took the themes stage at 10k papers
  // from 2.0 to 18.4 s (session 5). The names are the same as testing all of them first.
  const usableOf = new Map<NameCandidate, boolean>();
  const usable = (c: NameCandidate): boolean => {
    if (c.kind !== 'phrase') return true;
    let yes = usableOf.get(c);
    if (yes === undefined) {
      const written = surface(c);
      yes = isNameablePhrase(written) && readsAsNounPhrase(written);
      usableOf.set(c, yes);
    }
    return yes;
  };
  // Words of the name a candidate gives (a phrase may read longer than its bigram, see surfacePhrase).
  const wordsOf = (c: NameCandidate): string[] => (c.kind === 'phrase' ? contentRuns(surface(c)).flat() : c.words);
  // The cheap tests first (folded words, broader concept); the written words only for a candidate that passed them.
  const overlapsFolded = (a: NameCandidate, b: NameCandidate): boolean =>
    a.words.some((w) => b.words.includes(w)) || (a.id !== undefined && (a.id === b.parent || b.id === a.parent));
  const overlapsWritten = (a: NameCandidate, b: NameCandidate): boolean => wordsOf(a).some((w) => wordsOf(b).includes(w));
  const join = (head: NameCandidate, second: NameCandidate): string => {
    const connective =
      second.kind === 'modality' || second.kind === 'model'
        ? 'in'
        : second.kind === 'task'
          ? 'for'
          : second.kind === 'benchmark' || second.kind === 'dataset'
            ? 'on'
            : 'and';
    return `${capitalise(surface(head))} ${connective} ${surface(second)}`;
  };
  // NOTE: a name another theme already has gets its next distinct second phrase, so two themes never read the same.
  const heads: NameCandidate[] = [];
  for (const c of candidates) {
    if (heads.length === 3) break;
    if (usable(c)) heads.push(c);
  }
  if (!heads.length) return `Theme ${id}`;
  for (const head of heads) {
    const seconds: NameCandidate[] = [];
    for (const c of candidates) {
      if (seconds.length === 3) break;
      if (c !== head && c.score >= 0.5 * head.score && !overlapsFolded(c, head) && usable(c) && !overlapsWritten(c, head)) seconds.push(c);
    }
    const names = [...(seconds.length ? [] : [capitalise(surface(head))]), ...seconds.map((s) => join(head, s)), capitalise(surface(head))];
    const name = names.find((x) => !taken.has(x));
    if (name) return name;
  }
  return `${capitalise(surface(heads[0]))} (${id})`;
}
