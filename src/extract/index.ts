// The extraction stage: concepts (vocabulary, patterns, acronyms, mined keyphrases) with evidence, and reported results.
import type { Paper } from '../model/paper.ts';
import {
  CONCEPT_KINDS,
  type Concept,
  type ConceptKind,
  type ConceptSource,
  type ExtractionResult,
  type PaperConcept,
  type PaperExtraction,
  type Span,
} from './types.ts';
import { resolveExtractOptions, type ExtractOptions } from './options.ts';
import { bundledVocabulary, slugify, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';
import { compileMatcher, matchVocabulary, VocabularyScan, type DictMatch, type Matcher } from './matcher.ts';
import { contextNear, showsMLContext, type Requires } from './guards.ts';
import { Lexicon, normalizeWord, Shape, Tokens } from './tokenize.ts';
import { findAcronymDefinitions } from './acronyms.ts';
import { acronymNameKind, findMultiwordNames } from './multiword.ts';
import { findHeadedLists } from './headed-lists.ts';
import { findTitleNames } from './title-names.ts';
import { bareCoreEnd, coverCode, findAtKMetrics, findStatMetrics, findPatternNames, findProposed, runKey } from './patterns.ts';
import { CorpusNames, LEARN_RULES, type LearntName } from './corpus-names.ts';
import { findResults, sentenceBounds, type FieldMentions, type Mention } from './results.ts';
import { PhraseMiner } from './mine.ts';
import { kindEvidence } from './chunk.ts';

export { ExtractOptionsSchema, DEFAULT_EXTRACT_OPTIONS, resolveExtractOptions, type ExtractOptions } from './options.ts';
export { loadVocabulary, parseVocabulary, bundledVocabulary, slugify, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';
export * from './types.ts';

export type Field = 'title' | 'abstract';
export const FIELDS: readonly Field[] = ['title', 'abstract'];

/**
 * A concept found in one paper, while it is being assembled.
 * NOTE: built with the keys in the order of PaperConcept, so the finding itself is the output (no copy per concept).
 */
export interface Finding {
  id: string;
  label: string;
  kind: ConceptKind;
  aliases: string[];
  source: ConceptSource;
  parent?: string;
  score?: number;
  spans: Span[];
}

/** What a concept is, apart from where it was seen: shared by every span that adds it. */
interface ConceptInfo {
  id: string;
  label: string;
  kind: ConceptKind;
  source: ConceptSource;
  parent?: string;
}

function newFinding(
  id: string,
  label: string,
  kind: ConceptKind,
  aliases: string[],
  source: ConceptSource,
  parent: string | undefined,
  score: number | undefined,
  span: Span,
): Finding {
  if (parent === undefined && score === undefined) return { id, label, kind, aliases, source, spans: [span] };
  if (score === undefined) return { id, label, kind, aliases, source, parent, spans: [span] };
  if (parent === undefined) return { id, label, kind, aliases, source, score, spans: [span] };
  return { id, label, kind, aliases, source, parent, score, spans: [span] };
}

export interface FieldText {
  field: Field;
  text: string;
  tokens: Tokens;
}

const matcherCache = new WeakMap<Vocabulary, Matcher>();

function matcherFor(vocab: Vocabulary): Matcher {
  let m = matcherCache.get(vocab);
  if (!m) {
    m = compileMatcher(vocab);
    matcherCache.set(vocab, m);
  }
  return m;
}

const KIND_CODE = new Map<ConceptKind, number>(CONCEPT_KINDS.map((k, i) => [k, i]));
const METRIC = KIND_CODE.get('metric')!;
const BENCHMARK = KIND_CODE.get('benchmark')!;
const DATASET = KIND_CODE.get('dataset')!;

/**
 * The findings of a run, gathered paper by paper, each paper's in the order they were first seen. Concept ids get dense
 * ints for the run (gids), so "has this paper got that concept yet" is an array read rather than a Map per paper, and
 * the per-paper state kept until the end is plain lists and typed arrays.
 */
export class RunFindings {
  /** gid → concept id. */
  readonly ids: string[] = [];
  private readonly gidOf = new Map<string, number>();
  /** gid → position in the current paper's list, valid where stamp[gid] is the current paper's stamp. */
  private slot = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private curStamp = 0;
  /** The current paper's findings. */
  list: Finding[] = [];
  /** ... and their gids. */
  gids: number[] = [];

  /** The gid of a concept id, given one now if it has none. */
  gid(id: string): number {
    let g = this.gidOf.get(id);
    if (g === undefined) {
      g = this.ids.length;
      this.ids.push(id);
      this.gidOf.set(id, g);
      if (g >= this.slot.length) {
        const slot = new Int32Array(this.slot.length * 2);
        slot.set(this.slot);
        this.slot = slot;
        const stamp = new Int32Array(this.stamp.length * 2);
        stamp.set(this.stamp);
        this.stamp = stamp;
      }
    }
    return g;
  }

  /** The gid of a concept id, or -1 when no finding of the run had it. */
  known(id: string): number {
    return this.gidOf.get(id) ?? -1;
  }

  /** Starts paper `stamp` (unique and > 0 per paper) with the findings it has already (their gids alongside). */
  begin(stamp: number, list: Finding[], gids: number[]): void {
    this.curStamp = stamp;
    this.list = list;
    this.gids = gids;
    for (let k = 0; k < gids.length; k++) {
      this.slot[gids[k]!] = k;
      this.stamp[gids[k]!] = stamp;
    }
  }

  /** True when the current paper has the concept of gid g. */
  has(g: number): boolean {
    return g >= 0 && this.stamp[g] === this.curStamp;
  }

  /**
   * Adds a span of a concept to the current paper and returns its gid; `aliases` (spellings to list first: one, or a
   * list that is copied) and `score` count only when the paper had no such concept yet.
   */
  add(c: ConceptInfo, span: Span, aliases?: string | readonly string[], score?: number): number {
    const g = this.gid(c.id);
    if (this.stamp[g] === this.curStamp) {
      this.addSpan(this.list[this.slot[g]!]!, span);
      return g;
    }
    const text = span.text;
    const fresh = text !== c.label;
    let list: string[];
    if (aliases === undefined) list = fresh ? [text] : [];
    else if (typeof aliases === 'string') list = fresh && text !== aliases ? [aliases, text] : [aliases];
    else list = fresh && !aliases.includes(text) ? aliases.concat(text) : aliases.slice();
    this.push(g, newFinding(c.id, c.label, c.kind, list, c.source, c.parent, score, span));
    return g;
  }

  /** add() for a vocabulary entry, without building the finding when the paper has it already (the hot path). */
  addEntry(e: VocabularyEntry, span: Span): number {
    const g = this.gid(e.id);
    if (this.stamp[g] === this.curStamp) {
      this.addSpan(this.list[this.slot[g]!]!, span);
      return g;
    }
    const list = span.text === e.label || e.aliases.includes(span.text) ? e.aliases.slice() : e.aliases.concat(span.text);
    this.push(g, newFinding(e.id, e.label, e.kind, list, 'vocabulary', e.parent || undefined, undefined, span));
    return g;
  }

  private push(g: number, f: Finding): void {
    this.slot[g] = this.list.length;
    this.stamp[g] = this.curStamp;
    this.list.push(f);
    this.gids.push(g);
  }

  /**
   * NOTE: the lists grow by concat(), which allocates them at their exact length: push() would leave room for 16 more
   * in every list, and most findings keep one span and a few aliases for the rest of the run.
   */
  private addSpan(cur: Finding, span: Span): void {
    const spans = cur.spans;
    let dup = false;
    for (let k = 0; k < spans.length && !dup; k++) {
      const s = spans[k]!;
      dup = s.start === span.start && s.end === span.end && s.field === span.field;
    }
    if (!dup) cur.spans = spans.concat(span);
    if (span.text !== cur.label && !cur.aliases.includes(span.text)) cur.aliases = cur.aliases.concat(span.text);
  }
}

/**
 * Concept mentions of every paper, five ints each (gid, kind code, field, start, end), kept for the results rule, which
 * runs once kinds are settled; the objects findResults() reads are made paper by paper at the end.
 */
class MentionLog {
  data = new Int32Array(1 << 14);
  len = 0;
  /** Where each paper's mentions begin (paper count + 1 entries once the run is done). */
  readonly paperStart: number[] = [0];

  push(gid: number, kind: ConceptKind, field: number, start: number, end: number): void {
    if (this.len + 5 > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const d = this.data;
    let o = this.len;
    d[o++] = gid;
    d[o++] = KIND_CODE.get(kind)!;
    d[o++] = field;
    d[o++] = start;
    d[o++] = end;
    this.len = o;
  }

  endPaper(): void {
    this.paperStart.push(this.len);
  }

  /**
   * What findResults() needs of the mentions of field `fi` of paper `wi`, kinds from `kindOf`. NOTE: only metric and
   * benchmark/dataset mentions become objects; "is this position in a mention" reads the log in place.
   */
  of(wi: number, fi: number, ids: readonly string[], kindOf: Int8Array): FieldMentions {
    const metrics: Mention[] = [];
    const benches: Mention[] = [];
    const d = this.data;
    const from = this.paperStart[wi]!;
    const to = this.paperStart[wi + 1]!;
    for (let o = from; o < to; o += 5) {
      if (d[o + 2] !== fi) continue;
      const g = d[o]!;
      const k = g < kindOf.length && kindOf[g]! >= 0 ? kindOf[g]! : d[o + 1]!;
      if (k === METRIC) metrics.push({ id: ids[g]!, kind: 'metric', start: d[o + 3]!, end: d[o + 4]! });
      else if (k === BENCHMARK || k === DATASET) benches.push({ id: ids[g]!, kind: CONCEPT_KINDS[k]!, start: d[o + 3]!, end: d[o + 4]! });
    }
    // NOTE: sorting each kind's mentions (stable) gives the order filtering all sorted mentions by kind gave.
    stableSort(metrics, byStart);
    stableSort(benches, byStart);
    const covers = (pos: number): boolean => {
      for (let o = from; o < to; o += 5) if (d[o + 2] === fi && d[o + 3]! <= pos && pos < d[o + 4]!) return true;
      return false;
    };
    return { metrics, benches, covers };
  }
}

function spanOf(ft: FieldText, from: number, to: number, rule: string): Span {
  const start = ft.tokens.start[from]!;
  const end = ft.tokens.end[to - 1]!;
  // NOTE: a one-token span's text is the lexicon's string of that spelling: no new string per span.
  return { field: ft.field, start, end, text: to - from === 1 ? ft.tokens.raw(from) : ft.text.slice(start, end), rule };
}

function compareSpans(a: Span, b: Span): number {
  return a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'title' ? -1 : 1;
}

/** The finding as output: its spans in text order (a finding already has the keys of a PaperConcept, in order). */
function toPaperConcept(f: Finding): PaperConcept {
  const spans = f.spans;
  let sorted = true;
  for (let k = 1; k < spans.length && sorted; k++) sorted = compareSpans(spans[k - 1]!, spans[k]!) <= 0;
  if (!sorted) stableSort(spans, compareSpans);
  return f;
}

function firstPos(c: PaperConcept): number {
  const s = c.spans[0]!;
  return (s.field === 'title' ? 0 : 1e9) + s.start;
}

function byFirstPos(a: PaperConcept, b: PaperConcept): number {
  return firstPos(a) - firstPos(b) || (a.id < b.id ? -1 : 1);
}

function byStart(a: Mention, b: Mention): number {
  return a.start - b.start;
}

/**
 * xs.sort(cmp), in place: the same order (both are stable). NOTE: a paper's lists are short, and insertion sort on them
 * allocates nothing, where every Array#sort call allocates its merge state (about a kilobyte).
 */
function stableSort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > 32) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(xs[j]!, x) > 0) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

/** The state of the first pass for the current paper: one record, refilled paper after paper (tokens are scratch too). */
interface PaperPass {
  found: RunFindings;
  mentions: MentionLog;
  fields: FieldText[];
  covered: Uint8Array[];
  own: Set<string>;
  /** Whether the paper shows machine-learning context (guards.ts): -1 not asked yet, 0 no, 1 yes. */
  ml: number;
  /** The paper's index in the run and its id. */
  wi: number;
  paperId: string;
  /** Names learnt across the corpus (corpus-names.ts). */
  corpus: CorpusNames;
  /** slugify() remembered for the run: the same labels come back paper after paper. */
  slug: (label: string) => string;
}

/** slugify() with a memo for one run. */
function memoSlugify(): (label: string) => string {
  const memo = new Map<string, string>();
  return (label) => {
    let id = memo.get(label);
    if (id === undefined) memo.set(label, (id = slugify(label)));
    return id;
  };
}

const METRIC_HEADS = /(rate|score|error|accuracy|distance|ratio|loss|perplexity|precision|recall|similarity|time)$/i;
const DATA_HEADS = /(benchmark|bench|dataset|db|database|corpus|leaderboard)$/i;

function guessAcronymKind(long: string): ConceptKind {
  if (METRIC_HEADS.test(long)) return 'metric';
  if (DATA_HEADS.test(long)) return 'dataset';
  return 'method';
}

function addMention(pp: PaperPass, fi: number, gid: number, kind: ConceptKind, from: number, to: number): void {
  const ft = pp.fields[fi]!;
  pp.mentions.push(gid, kind, fi, ft.tokens.start[from]!, ft.tokens.end[to - 1]!);
  pp.covered[fi]!.fill(coverCode(kind), from, to);
}

const RELEASE_CUE = /\b(available|release[sd]?|releasing|open-sourced?|github|https?:|upon acceptance|publicly|supplementary)\b/gi;

/**
 * The sentences that say what is released ("The code is available at https://…", "We release all tokenizers and
 * code"), as [from, to) pairs: there "code", "audio samples", "video demos" name artefacts, not what the paper works on.
 * NOTE: one pass of the cue over the text, asked only for a field with a modality match.
 */
function releaseSentences(text: string): number[] {
  const out: number[] = [];
  RELEASE_CUE.lastIndex = 0;
  for (let m = RELEASE_CUE.exec(text); m !== null; m = RELEASE_CUE.exec(text)) {
    const [from, to] = sentenceBounds(text, m.index);
    out.push(from, to);
    RELEASE_CUE.lastIndex = Math.max(RELEASE_CUE.lastIndex, to);
  }
  return out;
}

function inRanges(ranges: number[], start: number, end: number): boolean {
  for (let k = 0; k < ranges.length; k += 2) if (start >= ranges[k]! && end <= ranges[k + 1]!) return true;
  return false;
}

const NAME_KINDS: ReadonlySet<ConceptKind> = new Set(['benchmark', 'dataset', 'model', 'metric']);
/** Mixed case, two capitals or a digit with letters: a name by its shape, safe to learn across papers. */
const NAME_SHAPE = /[a-z][A-Z]|[A-Z]{2}|[A-Za-z]\d|\d[A-Za-z]/;
/** "INterleaved": the capitals of an acronym's source, not a name. */
const MNEMONIC = /^[A-Z]{2}[a-z]{3,}$/;

/** True when the paper shows machine-learning context (asked once per paper, only when a guard needs it). */
function paperIsML(pp: PaperPass): boolean {
  if (pp.ml < 0) pp.ml = showsMLContext([pp.fields[0]!.tokens, pp.fields[1]!.tokens]) ? 1 : 0;
  return pp.ml === 1;
}

function requiresHold(pp: PaperPass, ft: FieldText, m: DictMatch, r: Requires): boolean {
  if (r.field === 'ml' && !paperIsML(pp)) return false;
  return r.context === undefined || contextNear(ft.tokens, m.from, m.to, r.context, r.window);
}

/** Sense guards: the matches of entries whose "requires" does not hold here are dropped (a copy only when one is). */
function guarded(pp: PaperPass, ft: FieldText, ms: DictMatch[]): DictMatch[] {
  let out: DictMatch[] | undefined;
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k]!;
    const ok = m.entry.requires === undefined || requiresHold(pp, ft, m, m.entry.requires);
    if (!ok && out === undefined) out = ms.slice(0, k);
    else if (ok && out !== undefined) out.push(m);
  }
  return out ?? ms;
}

