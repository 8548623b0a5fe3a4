// The first pass over one paper: vocabulary matches, acronyms, sense guards and names by their use, with their mentions.
import type { ConceptKind } from './types.ts';
import type { ExtractOptions } from './options.ts';
import { slugify, type VocabularyEntry } from './vocabulary.ts';
import { matchVocabulary, type DictMatch, type VocabularyScan } from './matcher.ts';
import { contextNear, showsMLContext, type Requires } from './guards.ts';
import { Gap, type Tokens } from './tokenize.ts';
import { normalizeWord, Shape, wordTest } from './lexicon.ts';
import { findAcronymDefinitions } from './acronyms.ts';
import { acronymNameKind, findMultiwordNames } from './multiword.ts';
import { findEnumeratedMetrics, findHeadedLists } from './headed-lists.ts';
import { findTitleNames } from './title-names.ts';
import { findMetricNames, metricHeadAfterAcronym, reportedStatistic } from './metric-rules.ts';
import { bareCoreEnd, coverCode, describedAfter, findAtKMetrics, typedAfterName, findStatMetrics, findPatternNames, runKey } from './patterns.ts';
import { LEARN_RULES, type CorpusNames } from './corpus-names.ts';
import { sentenceBounds } from './results.ts';
import { spanOf, type ConceptInfo, type FieldText, type MentionLog, type RunFindings } from './findings.ts';

/** The state of the first pass for the current paper: one record, refilled paper after paper (tokens are scratch too). */
export interface PaperPass {
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
  /** The field patternsOfPaper() is at, and its callback for bare name runs (made once per run). */
  fi: number;
  bare?: (from: number, to: number) => void;
}

