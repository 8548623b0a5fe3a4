// Keyphrases mined from the corpus: recurring noun-like phrases nobody listed, scored by document frequency × IDF.
import type { ConceptKind } from './types.ts';
import { Gap, type Tokens } from './tokenize.ts';
import { Shape, wordSet, type Lexicon } from './lexicon.ts';
import { PairMap } from './int-tables.ts';
import { slugify } from './vocabulary.ts';
import { isNounChunkTagged, isQuantity, minedKind, tagPhrases, type KindEvidence } from './chunk.ts';

const STOP = wordSet(
  (
    'a an the of in on for to and or with by from as at into over under via is are was were be been being this that these those ' +
    'it its their our we they which who whose than then while when where both each such more most less fewer very also only ' +
    'not no can could may might will would should must has have had do does did using used use based new novel existing ' +
    'proposed different various several many multiple other same significant significantly large small high low first ' +
    'second two three one however thus therefore through across between without within up down out about after before ' +
    'all any some e g i ie eg et al respectively further furthermore moreover additionally results result paper work ' +
    'approach approache method methods model models show shows shown demonstrate demonstrates achieve achieves state art ' +
    'performance experiment experiments extensive code available github https www com effective efficient strong better ' +
    'improve improves improved improving make makes making well even still often key main level way ways non number reduce reduces reducing require requires enable enables allow allows propose introduce present lead leads ' +
    'but per toward towards upon among against along around beyond despite during unlike whether since until yet like versus vs'
  ).split(/\s+/),
);

// NOTE: the filters below keep mined phrases to terms a reader would index, not academic prose. They test word classes
// (evaluation and time adjectives, generic heads, participles, adjectival compounds), not particular phrases.
/** Words that never start a technical term: evaluation, time, degree ("recent study", "considerable attention"). */
const GENERIC_FIRST = new Set(
  (
    'recent recently considerable challenging future remarkable remarkably substantial substantially promising crucial important ' +
    'notable notably comprehensive superior competitive impressive limited common typical prior previous current numerous ' +
    'widespread growing increasing rapid rapidly simple potential practical critical powerful overall additional specific given ' +
    'original great greater huge vast wide wider broad broader diverse minimal comparable similar inferior desired desirable generic ' +
    'fundamental major minor primary subsequent following preliminary entire whole extra computational considerable unprecedented ' +
    'exceptional outstanding excellent superb favorable strong stronger robust faster slower lower higher larger smaller longer shorter ' +
    'complex difficult hard easy natural real actual certain particular relevant respective underlying inherent remain remains ' +
    'shed sheds pave paves'
  ).split(/\s+/),
);
/** Heads that make a phrase generic academic language ("reasoning capability", "downstream task", "future research"). */
const GENERIC_HEAD = new Set(
  (
    'capability capabilities ability abilities resource resources information study studies research material materials issue ' +
    'issues problem problems challenge challenges setting settings scenario scenarios aspect aspects factor factors insight insights ' +
    'manner fashion task tasks attention interest effort efforts finding findings advance advances advancement advancements progress ' +
    'solution solutions strategy strategies technique techniques paradigm paradigms property properties quality efficiency ' +
    'effectiveness degradation improvement improvements gain gains cost costs overhead application applications field fields domain ' +
    'domains area areas community purpose purposes range variety suite set series amount amounts reveal reveals unclear ' +
    'challenging light way'
  ).split(/\s+/),
);
/** A hyphenated pair ending so is an adjective ("training-free", "fine-grained", "task-specific", "real-world"). */
const ADJECTIVE_COMPOUND =
  /^[a-z]+-(wise|specific|grained|world|source|weight|weights|based|level|aware|like|scale|shot|free|art|time|term|end|efficient|intensive|friendly|agnostic|dependent|independent|oriented|driven|centric|quality|rich|heavy|light|only|step|stage|round|turn|length|modal|size)$/;

