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

/**
 * LaTeX math and markup dropped, so "$\\alpha$-stable" and "{\\it graphs}" read as words. NOTE: math becomes a full
 * stop, so the words on either side of a formula never make a bigram; TeX grouping braces go, so "{\\it random graphs}"
 * keeps its bigram.
 */
function clean(text: string): string {
  return text.replace(/\$[^$]*\$/g, ' . ').replace(/\\[a-zA-Z]+/g, ' ').replace(/[{}]/g, ' ');
}

/**
 * Whether the character code c, found between two words, keeps them in one run: white space and the hyphens of compounds
 * ("vision-language", "Bose–Einstein") do; any other punctuation ("models (SLMs)", "LLMs, MMLU", "encoder/decoder",
 * a full stop, a quote, an em dash) ends the run, so no bigram spans it. NOTE: a bigram made across punctuation was
 * no phrase of the text and named themes "MMLU and models SLMs".
 */
export function joinsWords(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 45 || c === 0xa0 || c === 0x2010 || c === 0x2011 || c === 0x2013 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Whether s[from..to) (the gap between two words) holds a character that ends a run of words. */
function gapBreaks(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!joinsWords(s.charCodeAt(i))) return true;
  return false;
}

/** A crude singular ("tokens" → "token", "studies" → "study"); never touches "-ss", "-us", "-is" words or short ones. */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !/(ss|us|is|ys)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * Content words of a text in order, folded to singular; a stopword, a number or punctuation other than a hyphen breaks a
 * run (so bigrams never span one).
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
  let end = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(cleaned); m !== null; m = WORD.exec(cleaned)) {
    const surface = m[0];
    if (gapBreaks(cleaned, end, m.index)) first = true;
    end = m.index + surface.length;
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

/**
 * Like contentRuns, with each word's surface form as written ("LLMs" for the term "llm") and whether a hyphen (and no
 * space) joins it to the word before ("pre-training").
 */
export function surfaceRuns(text: string): Array<Array<{ term: string; surface: string; hyphen?: boolean }>> {
  const runs: Array<Array<{ term: string; surface: string; hyphen?: boolean }>> = [];
  let run: Array<{ term: string; surface: string; hyphen?: boolean }> = [];
  const cleaned = clean(text);
  let end = 0;
  for (const m of cleaned.matchAll(/[\p{L}\p{N}]+/gu)) {
    const surface = m[0];
    const breaks = gapBreaks(cleaned, end, m.index);
    const hyphen = m.index > end && /^[-\u2010\u2011\u2013]+$/.test(cleaned.slice(end, m.index));
    end = m.index + surface.length;
    if (breaks && run.length) {
      runs.push(run);
      run = [];
    }
    const w = surface.toLowerCase();
    if (w.length < 2 || STOPWORDS.has(w) || !/\p{L}/u.test(w) || /^\p{N}/u.test(w)) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    run.push(hyphen && run.length ? { term: singular(w), surface, hyphen } : { term: singular(w), surface });
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

// Whether each BMP code unit is a letter or digit (\p{L} or \p{N}): 0 not yet known, 1 yes, 2 no; astral code points
// (surrogate pairs, e.g. mathematical letters) are classified once each in `astral`.
const bmpWord = new Uint8Array(65536);
const astral = new Map<number, boolean>();
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Code units of the letter or digit at s[i] (1, or 2 for a surrogate pair), or 0 when s[i] starts none. */
function wordUnit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (d < 0xdc00 || d > 0xdfff) return 0;
    const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
    let yes = astral.get(cp);
    if (yes === undefined) astral.set(cp, (yes = LETTER_OR_DIGIT.test(String.fromCodePoint(cp))));
    return yes ? 2 : 0;
  }
  let k = bmpWord[c];
  if (k === 0) bmpWord[c] = k = LETTER_OR_DIGIT.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1 ? 1 : 0;
}

/**
 * Interns the words and bigrams of many texts as integer term ids, in order of first appearance (words and bigrams
 * share one id space, as `addTerms` keys share one map), and counts one text's terms at a time without a map or a
 * string per occurrence. NOTE: at 10k papers the string keys of `addTerms` ("token pruning" built for every adjacent
 * pair) and their maps were most of the neighbour graph's time, half of it garbage collection. A surface form is looked
 * up once per text occurrence (its content test and folding are cached); a bigram is a pair of term ids in an
 * open-addressing table. Counts and first-appearance order are exactly those of `addTerms`.
 */
export class TermCounter {
  /** Term names by id: a folded word, or two folded words joined by a space. */
  readonly names: string[] = [];
  /** This text's term ids in order of first appearance, and their counts (valid for `length` entries). */
  ids = new Int32Array(256);
  counts = new Float64Array(256);
  length = 0;
  private readonly words = new Map<string, number>();
  // Bigram table: (first, second) term ids → bigram term id; -1 in `pairTerm` marks an empty slot.
  private pairA = new Int32Array(1 << 12);
  private pairB = new Int32Array(1 << 12);
  private pairTerm = new Int32Array(1 << 12).fill(-1);
  private pairs = 0;
  /** Where term t is in this text's list (valid when seen[t] === text). */
  private at = new Int32Array(1024);
  private seen = new Int32Array(1024).fill(-1);
  private text = -1;

  /** Starts counting a new text. */
  begin(): void {
    this.text++;
    this.length = 0;
  }

  /** Adds a text's content words at `weight` and, at `weight × bigramWeight`, the bigrams of adjacent ones. */
  add(text: string, weight: number, bigramWeight: number): void {
    const s = clean(text);
    const end = s.length;
    let previous = -1;
    let i = 0;
    // NOTE: the words of WORD ([\p{L}\p{N}]+, by code point) found by hand, hashed as they are read: a word seen before
    // is found in the surface table without a match object or a substring.
    while (i < end) {
      let unit = wordUnit(s, i);
      if (unit === 0) {
        // NOTE: a surrogate half is no white space or hyphen either, so an astral symbol (emoji) breaks the run too.
        if (previous >= 0 && !joinsWords(s.charCodeAt(i))) previous = -1;
        i++;
        continue;
      }
      const from = i;
      let h = 0x811c9dc5;
      do {
        for (let u = 0; u < unit; u++) h = Math.imul(h ^ s.charCodeAt(i + u), 0x01000193);
        i += unit;
      } while (i < end && (unit = wordUnit(s, i)) !== 0);
      const term = this.wordTerm(s, from, i, h);
      if (term < 0) {
        previous = -1;
        continue;
      }
      this.count(term, weight);
      if (bigramWeight > 0 && previous >= 0) this.count(this.pairTermOf(previous, term), weight * bigramWeight);
      previous = term;
    }
  }

  // Surface table: open addressing over entries (hash, characters in `pool`, term id or -1).
  private slots = new Int32Array(1 << 12).fill(-1);
  private entryHash = new Int32Array(1 << 11);
  private entryFrom = new Int32Array(1 << 11);
  private entryLength = new Int32Array(1 << 11);
  private entryTerm = new Int32Array(1 << 11);
  private entries = 0;
  private pool = new Uint16Array(1 << 14);
  private poolUsed = 0;

  /** Term id of the word s[from..to) (hash h), or -1 when it is no content word. */
  private wordTerm(s: string, from: number, to: number, h: number): number {
    const length = to - from;
    const mask = this.slots.length - 1;
    for (let x = h & mask; ; x = (x + 1) & mask) {
      const e = this.slots[x];
      if (e === -1) return this.newSurface(s.slice(from, to), h, x);
      if (this.entryHash[e] !== h || this.entryLength[e] !== length) continue;
      const at = this.entryFrom[e];
      let same = true;
      for (let c = 0; c < length; c++) {
        if (this.pool[at + c] !== s.charCodeAt(from + c)) {
          same = false;
          break;
        }
      }
      if (same) return this.entryTerm[e];
    }
  }

  private newSurface(surface: string, h: number, slot: number): number {
    const term = this.surfaceTerm(surface);
    const e = this.entries++;
    if (e === this.entryHash.length) {
      const grow = <T extends Int32Array>(a: T): T => {
        const b = new Int32Array(a.length * 2) as T;
        b.set(a);
        return b;
      };
      this.entryHash = grow(this.entryHash);
      this.entryFrom = grow(this.entryFrom);
      this.entryLength = grow(this.entryLength);
      this.entryTerm = grow(this.entryTerm);
    }
    if (this.poolUsed + surface.length > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, this.poolUsed + surface.length));
      pool.set(this.pool.subarray(0, this.poolUsed));
      this.pool = pool;
    }
    for (let c = 0; c < surface.length; c++) this.pool[this.poolUsed + c] = surface.charCodeAt(c);
    this.entryHash[e] = h;
    this.entryFrom[e] = this.poolUsed;
    this.entryLength[e] = surface.length;
    this.entryTerm[e] = term;
    this.poolUsed += surface.length;
    this.slots[slot] = e;
    if (2 * this.entries > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2).fill(-1);
      const mask = this.slots.length - 1;
      for (let k = 0; k < this.entries; k++) {
        let x = this.entryHash[k] & mask;
        while (this.slots[x] !== -1) x = (x + 1) & mask;
        this.slots[x] = k;
      }
    }
    return term;
  }

  /** Term id of a surface form's folded word, or -1 when it is no content word (as forEachContentWord decides). */
  private surfaceTerm(surface: string): number {
    let term: number | undefined;
    const w = surface.toLowerCase();
    if (w.length < 2 || STOPWORDS.has(w) || !/\p{L}/u.test(w) || /^\p{N}/u.test(w)) term = -1;
    else {
      const folded = singular(w);
      term = this.words.get(folded);
      if (term === undefined) this.words.set(folded, (term = this.newTerm(folded)));
    }
    return term;
  }

  private newTerm(name: string): number {
    const t = this.names.length;
    this.names.push(name);
    if (t >= this.seen.length) {
      const seen = new Int32Array(this.seen.length * 2).fill(-1);
      seen.set(this.seen);
      this.seen = seen;
      const at = new Int32Array(this.at.length * 2);
      at.set(this.at);
      this.at = at;
    }
    return t;
  }

  private count(term: number, w: number): void {
    if (this.seen[term] === this.text) {
      this.counts[this.at[term]] += w;
      return;
    }
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const counts = new Float64Array(this.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.seen[term] = this.text;
    this.at[term] = this.length;
    this.ids[this.length] = term;
    // NOTE: 0 + w, as `addTerms` counts from an absent key: the same floating-point sums in the same order.
    this.counts[this.length++] = 0 + w;
  }

  private slot(a: number, b: number): number {
    const mask = this.pairTerm.length - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & mask;
    while (this.pairTerm[h] !== -1 && (this.pairA[h] !== a || this.pairB[h] !== b)) h = (h + 1) & mask;
    return h;
  }

  private pairTermOf(a: number, b: number): number {
    let h = this.slot(a, b);
    if (this.pairTerm[h] !== -1) return this.pairTerm[h];
    if (2 * (this.pairs + 1) > this.pairTerm.length) {
      this.grow();
      h = this.slot(a, b);
    }
    const t = this.newTerm(`${this.names[a]} ${this.names[b]}`);
    this.pairA[h] = a;
    this.pairB[h] = b;
    this.pairTerm[h] = t;
    this.pairs++;
    return t;
  }

  private grow(): void {
    const [oa, ob, ot] = [this.pairA, this.pairB, this.pairTerm];
    this.pairA = new Int32Array(oa.length * 2);
    this.pairB = new Int32Array(oa.length * 2);
    this.pairTerm = new Int32Array(oa.length * 2).fill(-1);
    for (let i = 0; i < ot.length; i++) {
      if (ot[i] === -1) continue;
      const h = this.slot(oa[i], ob[i]);
      this.pairA[h] = oa[i];
      this.pairB[h] = ob[i];
      this.pairTerm[h] = ot[i];
    }
  }
}