/** slugify() with a memo for one run. */
export function memoSlugify(): (label: string) => string {
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
 * NOTE: asked only for a field with a modality match; the cue's regex is run only from the tokens that can hold a match
 * (see nextCueToken), not over the whole text.
 */
function releaseSentences(text: string, tokens: Tokens): number[] {
  const out: number[] = [];
  RELEASE_CUE.lastIndex = 0;
  let c = nextCueToken(tokens, 0, -1);
  while (c >= 0) {
    // NOTE: a match starts at most 5 characters before its cue token ("upon acceptance", "open-source"), and none
    // starts before that (every token before c ends before lastIndex), so no match is skipped.
    RELEASE_CUE.lastIndex = Math.max(RELEASE_CUE.lastIndex, tokens.start[c]! - CUE_LEAD);
    const m = RELEASE_CUE.exec(text);
    if (m === null) break;
    const [from, to] = sentenceBounds(text, m.index);
    out.push(from, to);
    RELEASE_CUE.lastIndex = Math.max(RELEASE_CUE.lastIndex, to);
    c = nextCueToken(tokens, c, RELEASE_CUE.lastIndex);
  }
  return out;
}

/** Characters a match of RELEASE_CUE may begin before its cue token (5: "upon " / "open-"), with room to spare. */
const CUE_LEAD = 16;

/**
 * Keys that hold a release cue's letters: every match of RELEASE_CUE has its word ("available", "releas…", "source",
 * "github", "http", "acceptance", "publicly", "supplementary": ASCII letters, so inside one token) in such a token.
 * NOTE: one memo load per token, as most fields with a modality state no release.
 */
const RELEASE_WORD = wordTest('norm', (w) => /available|releas|source|github|http|acceptance|publicly|supplementary/.test(w));

/** The first token at or after `from` that ends after `after` and holds a release cue's letters, or -1. */
function nextCueToken(tokens: Tokens, from: number, after: number): number {
  const { lex, nid, n, end } = tokens;
  const memo = lex.memo(RELEASE_WORD);
  for (let i = from; i < n; i++) {
    if (end[i]! <= after) continue;
    const v = memo[nid[i]!]!;
    if (v === 1 || (v === 0 && lex.is(RELEASE_WORD, nid[i]!))) return i;
  }
  return -1;
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
  if (r.field === 'ml' && !paperIsML(pp) && !distinctDataName(ft, m)) return false;
  return r.context === undefined || contextNear(ft.tokens, m.from, m.to, r.context, r.window);
}

/** Data-set nouns whose nearness lets a distinctively written open-list name fire outside ML (distinctDataName). */
const DATA_CUES: ReadonlySet<string> = new Set(['dataset', 'corpus', 'corpora', 'benchmark']);
/** One word, a capital after its first letter and a lower-case letter: "DBpedia", "ImageNet", not "MNIST" or "Reuters". */
const DISTINCT_NAME = /^[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*$/;
const HAS_LOWER = /[a-z]/;

/**
 * An open-list data set written in a shape no word has ("DBpedia") may fire in a paper that does not read as ML when a
 * data-set noun stands within eight words: "a few datasets act as hubs (e.g., DBpedia)" (1602.06136, cs.IR).
 */
function distinctDataName(ft: FieldText, m: DictMatch): boolean {
  const e = m.entry;
  if (!e.listed || (e.kind !== 'dataset' && e.kind !== 'benchmark') || m.to - m.from !== 1) return false;
  const raw = ft.tokens.raw(m.from);
  return DISTINCT_NAME.test(raw) && HAS_LOWER.test(raw) && contextNear(ft.tokens, m.from, m.to, DATA_CUES, 8);
}

/**
 * The [start, end) ranges of web addresses in a text ("https://github.com/modelscope/Trinity-RFT/tree/main/examples/
 * rec_gsm8k", 2509.24203): a name inside one is a path, not a mention.
 */
function urlRanges(text: string): number[] {
  const out: number[] = [];
  const re = /https?:\/\/\S+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

/** Sense guards: the matches of entries whose "requires" does not hold here are dropped (a copy only when one is). */
function guarded(pp: PaperPass, ft: FieldText, ms: DictMatch[]): DictMatch[] {
  let out: DictMatch[] | undefined;
  // NOTE: most fields have no address; the scan for one runs only when "://" is in the text.
  const urls = ms.length > 0 && ft.text.includes('://') ? urlRanges(ft.text) : undefined;
  for (let k = 0; k < ms.length; k++) {
    const m = ms[k]!;
    const ok =
      (m.entry.requires === undefined || requiresHold(pp, ft, m, m.entry.requires)) &&
      (urls === undefined || !inRanges(urls, ft.tokens.start[m.from]!, ft.tokens.start[m.from]!));
    if (!ok && out === undefined) out = ms.slice(0, k);
    else if (ok && out !== undefined) out.push(m);
  }
  return out ?? ms;
}

/** The definition of the acronym with norm id `nid`, if the paper defines one. */
function defOf(defNids: number[], defs: ConceptInfo[], nid: number): ConceptInfo | undefined {
  for (let k = 0; k < defNids.length; k++) if (defNids[k] === nid) return defs[k];
  return undefined;
}

/** Vocabulary matches, with acronyms defined in the paper taking over their short forms. */
export function conceptsOfPaper(pp: PaperPass, scan: VocabularyScan, opts: ExtractOptions): void {
  const { found, own } = pp;
  const lex = scan.lex;
  // Acronyms defined in the paper, by the norm id of the short form (-1: no token of the run has that key).
  const defKeys: string[] = [];
  const defNids: number[] = [];
  const defs: ConceptInfo[] = [];
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
          let label = ft.text.slice(ft.tokens.start[d.longFrom]!, ft.tokens.end[d.longTo - 1]!);
          // "Street View House Numbers (SVHN)": a data set's name by its context or the vocabulary's reading of SVHN.
          const sm = own.has(shortKey) ? undefined : matches[fi]!.find((x) => x.from === d.shortAt && x.to === d.shortAt + 1);
          const named = own.has(shortKey) ? undefined : acronymNameKind(ft.text, ft.tokens, d.longFrom, d.longTo, sm?.entry.kind);
          // "Voice Evaluation of Reasoning Ability (VERA), a benchmark for …" (2509.26542): the description after the
          // parentheses types the paper's own acronym too.
          const described = own.has(shortKey) ? ownAcronymKind(pp, lex.normId(shortKey)) : describedAfter(ft.text, ft.tokens, d.shortAt + 1);
          // "the Integrated Gradient (IG) score" (metric-rules.ts): a metric, named with its head, span up to it.
          // NOTE: also the paper's own ("we propose an effective metric, the Integrated Gradient (IG) score").
          const head = named || described ? -1 : metricHeadAfterAcronym(ft.text, ft.tokens, d.shortAt);
          const spanTo = head >= 0 && ft.tokens.norm(head) === 'score' ? head + 1 : d.longTo;
          if (spanTo !== d.longTo) label += ' score';
          let kind = head >= 0 ? 'metric' : (described ?? (own.has(shortKey) ? 'method' : (named ?? guessAcronymKind(label))));
          if (kind === 'method' && !own.has(shortKey) && reportedStatistic(ft.text, ft.tokens, label, d.longFrom, d.shortAt)) kind = 'metric';
          // Sense guard: "discrete self-similarity (DSS)" of a physics paper is no metric.
          if (kind === 'metric' && !paperIsML(pp)) kind = 'method';
          def =
            named && sm && (sm.entry.kind === 'benchmark' || sm.entry.kind === 'dataset')
              ? { id: sm.entry.id, label: sm.entry.label, kind: sm.entry.kind, source: 'vocabulary' }
              : { id: pp.slug(label), label, kind, source: 'acronym' };
          const g = found.add(def, spanOf(ft, d.longFrom, spanTo, 'acronym:long-form'), d.short);
          addMention(pp, fi, g, kind, d.longFrom, spanTo);
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
        release ??= releaseSentences(ft.text, tokens);
        if (inRanges(release, tokens.start[m.from]!, tokens.end[m.to - 1]!)) continue;
      }
      const single = m.to - m.from === 1 && defs.length > 0 ? defOf(defNids, defs, tokens.nid[m.from]!) : undefined;
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
      const d = defOf(defNids, defs, tokens.nid[i]!);
      if (!d || (tokens.shape[i]! & Shape.Lower) !== 0) continue;
      const g = found.add(d, spanOf(ft, i, i + 1, 'acronym:use'), tokens.raw(i));
      addMention(pp, fi, g, d.kind, i, i + 1);
    }
  }
}

