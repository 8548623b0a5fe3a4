// Words of a paper's title and abstract as features for the paper neighbour graph, and the global stoplist.
//
// NOTE: the text is the floor of the similarity: a corpus whose concepts are few or generic (old arXiv listings, other
// fields) still has its words. Terms are content words (function words and the prose of every abstract left out by
// the stoplist), folded to a crude singular, plus the bigrams of adjacent content words ("token pruning"), which carry
// most of a topic in this field. Sublinear TF × IDF is computed by the caller, over the corpus.

/**
 * Words that never say what a paper is about: English function words, the verbs and nouns of scientific prose
 * ("propose", "results", "paper"), and vague quantities. Used by the text features and by theme names (a name never
 * contains one). NOTE: domain words such as "model" or "learning" are not here: IDF discounts them in the text, and
 * naming has its own generic-word rule.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    // function words
    'a about above across after again against all almost also although always among an and another any are around as at ' +
    'be been before being below between both but by can cannot could did do does doing done down during each either else ' +
    'enough etc even ever every few for from further had has have having he her here hers him his how however if in into ' +
    'is it its itself just least less let like may might more most much must my neither no nor not now of off often on ' +
    'once one only onto or other others otherwise our ours out over own per quite rather same several shall she should ' +
    'since so some such than that the their theirs them themselves then there therefore these they this those though ' +
    'through thus to too toward towards under unless until up upon us very via was we were what whatever when where ' +
    'whereas whether which while who whom whose why will with within without would yet you your ' +
    // prose of abstracts
    'paper papers work works study studies propose proposed proposes present presented presents introduce introduced ' +
    'introduces show shows shown showed demonstrate demonstrates demonstrated result results resulting approach approaches ' +
    'method methods novel new based using use used uses via problem problems also well first second third two three four five ' +
    'moreover furthermore addition additionally finally recently recent existing prior previous previously respectively ' +
    'consider considered considers provide provides provided obtain obtained obtains give gives given make makes made ' +
    'find finds found achieve achieves achieved significantly significant effective effectively efficient efficiently ' +
    'different various many number numbers way ways case cases able allow allows allowing ' +
    'paper\'s article letter here describe described describes discuss discussed investigate investigated ' +
    'analysis analyze analyzed evaluate evaluated experiment experiments experimental extensive comprehensive ' +
    'compared compare comparison state art sota outperform outperforms outperforming improve improves improved improvement ' +
    'improvements performance better best task tasks general generally important key main particular particularly ' +
    'specific specifically terms term including include includes due order further related strong simple called named ' +
    'termed dubbed ' +
    'existing available publicly github com http https www'
  ).split(' '),
);

/** LaTeX math and markup dropped, so "$\\alpha$-stable" and "{\\it graphs}" read as words. */
function clean(text: string): string {
  return text.replace(/\$[^$]*\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' ');
}

/** A crude singular ("tokens" → "token", "studies" → "study"); never touches "-ss", "-us", "-is" words or short ones. */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Content words of a text in order, folded to singular; a stopword or number breaks a run (so bigrams never span one).
 * Returns runs of adjacent content words.
 */
export function contentRuns(text: string): string[][] {
  const runs: string[][] = [];
  forEachContentWord(text, (term, _surface, first) => {
    if (first || runs.length === 0) runs.push([]);
    runs[runs.length - 1].push(term);
  });
  return runs;
}

const WORD = /[\p{L}\p{N}]+/gu;
const singulars = new Map<string, string>();

/**
 * Calls `visit` with each content word (folded), its surface form, and whether it starts a new run. NOTE: one loop with
 * no array per run and a cache of folded forms: at 10k papers the text features were most of the neighbour graph's time.
 */
function forEachContentWord(text: string, visit: (term: string, surface: string, first: boolean) => void): void {
  let first = true;
  const cleaned = clean(text);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(cleaned); m !== null; m = WORD.exec(cleaned)) {
    const surface = m[0];
    const w = surface.toLowerCase();
    if (w.length < 2 || STOPWORDS.has(w) || !/\p{L}/u.test(w) || /^\p{N}/u.test(w)) {
      first = true;
      continue;
    }
    let term = singulars.get(w);
    if (term === undefined) {
      term = singular(w);
      if (singulars.size < 200_000) singulars.set(w, term);
    }
    visit(term, surface, first);
    first = false;
  }
}

/** Like contentRuns, with each word's surface form as written ("LLMs" for the term "llm"). */
export function surfaceRuns(text: string): Array<Array<{ term: string; surface: string }>> {
  const runs: Array<Array<{ term: string; surface: string }>> = [];
  let run: Array<{ term: string; surface: string }> = [];
  for (const m of clean(text).matchAll(/[\p{L}\p{N}]+/gu)) {
    const surface = m[0];
    const w = surface.toLowerCase();
    if (w.length < 2 || STOPWORDS.has(w) || !/\p{L}/u.test(w) || /^\p{N}/u.test(w)) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    run.push({ term: singular(w), surface });
  }
  if (run.length) runs.push(run);
  return runs;
}

/** Term counts of a text: its content words and, at `bigramWeight`, the bigrams of adjacent content words. */
export function addTerms(counts: Map<string, number>, text: string, weight: number, bigramWeight: number): void {
  let previous = '';
  forEachContentWord(text, (term, _surface, first) => {
    counts.set(term, (counts.get(term) ?? 0) + weight);
    if (bigramWeight > 0 && !first) {
      const b = `${previous} ${term}`;
      counts.set(b, (counts.get(b) ?? 0) + weight * bigramWeight);
    }
    previous = term;
  });
}