/** True for a candidate that reads as prose or as an adjective rather than as a term. */
export function isGenericPhrase(key: string): boolean {
  if (ADJECTIVE_COMPOUND.test(key)) return true;
  const words = key.split(/[ -]/);
  const first = words[0]!;
  const head = words[words.length - 1]!;
  if (GENERIC_FIRST.has(first) || GENERIC_HEAD.has(head)) return true;
  // A participle at the end is an adjective or a verb ("pre-trained", "fine-tuned"), never the head of a term.
  return head.length > 4 && head.endsWith('ed') && !head.endsWith('eed');
}

export interface MinedPhrase {
  /** The concept id: slug of the key. */
  id: string;
  key: string;
  label: string;
  df: number;
  score: number;
  kind: ConceptKind;
}

function grow(a: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (size <= a.length) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** Token flags of add(): may be a word of a phrase; has ≥ 3 characters (may start or end one). */
const PHRASE_WORD = 1;
/** A phrase followed by a further content word in at least this share of its occurrences is a modifier (see isChunk). */
const RUN_ON_SHARE = 0.75;
/** ...and one followed by a determiner in at least this share ends in a verb. */
const DETERMINER_SHARE = 0.25;
const DETERMINER = wordSet(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'our', 'his', 'her', 'each', 'every']);
/** Closed-class words: a phrase followed by one of these ends there (unlike STOP, no nouns such as "model"). */
const FUNCTION_WORDS = wordSet(
  (
    'a an the of in on for to and or nor with by from as at into onto over under via is are was were be been being this that ' +
    'these those it its their our we they he she his her which who whom whose than then while when where both each either ' +
    'neither such not no can could may might will would should must shall has have had do does did but per toward towards ' +
    'upon among against along around beyond despite during unlike whether since until yet versus vs through across between ' +
    'without within up down out about after before all any some however thus therefore hence also only even very so if'
  ).split(/\s+/),
);
const LONG = 2;
/** Ints per phrase in PhraseMiner's `hot` table, and the offsets of its fields. */
const HOT = 8;
const H_WORDS = 0;
const H_SEEN = 1;
const H_DF = 2;
const H_OCC = 3;
const H_RUN_ON = 4;
const H_THEN_DET = 5;
const H_NOUN = 6;

/**
 * Candidate phrases across the corpus: 2–4 lower-case words in a row, no stop word anywhere, counted once per paper.
 * Papers are added one by one (add, then endPaper); phrases are scored once all are in. Linear in the papers.
 */
export class PhraseMiner {
  private readonly pairs = new PairMap();
  /** Phrase id → prefix (a norm id for one word, else -1 - phrase id), last norm id * 2 + joined. */
  private prefix = new Int32Array(1 << 14);
  private last = new Int32Array(1 << 14);
  /** Phrase id → raw ids of its first and last words where first seen ("tokens" of "visual tokens"), for the tagger. */
  private firstRaw = new Int32Array(1 << 14);
  private lastRaw = new Int32Array(1 << 14);
  /**
   * Phrase id * HOT + H_* → the counts add() updates per occurrence: word count, last paper seen in, document frequency,
   * occurrences counted, how many run on into a further content word ("advanced multimodal" + "models"), how many are
   * followed by a determiner ("findings highlight" + "the": its last word acts as a verb), how many come right after a
   * determiner or a content word ("the denoising process": a noun phrase there).
   * NOTE: side by side in 32 bytes (one cache line), as phrase ids come in random order over a table of millions: seven
   * separate arrays cost seven cache misses an occurrence.
   */
  private hot = new Int32Array(HOT << 14);
  /** Phrase id → 0 not asked yet, 1 a noun-phrase chunk, 2 not one (the tagger is asked once per distinct phrase). */
  private chunk = new Uint8Array(0);
  /** Phrase id → scoreOf, NaN until asked (prefetchChunks ranks candidates by it). */
  private scoreCache = new Float64Array(0);
  /** Occurrences, three ints each (phrase id, start * 2 + field, end), and where each paper's run begins. */
  private occ = new Int32Array(1 << 16);
  private occLen = 0;
  private readonly paperStart: number[] = [0];
  /** Scored phrases, built on first use; phrase id → index + 1 in `scored` (0: not built yet). */
  private readonly scored: MinedPhrase[] = [];
  private scoredAt = new Int32Array(0);
  private minDf = 1;
  private maxDf = 0;
  /** Per token of the field being added: PHRASE_WORD and LONG bits. */
  private flags = new Uint8Array(256);
  /** Phrase id → its key, built on first use. NOTE: an array, as ties between scores compare keys in a hot loop. */
  private keys: Array<string | undefined> = [];