/** Vocabulary matches, with acronyms defined in the paper taking over their short forms. */
function conceptsOfPaper(pp: PaperPass, scan: VocabularyScan, opts: ExtractOptions): void {
  const { found, own } = pp;
  const lex = scan.lex;
  // Acronyms defined in the paper, by the norm id of the short form (-1: no token of the run has that key).
  const defKeys: string[] = [];
  const defNids: number[] = [];
  const defs: ConceptInfo[] = [];
  const defOf = (nid: number): ConceptInfo | undefined => {
    for (let k = 0; k < defNids.length; k++) if (defNids[k] === nid) return defs[k];
    return undefined;
  };
  const found0 = pp.fields.map((ft) => matchVocabulary(scan, ft.tokens));
  // An unambiguous name of the field ("OCRBench", "GPT-4o": an entry without a guard) is ML context by itself.
  if (pp.ml < 0 && found0.some((ms) => ms.some((m) => m.entry.requires === undefined && NAME_KINDS.has(m.entry.kind)))) pp.ml = 1;
  const matches = pp.fields.map((ft, fi) => guarded(pp, ft, found0[fi]!));
  if (opts.acronyms) {
    for (let fi = 0; fi < pp.fields.length; fi++) {
      const ft = pp.fields[fi]!;
      for (const d of findAcronymDefinitions(ft.text, ft.tokens)) {
        // The long form ends where a vocabulary match ends: "attack success rate (ASR)" is the metric.
        const m = matches[fi]!.find((x) => x.to === d.longTo && x.from >= d.longFrom);
        const shortKey = normalizeWord(d.short);
        if (defKeys.includes(shortKey)) continue;
        let def: ConceptInfo | undefined;
        if (m && (m.from === d.longFrom || m.to - m.from > 1)) {
          const e = m.entry;
          def = e.parent
            ? { id: e.id, label: e.label, kind: e.kind, source: 'vocabulary', parent: e.parent }
            : { id: e.id, label: e.label, kind: e.kind, source: 'vocabulary' };
        } else if (!matches[fi]!.some((x) => x.from === d.longFrom && x.to === d.longTo)) {
          const label = ft.text.slice(ft.tokens.start[d.longFrom]!, ft.tokens.end[d.longTo - 1]!);
          // "Street View House Numbers (SVHN)": a data set's name by its context or the vocabulary's reading of SVHN.
          const sm = own.has(shortKey) ? undefined : matches[fi]!.find((x) => x.from === d.shortAt && x.to === d.shortAt + 1);
          const named = own.has(shortKey) ? undefined : acronymNameKind(ft.text, ft.tokens, d.longFrom, d.longTo, sm?.entry.kind);
          let kind = own.has(shortKey) ? 'method' : (named ?? guessAcronymKind(label));
          // Sense guard: "discrete self-similarity (DSS)" of a physics paper is no metric.
          if (kind === 'metric' && !paperIsML(pp)) kind = 'method';
          def =
            named && sm && (sm.entry.kind === 'benchmark' || sm.entry.kind === 'dataset')
              ? { id: sm.entry.id, label: sm.entry.label, kind: sm.entry.kind, source: 'vocabulary' }
              : { id: pp.slug(label), label, kind, source: 'acronym' };
          const g = found.add(def, spanOf(ft, d.longFrom, d.longTo, 'acronym:long-form'), d.short);
          addMention(pp, fi, g, kind, d.longFrom, d.longTo);
        }
        if (def) {
          defKeys.push(shortKey);
          defNids.push(lex.normId(shortKey));
          defs.push(def);
        }
      }
    }
  }
  for (let fi = 0; fi < pp.fields.length; fi++) {
    const ft = pp.fields[fi]!;
    const tokens = ft.tokens;
    let release: number[] | undefined;
    for (const m of matches[fi]!) {
      if (m.entry.kind === 'modality') {
        release ??= releaseSentences(ft.text);
        if (inRanges(release, tokens.start[m.from]!, tokens.end[m.to - 1]!)) continue;
      }
      const single = m.to - m.from === 1 && defs.length > 0 ? defOf(tokens.nid[m.from]!) : undefined;
      if (single) {
        const g = found.add(single, spanOf(ft, m.from, m.to, 'acronym:use'), tokens.raw(m.from));
        addMention(pp, fi, g, single.kind, m.from, m.to);
      } else {
        const g = found.addEntry(m.entry, spanOf(ft, m.from, m.to, m.rule));
        addMention(pp, fi, g, m.entry.kind, m.from, m.to);
      }
    }
    if (defs.length === 0) continue;
    // Uses of a defined acronym the vocabulary does not know ("HICom", "DAP").
    const covered = pp.covered[fi]!;
    for (let i = 0; i < tokens.n; i++) {
      if (covered[i]) continue;
      const d = defOf(tokens.nid[i]!);
      if (!d || (tokens.shape[i]! & Shape.Lower) !== 0) continue;
      const g = found.add(d, spanOf(ft, i, i + 1, 'acronym:use'), tokens.raw(i));
      addMention(pp, fi, g, d.kind, i, i + 1);
    }
  }
}