/**
 * The data-set kind a use of the paper's own acronym (norm id `nid`) is given outright in either field: "We curate
 * C-SRRG dataset" (2510.00428), "the CritPt (…), the first benchmark" (2509.26574, defined in the title). One scan of the
 * paper's tokens, only for its own acronyms.
 */
function ownAcronymKind(pp: PaperPass, nid: number): ConceptKind | undefined {
  for (const ft of pp.fields) {
    const tokens = ft.tokens;
    for (let i = 0; i < tokens.n; i++) {
      // NOTE: a whole name only: "C-SRRG dataset" is no use of "SRRG", "Multi-Text CIR (MTCIR), a large-scale dataset"
      // (2503.19910) none of "CIR".
      if (
        tokens.nid[i] !== nid ||
        (i > 0 && tokens.gap[i] !== Gap.Space && tokens.gap[i] !== Gap.Break) ||
        (i + 1 < tokens.n && tokens.gap[i + 1] === Gap.Join)
      )
        continue;
      if (i > 0 && tokens.gap[i] === Gap.Space && (tokens.shape[i - 1]! & Shape.FirstUpper) !== 0) continue;
      const kind = typedAfterName(ft.text, tokens, i + 1);
      if (kind) return kind;
    }
  }
  return undefined;
}

/** Bare name runs of field `pp.fi`, for the corpus pass: not the paper's own names, and only in a paper that reads as ML. */
function bareRun(pp: PaperPass, from: number, to: number): void {
  const tokens = pp.fields[pp.fi]!.tokens;
  const key = runKey(tokens, from, to);
  if (pp.own.has(key) || !paperIsML(pp)) return;
  const core = bareCoreEnd(tokens, from, to);
  pp.corpus.bare(pp.wi, pp.fi, tokens.start[from]!, tokens.end[to - 1]!, key, core === to ? key : runKey(tokens, from, core));
}

/** Names recognised from their use; the paper's own system names are not models of other work. */
export function patternsOfPaper(pp: PaperPass, vocabIds: Map<string, VocabularyEntry>): void {
  const { found, own: proposed } = pp;
  for (let fi = 0; fi < pp.fields.length; fi++) {
    const ft = pp.fields[fi]!;
    const tokens = ft.tokens;
    pp.fi = fi;
    // NOTE: one callback per run (see bareRun), not a closure per field.
    pp.bare ??= (from: number, to: number): void => bareRun(pp, from, to);
    const hits = findPatternNames(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', pp.bare);
    // "Cons@5", "nDCG@10": metrics by their shape (NOTE: a cheap scan; most fields have no "@").
    if (ft.text.includes('@')) hits.push(...findAtKMetrics(ft.text, tokens, pp.covered[fi]!));
    // "Kendall's tau", "P95 latency": metrics by a shape of words.
    hits.push(...findStatMetrics(ft.text, tokens, pp.covered[fi]!));
    findMultiwordNames(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', hits);
    findHeadedLists(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', hits);
    findTitleNames(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', hits);
    findEnumeratedMetrics(ft.text, tokens, pp.covered[fi]!, hits);
    findMetricNames(ft.text, tokens, pp.covered[fi]!, ft.field === 'title', hits);
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
      // NOTE: a metric a paper introduces ("a novel metric, StructScore,") is learnt too: later papers report it by name.
      if (!known && (!own || h.kind === 'metric') && LEARN_RULES.has(h.rule) && NAME_SHAPE.test(label) && !MNEMONIC.test(label)) {
        pp.corpus.learn(core, { id, label, kind: h.kind, paper: pp.wi, paperId: pp.paperId });
      }
      addMention(pp, fi, g, known ? known.kind : h.kind, h.from, h.to);
    }
  }
}