  constructor(
    private readonly lex: Lexicon,
    private readonly evidence: KindEvidence,
  ) {}

  get papers(): number {
    return this.paperStart.length - 1;
  }

  /** Adds the candidates of one field of the current paper; `covered` marks tokens other rules explained. */
  add(field: number, tokens: Tokens, covered: Uint8Array): void {
    const { lex } = this;
    const { n, nid, rid, gap, shape, start, end } = tokens;
    const doc = this.papers;
    const stop = lex.memo(STOP);
    const det = lex.memo(DETERMINER);
    const fn = lex.memo(FUNCTION_WORDS);
    // NOTE: each token is looked at once here (a phrase word: uncovered lower-case, not a stop word; long: ≥ 3 chars),
    // not once per phrase it could be in. The stop-word memo is read in place (2: not a stop word).
    if (this.flags.length < n) this.flags = new Uint8Array(Math.max(n, 2 * this.flags.length));
    const flags = this.flags;
    for (let k = 0; k < n; k++) {
      let f = 0;
      if (!covered[k] && (shape[k]! & Shape.LowerAscii) !== 0) {
        const id = nid[k]!;
        const v = stop[id]!;
        if (v === 2 || (v === 0 && !lex.is(STOP, id))) f = end[k]! - start[k]! < 3 ? PHRASE_WORD : PHRASE_WORD | LONG;
      }
      flags[k] = f;
    }
    for (let i = 0; i < n; i++) {
      // NOTE: a phrase never starts or ends inside a hyphenated compound ("quality data" of "high-quality data").
      if (flags[i] !== (PHRASE_WORD | LONG) || gap[i] === Gap.Join) continue;
      let pre = nid[i]!;
      const last = Math.min(n, i + 4);
      for (let j = i + 1; j < last; j++) {
        const g = gap[j]!;
        // NOTE: no stop word anywhere, so phrases stay noun-like ("token pruning", not "number of token").
        if ((g !== Gap.Space && g !== Gap.Join) || flags[j] === 0) break;
        const lastCode = nid[j]! * 2 + (g === Gap.Join ? 1 : 0);
        const pid = this.pairs.intern(pre, lastCode);
        if (pid >= this.prefix.length) this.growPhrases(pid + 1);
        const hot = this.hot;
        const h = pid * HOT;
        if (hot[h + H_WORDS] === 0) {
          this.prefix[pid] = pre;
          this.last[pid] = lastCode;
          hot[h + H_WORDS] = j - i + 1;
          this.firstRaw[pid] = rid[i]!;
          this.lastRaw[pid] = rid[j]!;
        }
        pre = -1 - pid;
        if (flags[j] !== (PHRASE_WORD | LONG) || (j + 1 < n && gap[j + 1] === Gap.Join)) continue;
        if (hot[h + H_SEEN] !== doc + 1) {
          hot[h + H_SEEN] = doc + 1;
          hot[h + H_DF]!++;
        }
        hot[h + H_OCC]!++;
        // NOTE: a content word right after (no stop word, no number) means this occurrence is the left part of a longer
        // noun phrase ("advanced multimodal" of "advanced multimodal LLMs"); see isChunk.
        const k = j + 1;
        if (k < n && gap[k] === Gap.Space && (shape[k]! & Shape.FirstDigit) === 0) {
          const v = fn[nid[k]!]!;
          if (v === 2 || (v === 0 && !lex.is(FUNCTION_WORDS, nid[k]!))) hot[h + H_RUN_ON]!++;
          else {
            const d = det[nid[k]!]!;
            if (d === 1 || (d === 0 && lex.is(DETERMINER, nid[k]!))) hot[h + H_THEN_DET]!++;
          }
        }
        // NOTE: after a determiner or a content word ("the denoising process", "intermediate reasoning steps") the
        // phrase is a noun phrase; a gerund with its object comes after a preposition ("by projecting gradients").
        if (i > 0 && gap[i] === Gap.Space && (shape[i - 1]! & Shape.FirstDigit) === 0) {
          const p = nid[i - 1]!;
          const d = det[p]!;
          const f = fn[p]!;
          if (d === 1 || (d === 0 && lex.is(DETERMINER, p)) || f === 2 || (f === 0 && !lex.is(FUNCTION_WORDS, p))) hot[h + H_NOUN]!++;
        }
        let o = this.occLen;
        if (o + 3 > this.occ.length) this.occ = grow(this.occ, o + 3);
        const occ = this.occ;
        occ[o++] = pid;
        // NOTE: strings are shorter than 2^30, so start * 2 + field fits an int32.
        occ[o++] = start[i]! * 2 + field;
        occ[o++] = end[j]!;
        this.occLen = o;
      }
    }
  }