/** Names recognised from their use; the paper's own system names are not models of other work. */
function patternsOfPaper(pp: PaperPass, vocabIds: Map<string, VocabularyEntry>): void {
  const { found, own: proposed } = pp;
  for (let fi = 0; fi < pp.fields.length; fi++) {
    const ft = pp.fields[fi]!;
    const tokens = ft.tokens;
    // Bare name runs, for the corpus pass: not the paper's own names, and only in a paper that reads as ML.
    const bare = (from: number, to: number): void => {
      const key = runKey(tokens, from, to);
      if (proposed.has(key) || !paperIsML(pp)) return;
      const core = bareCoreEnd(tokens, from, to);
      pp.corpus.bare(pp.wi, fi, tokens.start[from]!, tokens.end[to - 1]!, key, core === to ? key : runKey(tokens, from, core));
    };
    const hits = findPatternNames(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', bare);
    // "Cons@5", "nDCG@10": metrics by their shape (NOTE: a cheap scan; most fields have no "@").
    if (ft.text.includes('@')) hits.push(...findAtKMetrics(ft.text, tokens, pp.covered[fi]!));
    // "Kendall's tau", "P95 latency": metrics by a shape of words.
    hits.push(...findStatMetrics(ft.text, tokens, pp.covered[fi]!));
    findMultiwordNames(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', hits);
    findHeadedLists(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', hits);
    findTitleNames(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', hits);
    for (const h of hits) {
      const key = runKey(ft.tokens, h.from, h.to);
      const core = runKey(ft.tokens, h.from, h.coreTo);
      const own = proposed.has(key) || proposed.has(core);
      if (own && (h.kind === 'model' || !h.explicit)) continue;
      // Sense guard: outside machine learning "on NP", "outperforms CO5BOLD" name no benchmark or model; a name the
      // context types outright ("the Gaia dataset") still counts.
      if (!h.explicit && !paperIsML(pp)) continue;
      const label = h.label ?? ft.text.slice(ft.tokens.start[h.from]!, ft.tokens.end[h.coreTo - 1]!);
      let id = pp.slug(label);
      if (id === '') continue;
      let known = vocabIds.get(id);
      // "FIDs of 1.01": the plural of a known name is that name.
      if (!known && id.endsWith('s') && (known = vocabIds.get(id.slice(0, -1)))) id = known.id;
      const g = known
        ? found.add({ id, label: known.label, kind: known.kind, source: 'vocabulary' }, spanOf(ft, h.from, h.to, h.rule), known.aliases)
        : found.add({ id, label, kind: h.kind, source: 'pattern' }, spanOf(ft, h.from, h.to, h.rule));
      // A name typed outright here types its bare mentions elsewhere (a name-shaped one: "Qwen3-VL", not "Harmon").
      if (!known && !own && LEARN_RULES.has(h.rule) && NAME_SHAPE.test(label) && !MNEMONIC.test(label)) {
        pp.corpus.learn(core, { id, label, kind: h.kind, paper: pp.wi, paperId: pp.paperId });
      }
      addMention(pp, fi, g, known ? known.kind : h.kind, h.from, h.to);
    }
  }
}

/**
 * Extracts the concepts of each paper, with the spans that support them, and the results they report.
 * Synchronous and deterministic: the same papers and options give the same output.
 */
export function extract(papers: Paper[], options: Partial<ExtractOptions> = {}): ExtractionResult {
  const opts = resolveExtractOptions(options);
  const vocab = opts.vocabulary ?? bundledVocabulary();
  const matcher = matcherFor(vocab);
  // NOTE: one lexicon per run, so token ids and their memos die with the run.
  const lex = new Lexicon();
  const scan = new VocabularyScan(matcher, lex);
  const miner = opts.mine ? new PhraseMiner(lex, kindEvidence(vocab.concepts)) : undefined;
  const scratch = [new Tokens(lex), new Tokens(lex)] as const;
  let coverScratch = [new Uint8Array(1024), new Uint8Array(1024)];
  const slug = memoSlugify();
  const found = new RunFindings();
  // NOTE: vocabulary ids take the first gids, so "gid < vocabGids" is "the vocabulary has this id".
  for (const e of vocab.concepts) found.gid(e.id);
  const vocabGids = found.ids.length;
  const mentions = new MentionLog();
  /** Per paper: its findings, in the order first seen; the gids of the first pass's, back to back in `paperGids`. */
  const lists: Finding[][] = [];
  let paperGids = new Int32Array(1 << 14);
  const gidStart: number[] = [0];
  const list: Finding[] = [];
  const gids: number[] = [];
  // NOTE: the fields' records (like their tokens and coverage) are scratch, reused paper after paper.
  const title: FieldText = { field: 'title', text: '', tokens: scratch[0] };
  const abstract: FieldText = { field: 'abstract', text: '', tokens: scratch[1] };
  const corpus = new CorpusNames();
  const pp: PaperPass = { found, mentions, fields: [title, abstract], covered: coverScratch, own: new Set(), ml: -1, wi: 0, paperId: '', corpus, slug };
  for (let wi = 0; wi < papers.length; wi++) {
    const paper = papers[wi]!;
    title.text = paper.title;
    title.tokens.fill(paper.title);
    abstract.text = paper.abstract;
    abstract.tokens.fill(paper.abstract);
    if (coverScratch[0]!.length < title.tokens.n || coverScratch[1]!.length < abstract.tokens.n) {
      coverScratch = [
        new Uint8Array(Math.max(title.tokens.n, 2 * coverScratch[0]!.length)),
        new Uint8Array(Math.max(abstract.tokens.n, 2 * coverScratch[1]!.length)),
      ];
      pp.covered = coverScratch;
    }
    list.length = 0;
    gids.length = 0;
    found.begin(wi + 1, list, gids);
    pp.own = findProposed(title.text, title.tokens, abstract.text, abstract.tokens);
    pp.ml = -1;
    pp.wi = wi;
    pp.paperId = paper.id;
    conceptsOfPaper(pp, scan, opts);
    if (opts.patterns) patternsOfPaper(pp, matcher.byId);
    if (miner) {
      miner.add(0, title.tokens, coverScratch[0]!);
      miner.add(1, abstract.tokens, coverScratch[1]!);
      miner.endPaper();
    }
    coverScratch[0]!.fill(0, 0, title.tokens.n);
    coverScratch[1]!.fill(0, 0, abstract.tokens.n);
    mentions.endPaper();
    // NOTE: copied at their exact length, as they live until the end of the run.
    lists.push(list.slice());
    const at = gidStart[wi]!;
    if (at + gids.length > paperGids.length) {
      const next = new Int32Array(Math.max(2 * paperGids.length, at + gids.length));
      next.set(paperGids);
      paperGids = next;
    }
    for (let k = 0; k < gids.length; k++) paperGids[at + k] = gids[k]!;
    gidStart.push(at + gids.length);
  }
  const run: RunState = { found, lists, paperGids, gidStart, vocabGids, minedGids: [] };
  if (opts.patterns) typeAcrossCorpus(papers, run, corpus);
  const kindOf = harmoniseKinds(run);
  if (miner) mineKeyphrases(papers, run, miner, opts, matcher.byId);
  const perPaper: PaperExtraction[] = papers.map((paper, wi) => {
    const concepts = stableSort(lists[wi]!.map(toPaperConcept), byFirstPos);
    const results = opts.results
      ? FIELDS.flatMap((field, fi) => {
          const text = fi === 0 ? paper.title : paper.abstract;
          // NOTE: every result has a number; most titles have none, and their mentions need not be made (abstracts
          // nearly all have one, and are not searched for it).
          return fi === 0 && !HAS_DIGIT.test(text) ? [] : findResults(field, text, mentions.of(wi, fi, found.ids, kindOf));
        })
      : [];
    return { id: paper.id, title: paper.title, concepts, results };
  });
  return { papers: perPaper, concepts: collectConcepts(run) };
}

/**
 * The corpus pass: each bare mention of a name another paper typed outright joins its paper's findings, with the span
 * rule "corpus:typed-by <paper id>". NOTE: linear: the bare log is in paper order, each paper's gid range is rebuilt
 * once; results do not see these mentions (they are settled per paper in the first pass's mention log).
 */
function typeAcrossCorpus(papers: Paper[], run: RunState, corpus: CorpusNames): void {
  const { found, lists, gidStart } = run;
  const extra = new Map<number, number[]>();
  let cur = -1;
  let gids: number[] = [];
  corpus.resolve((wi, fi, start, end, name: LearntName) => {
    if (wi !== cur) {
      cur = wi;
      gids = [];
      for (let k = gidStart[wi]!; k < gidStart[wi + 1]!; k++) gids.push(run.paperGids[k]!);
      found.begin(wi + 1, lists[wi]!, gids);
      extra.set(wi, gids);
    }
    const text = fi === 0 ? papers[wi]!.title : papers[wi]!.abstract;
    const span: Span = { field: FIELDS[fi]!, start, end, text: text.slice(start, end), rule: `corpus:typed-by ${name.paperId}` };
    found.add({ id: name.id, label: name.label, kind: name.kind, source: 'pattern' }, span);
  });
  if (extra.size === 0) return;
  let total = 0;
  for (let wi = 0; wi < lists.length; wi++) total += extra.get(wi)?.length ?? gidStart[wi + 1]! - gidStart[wi]!;
  const next = new Int32Array(Math.max(total, 1));
  const starts: number[] = [0];
  let at = 0;
  for (let wi = 0; wi < lists.length; wi++) {
    const more = extra.get(wi);
    if (more) for (const g of more) next[at++] = g;
    else for (let k = gidStart[wi]!; k < gidStart[wi + 1]!; k++) next[at++] = run.paperGids[k]!;
    starts.push(at);
  }
  run.paperGids = next;
  run.gidStart = starts;
}

/** What the first pass leaves for the corpus-wide steps. */
interface RunState {
  found: RunFindings;
  /** Per paper, its findings. */
  lists: Finding[][];
  /** The gids of paper wi's first-pass findings are paperGids[gidStart[wi] .. gidStart[wi + 1]). */
  paperGids: Int32Array;
  gidStart: number[];
  /** gids below this are vocabulary ids. */
  vocabGids: number;
  /** Per paper, the gids of the findings mining added (after the first pass's in its list), if any. */
  minedGids: Array<number[] | undefined>;
}

const HAS_DIGIT = /\d/;

const KIND_ORDER: readonly ConceptKind[] = ['benchmark', 'dataset', 'model', 'metric', 'method', 'task', 'modality', 'topic'];

/**
 * A name seen as a benchmark in one paper and a model in another gets one kind (the most frequent), so ids stay unique
 * across kinds. Returns, per gid, the code of the kind chosen (-1: unchanged), for the mentions.
 */
function harmoniseKinds(run: RunState): Int8Array {
  const { lists, paperGids, gidStart, vocabGids } = run;
  const votes = new Map<number, Map<ConceptKind, number>>();
  for (let wi = 0; wi < lists.length; wi++) {
    const list = lists[wi]!;
    const from = gidStart[wi]!;
    for (let k = 0; k < list.length; k++) {
      const g = paperGids[from + k]!;
      if (g < vocabGids) continue;
      const f = list[k]!;
      let v = votes.get(g);
      if (!v) votes.set(g, (v = new Map()));
      v.set(f.kind, (v.get(f.kind) ?? 0) + 1);
    }
  }
  const kindOf = new Int8Array(run.found.ids.length).fill(-1);
  let changed = false;
  for (const [g, v] of votes) {
    if (v.size < 2) continue;
    let best: ConceptKind = 'method';
    let bestN = -1;
    for (const k of KIND_ORDER) if ((v.get(k) ?? 0) > bestN) [best, bestN] = [k, v.get(k) ?? 0];
    kindOf[g] = KIND_CODE.get(best)!;
    changed = true;
  }
  if (!changed) return kindOf;
  for (let wi = 0; wi < lists.length; wi++) {
    const list = lists[wi]!;
    const from = gidStart[wi]!;
    for (let k = 0; k < list.length; k++) {
      const c = kindOf[paperGids[from + k]!]!;
      if (c >= 0) list[k]!.kind = CONCEPT_KINDS[c]!;
    }
  }
  return kindOf;
}

/** Papers whose best mined candidates are sent to the tagger together. */
const CHUNK_BLOCK = 512;

/** Recurring phrases across the corpus, added to each paper where they are among its most distinctive. */
function mineKeyphrases(papers: Paper[], run: RunState, miner: PhraseMiner, opts: ExtractOptions, vocabIds: Map<string, VocabularyEntry>): void {
  if (opts.minedPerPaper === 0) return;
  miner.finish(opts.minedMinPapers, opts.minedMaxShare);
  const { found, lists, paperGids, gidStart } = run;
  // gids used by other concepts, so mined ids never collide across kinds
  const taken = new Uint8Array(found.ids.length);
  for (let k = 0; k < gidStart[lists.length]!; k++) taken[paperGids[k]!] = 1;
  const occ = miner.occurrences;
  // NOTE: per phrase id, its score (NaN: not computed yet; -1: too rare or too common) and the last paper that listed
  // it, so each paper's candidates are gathered in typed arrays and only the chosen few become objects.
  const scores = new Float64Array(miner.phraseCount).fill(NaN);
  const stamp = new Int32Array(miner.phraseCount).fill(-1);
  let cands = new Int32Array(256);
  for (let wi = 0; wi < papers.length; wi++) {
    // NOTE: the tagger's verdicts on the best candidates of the next papers, in one call (see prefetchChunks).
    if (wi % CHUNK_BLOCK === 0) miner.prefetchChunks(wi, Math.min(papers.length, wi + CHUNK_BLOCK), opts.minedPerPaper + 2);
    const paper = papers[wi]!;
    const from = miner.occFrom(wi);
    const to = miner.occTo(wi);
    let n = 0;
    for (let o = from; o < to; o += 3) {
      const pid = occ[o]!;
      if (stamp[pid] === wi) continue;
      stamp[pid] = wi;
      let sc = scores[pid]!;
      if (sc !== sc) scores[pid] = sc = miner.scoreOf(pid);
      if (sc < 0) continue;
      if (n === cands.length) {
        const next = new Int32Array(n * 2);
        next.set(cands);
        cands = next;
      }
      cands[n++] = pid;
    }
    const chosen: string[] = [];
    // NOTE: the paper's findings are looked up only when a candidate gets that far.
    let begun = false;
    // Best first (score, then key); NOTE: picking the next best each time is cheaper than sorting, as only a few are taken.
    for (let left = n; left > 0 && chosen.length < opts.minedPerPaper; left--) {
      let bi = 0;
      for (let k = 1; k < left; k++) {
        const a = scores[cands[k]!]!;
        const b = scores[cands[bi]!]!;
        if (a > b || (a === b && miner.key(cands[k]!) < miner.key(cands[bi]!))) bi = k;
      }
      const pid = cands[bi]!;
      cands[bi] = cands[left - 1]!;
      const phrase = miner.phrase(pid);
      // NOTE: undefined when the tagger reads it as no noun phrase; the next best candidate is tried instead.
      if (!phrase) continue;
      if (chosen.some((k) => k.includes(phrase.key) || phrase.key.includes(k))) continue;
      const id = phrase.id;
      if (vocabIds.has(id)) continue;
      if (!begun) {
        begun = true;
        const gids: number[] = [];
        for (let k = gidStart[wi]!; k < gidStart[wi + 1]!; k++) gids.push(paperGids[k]!);
        found.begin(wi + 1, lists[wi]!, gids);
        run.minedGids[wi] = found.gids;
      }
      const g = found.known(id);
      if (g >= 0 && g < taken.length && taken[g] === 1 && !found.has(g)) continue;
      chosen.push(phrase.key);
      const info: ConceptInfo = { id, label: phrase.label, kind: phrase.kind, source: 'mined' };
      for (let o = from; o < to; o += 3) {
        if (occ[o] !== pid) continue;
        const fi = occ[o + 1]! & 1;
        const start = occ[o + 1]! >> 1;
        const end = occ[o + 2]!;
        const span: Span = { field: FIELDS[fi]!, start, end, text: (fi === 0 ? paper.title : paper.abstract).slice(start, end), rule: 'mined' };
        found.add(info, span, undefined, phrase.score);
      }
    }
  }
}

/** Every concept found, sorted by id, with the aliases seen in any paper. */
function collectConcepts(run: RunState): Concept[] {
  const { found, lists, paperGids, gidStart, minedGids } = run;
  // NOTE: `last` is the alias list of the concept's previous paper, all of it in the set: most lists begin with the
  // same vocabulary aliases (the very same strings), which are passed over by comparing references.
  const all: Array<{ concept: Concept; aliases: Set<string>; last: readonly string[] } | undefined> = new Array(found.ids.length);
  for (let wi = 0; wi < lists.length; wi++) {
    const list = lists[wi]!;
    const from = gidStart[wi]!;
    const firstPass = gidStart[wi + 1]! - from;
    const mined = minedGids[wi];
    // NOTE: a paper has one finding per concept, so the order within the paper does not matter here, only paper order.
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      const g = k < firstPass ? paperGids[from + k]! : mined![k]!;
      const cur = all[g];
      if (!cur) {
        const { spans: _spans, ...concept } = c;
        const aliases = [...c.aliases];
        all[g] = { concept: { ...concept, aliases }, aliases: new Set(aliases), last: c.aliases };
      } else {
        // NOTE: a Set beside the list, as popular concepts gather many spellings across a corpus.
        const aliasList = c.aliases;
        const last = cur.last;
        for (let j = 0; j < aliasList.length; j++) {
          const a = aliasList[j]!;
          if ((j < last.length && last[j] === a) || cur.aliases.has(a)) continue;
          cur.aliases.add(a);
          cur.concept.aliases.push(a);
        }
        cur.last = aliasList;
      }
    }
  }
  const out: Concept[] = [];
  for (const r of all) if (r) out.push(r.concept);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