  /** Closes the current paper. */
  endPaper(): void {
    this.paperStart.push(this.occLen);
  }

  private growPhrases(size: number): void {
    this.prefix = grow(this.prefix, size);
    this.last = grow(this.last, size);
    this.firstRaw = grow(this.firstRaw, size);
    this.lastRaw = grow(this.lastRaw, size);
    this.hot = grow(this.hot, this.prefix.length * HOT);
  }

  /** The phrase as written in keys: words joined by " " or "-" as in the text where it was first seen. */
  key(pid: number): string {
    if (this.keys.length < this.pairs.size) this.keys = this.keys.concat(new Array<undefined>(this.pairs.size - this.keys.length).fill(undefined));
    let k = this.keys[pid];
    if (k === undefined) {
      const pre = this.prefix[pid]!;
      const last = this.last[pid]!;
      const head = pre >= 0 ? this.lex.norms[pre]! : this.key(-1 - pre);
      k = head + (last & 1 ? '-' : ' ') + this.lex.norms[last >> 1]!;
      this.keys[pid] = k;
    }
    return k;
  }

  /** Occurrences of paper `doc` are at o = occFrom(doc), o + 3, … below occTo(doc): occ[o] phrase id, then start * 2 + field, end. */
  occFrom(doc: number): number {
    return this.paperStart[doc]!;
  }

  occTo(doc: number): number {
    return this.paperStart[doc + 1]!;
  }

  get occurrences(): Int32Array {
    return this.occ;
  }

  /** Number of distinct candidate phrases seen. */
  get phraseCount(): number {
    return this.pairs.size;
  }

  /**
   * Ends counting: phrases in fewer than minPapers papers, or in more than maxShare of them, are left out of the scores.
   */
  finish(minPapers: number, maxShare: number): void {
    this.minDf = minPapers;
    this.maxDf = Math.max(minPapers, Math.floor(maxShare * this.papers));
    this.scoredAt = new Int32Array(this.pairs.size);
    this.chunk = new Uint8Array(this.pairs.size);
    this.scoreCache = new Float64Array(this.pairs.size).fill(NaN);
  }

  /**
   * True when the tagger reads the phrase, as first written, as a noun-phrase chunk that is not a quantity.
   * NOTE: asked only for phrases about to be chosen for a paper, once each, so its cost follows the distinct phrases
   * chosen, not the text.
   */
  isChunk(pid: number): boolean {
    if (this.chunk[pid] === 0) this.decideChunks([pid]);
    return this.chunk[pid] === 1;
  }

  /** Decides isChunk for phrases not decided yet; the tagger reads the ones that pass the corpus cues in one call. */
  private decideChunks(pids: readonly number[]): void {
    const ask: number[] = [];
    for (const pid of pids) {
      if (this.chunk[pid] !== 0) continue;
      // NOTE: a phrase that nearly always runs on into a further word is a modifier, not a term of its own (c-value's
      // nested-phrase discount, made a cut): "advanced multimodal", "long-horizon", "next-generation".
      const modifier = this.hot[pid * HOT + H_RUN_ON]! >= RUN_ON_SHARE * this.hot[pid * HOT + H_OCC]!;
      // NOTE: a noun phrase is seldom followed right away by a determiner, a verb is ("findings highlight the …"),
      // which the tagger, given the phrase alone, cannot see.
      const verbal = this.hot[pid * HOT + H_THEN_DET]! >= DETERMINER_SHARE * this.hot[pid * HOT + H_OCC]!;
      if (modifier || verbal || isQuantity(this.key(pid))) this.chunk[pid] = 2;
      else {
        this.chunk[pid] = 3; // asked below; also keeps a pid listed twice from being asked twice
        ask.push(pid);
      }
    }
    if (!ask.length) return;
    const tags = tagPhrases(ask.map((pid) => this.surface(pid)));
    for (let k = 0; k < ask.length; k++) this.chunk[ask[k]!] = isNounChunkTagged(tags[k]!, this.hot[ask[k]! * HOT + H_NOUN]! > 0) ? 1 : 2;
  }

  /**
   * Decides isChunk at once for the few best candidates (by score) of each paper in [fromDoc, toDoc): those the
   * selection will ask about, so the tagger is called once per block of papers rather than once per phrase.
   * NOTE: only a speed-up; the decisions are the same as when asked one by one.
   */
  prefetchChunks(fromDoc: number, toDoc: number, perPaper: number): void {
    const want: number[] = [];
    const top: number[] = [];
    for (let doc = fromDoc; doc < toDoc; doc++) {
      top.length = 0;
      for (let o = this.paperStart[doc]!; o < this.paperStart[doc + 1]!; o += 3) {
        const pid = this.occ[o]!;
        if (this.chunk[pid] !== 0 || top.includes(pid)) continue;
        const sc = this.cachedScore(pid);
        if (sc < 0) continue;
        // Keeps the perPaper best, best first (insertion: perPaper is small).
        let at = top.length;
        while (at > 0 && this.cachedScore(top[at - 1]!) < sc) at--;
        if (at >= perPaper) continue;
        top.splice(at, 0, pid);
        if (top.length > perPaper) top.pop();
      }
      for (const pid of top) want.push(pid);
    }
    this.decideChunks(want);
  }

  /** scoreOf(), computed once per phrase (the selection of each paper's phrases reads it many times). */
  cachedScore(pid: number): number {
    let sc = this.scoreCache[pid]!;
    if (sc !== sc) this.scoreCache[pid] = sc = this.scoreOf(pid);
    return sc;
  }

  /** The score of a phrase (score = df × ln((N + 1) / df) × log2(1 + words)), or -1 when it is too rare or too common. */
  scoreOf(pid: number): number {
    const df = this.hot[pid * HOT + H_DF]!;
    if (df < this.minDf || df > this.maxDf || isGenericPhrase(this.key(pid))) return -1;
    return Math.round(df * Math.log((this.papers + 1) / df) * Math.log2(1 + this.hot[pid * HOT + H_WORDS]!) * 1000) / 1000;
  }

  /**
   * The phrase as first written: its first and last words as written (the plural kept: "training dynamics", "findings
   * highlight"), the words between as keyed. NOTE: the tagger needs the inflection the key folds away.
   */
  surface(pid: number): string {
    const words: string[] = [];
    let p = pid;
    words.push(this.lex.raws[this.lastRaw[p]!]!, this.last[p]! & 1 ? '-' : ' ');
    for (let pre = this.prefix[p]!; pre < 0; pre = this.prefix[p]!) {
      p = -1 - pre;
      words.push(this.lex.norms[this.last[p]! >> 1]!, this.last[p]! & 1 ? '-' : ' ');
    }
    words.push(this.lex.raws[this.firstRaw[pid]!]!);
    return words.reverse().join('');
  }

  /** The scored phrase, or undefined when it is too rare or too common, or no noun-phrase chunk. */
  phrase(pid: number): MinedPhrase | undefined {
    // NOTE: the cached score is -1 exactly when the phrase is too rare, too common or generic.
    const score = this.cachedScore(pid);
    if (score < 0 || !this.isChunk(pid)) return undefined;
    const at = this.scoredAt[pid]!;
    if (at > 0) return this.scored[at - 1];
    const key = this.key(pid);
    const df = this.hot[pid * HOT + H_DF]!;
    const p: MinedPhrase = { id: slugify(key), key, label: key, df, score, kind: minedKind(key, this.evidence) };
    this.scored.push(p);
    this.scoredAt[pid] = this.scored.length;
    return p;
  }
}
