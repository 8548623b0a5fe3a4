// The extraction stage: concepts (vocabulary, patterns, acronyms, mined keyphrases) with evidence, and reported results.
import type { Paper } from '../model/paper.ts';
import type { Concept, ConceptKind, ConceptSource, ExtractionResult, PaperConcept, PaperExtraction, Span } from './types.ts';
import { resolveExtractOptions, type ExtractOptions } from './options.ts';
import { bundledVocabulary, slugify, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';
import { compileMatcher, matchVocabulary, VocabularyScan, type Matcher } from './matcher.ts';
import { Lexicon, normalizeWord, Shape, Tokens } from './tokenize.ts';
import { findAcronymDefinitions } from './acronyms.ts';
import { findPatternNames, findProposed, runKey } from './patterns.ts';
import { findResults, type Mention } from './results.ts';
import { PhraseMiner, type MinedPhrase } from './mine.ts';

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

function newFinding(id: string, label: string, kind: ConceptKind, aliases: string[], source: ConceptSource, parent: string | undefined, score: number | undefined, span: Span): Finding {
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

/** Collects findings of one paper, keyed by concept id, keeping the order in which they were first seen. */
export class PaperFindings {
  readonly byId = new Map<string, Finding>();

  /**
   * Adds a span of a concept; `aliases` (spellings to list first: one, or a list that is copied) and `score` count only
   * when the paper had no such concept yet.
   */
  add(c: ConceptInfo, span: Span, aliases?: string | readonly string[], score?: number): Finding {
    let cur = this.byId.get(c.id);
    if (!cur) {
      const text = span.text;
      const fresh = text !== c.label;
      let list: string[];
      if (aliases === undefined) list = fresh ? [text] : [];
      else if (typeof aliases === 'string') list = fresh && text !== aliases ? [aliases, text] : [aliases];
      else list = fresh && !aliases.includes(text) ? aliases.concat(text) : aliases.slice();
      cur = newFinding(c.id, c.label, c.kind, list, c.source, c.parent, score, span);
      this.byId.set(c.id, cur);
    } else this.addSpan(cur, span);
    return cur;
  }

  /** add() for a vocabulary entry, without building the finding when the paper has it already (the hot path). */
  addEntry(e: VocabularyEntry, span: Span): Finding {
    let cur = this.byId.get(e.id);
    if (!cur) {
      const list = span.text === e.label || e.aliases.includes(span.text) ? e.aliases.slice() : e.aliases.concat(span.text);
      cur = newFinding(e.id, e.label, e.kind, list, 'vocabulary', e.parent || undefined, undefined, span);
      this.byId.set(e.id, cur);
    } else this.addSpan(cur, span);
    return cur;
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

function spanOf(ft: FieldText, from: number, to: number, rule: string): Span {
  const start = ft.tokens.start[from]!;
  const end = ft.tokens.end[to - 1]!;
  return { field: ft.field, start, end, text: ft.text.slice(start, end), rule };
}

function compareSpans(a: Span, b: Span): number {
  return a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'title' ? -1 : 1;
}

/** The finding as output: its spans in text order (a finding already has the keys of a PaperConcept, in order). */
function toPaperConcept(f: Finding): PaperConcept {
  const spans = f.spans;
  let sorted = true;
  for (let k = 1; k < spans.length && sorted; k++) sorted = compareSpans(spans[k - 1]!, spans[k]!) <= 0;
  if (!sorted) spans.sort(compareSpans);
  return f;
}

function firstPos(c: PaperConcept): number {
  const s = c.spans[0]!;
  return (s.field === 'title' ? 0 : 1e9) + s.start;
}

/** One paper while it is extracted: its tokens and coverage live only while the paper is processed. */
interface PaperWork {
  paper: Paper;
  texts: [string, string];
  found: PaperFindings;
  mentions: Mention[][];
}

/** The per-paper state of the first pass; tokens are scratch buffers reused paper after paper. */
interface PaperPass {
  w: PaperWork;
  fields: FieldText[];
  covered: Uint8Array[];
  own: Set<string>;
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

function addMention(pp: PaperPass, fi: number, id: string, kind: string, from: number, to: number): void {
  const ft = pp.fields[fi]!;
  pp.w.mentions[fi]!.push({ id, kind, start: ft.tokens.start[from]!, end: ft.tokens.end[to - 1]! });
  pp.covered[fi]!.fill(1, from, to);
}

/** Vocabulary matches, with acronyms defined in the paper taking over their short forms. */
function conceptsOfPaper(pp: PaperPass, scan: VocabularyScan, opts: ExtractOptions): void {
  const { w, own } = pp;
  const lex = scan.lex;
  // Acronyms defined in the paper, by the norm id of the short form (-1: no token of the run has that key).
  const defKeys: string[] = [];
  const defNids: number[] = [];
  const defs: ConceptInfo[] = [];
  const defOf = (nid: number): ConceptInfo | undefined => {
    for (let k = 0; k < defNids.length; k++) if (defNids[k] === nid) return defs[k];
    return undefined;
  };
  const matches = pp.fields.map((ft) => matchVocabulary(scan, ft.tokens));
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
          def = e.parent ? { id: e.id, label: e.label, kind: e.kind, source: 'vocabulary', parent: e.parent } : { id: e.id, label: e.label, kind: e.kind, source: 'vocabulary' };
        } else if (!matches[fi]!.some((x) => x.from === d.longFrom && x.to === d.longTo)) {
          const label = ft.text.slice(ft.tokens.start[d.longFrom]!, ft.tokens.end[d.longTo - 1]!);
          const kind = own.has(shortKey) ? 'method' : guessAcronymKind(label);
          def = { id: pp.slug(label), label, kind, source: 'acronym' };
          w.found.add(def, spanOf(ft, d.longFrom, d.longTo, 'acronym:long-form'), d.short);
          addMention(pp, fi, def.id, kind, d.longFrom, d.longTo);
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
    for (const m of matches[fi]!) {
      const single = m.to - m.from === 1 && defs.length > 0 ? defOf(tokens.nid[m.from]!) : undefined;
      if (single) {
        w.found.add(single, spanOf(ft, m.from, m.to, 'acronym:use'), tokens.raw(m.from));
        addMention(pp, fi, single.id, single.kind, m.from, m.to);
      } else {
        w.found.addEntry(m.entry, spanOf(ft, m.from, m.to, m.rule));
        addMention(pp, fi, m.entry.id, m.entry.kind, m.from, m.to);
      }
    }
    if (defs.length === 0) continue;
    // Uses of a defined acronym the vocabulary does not know ("HICom", "DAP").
    const covered = pp.covered[fi]!;
    for (let i = 0; i < tokens.n; i++) {
      if (covered[i]) continue;
      const d = defOf(tokens.nid[i]!);
      if (!d || (tokens.shape[i]! & Shape.Lower) !== 0) continue;
      w.found.add(d, spanOf(ft, i, i + 1, 'acronym:use'), tokens.raw(i));
      addMention(pp, fi, d.id, d.kind, i, i + 1);
    }
  }
}

/** Names recognised from their use; the paper's own system names are not models of other work. */
function patternsOfPaper(pp: PaperPass, vocabIds: Map<string, VocabularyEntry>): void {
  const { w, own: proposed } = pp;
  pp.fields.forEach((ft, fi) => {
    for (const h of findPatternNames(ft.text, ft.tokens, pp.covered[fi]!, ft.field === 'title')) {
      const key = runKey(ft.tokens, h.from, h.to);
      const core = runKey(ft.tokens, h.from, h.coreTo);
      const own = proposed.has(key) || proposed.has(core);
      if (own && (h.kind === 'model' || !h.explicit)) continue;
      const label = ft.text.slice(ft.tokens.start[h.from]!, ft.tokens.end[h.coreTo - 1]!);
      const id = pp.slug(label);
      if (id === '') continue;
      const known = vocabIds.get(id);
      if (known) w.found.add({ id, label: known.label, kind: known.kind, source: 'vocabulary' }, spanOf(ft, h.from, h.to, h.rule), known.aliases);
      else w.found.add({ id, label, kind: h.kind, source: 'pattern' }, spanOf(ft, h.from, h.to, h.rule));
      addMention(pp, fi, id, known ? known.kind : h.kind, h.from, h.to);
    }
  });
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
  const miner = opts.mine ? new PhraseMiner(lex) : undefined;
  const scratch = [new Tokens(lex), new Tokens(lex)] as const;
  let coverScratch = [new Uint8Array(1024), new Uint8Array(1024)];
  const slug = memoSlugify();
  const works: PaperWork[] = [];
  for (const paper of papers) {
    const w: PaperWork = { paper, texts: [paper.title, paper.abstract], found: new PaperFindings(), mentions: [[], []] };
    const fields = FIELDS.map((field, fi) => ({ field, text: w.texts[fi]!, tokens: scratch[fi]!.fill(w.texts[fi]!) }));
    const [title, abstract] = fields as [FieldText, FieldText];
    if (coverScratch.some((c, fi) => c.length < fields[fi]!.tokens.n)) coverScratch = fields.map((f, fi) => new Uint8Array(Math.max(f.tokens.n, 2 * coverScratch[fi]!.length)));
    const pp: PaperPass = {
      w,
      fields,
      covered: coverScratch,
      own: findProposed(title.text, title.tokens, abstract.text, abstract.tokens),
      slug,
    };
    conceptsOfPaper(pp, scan, opts);
    if (opts.patterns) patternsOfPaper(pp, matcher.byId);
    if (miner) {
      fields.forEach((ft, fi) => miner.add(fi, ft.tokens, pp.covered[fi]!));
      miner.endPaper();
    }
    fields.forEach((f, fi) => coverScratch[fi]!.fill(0, 0, f.tokens.n));
    works.push(w);
  }
  harmoniseKinds(works, matcher.byId);
  if (miner) mineKeyphrases(works, miner, opts, matcher.byId);
  const perPaper: PaperExtraction[] = works.map((w) => {
    const concepts = [...w.found.byId.values()].map(toPaperConcept).sort((a, b) => firstPos(a) - firstPos(b) || (a.id < b.id ? -1 : 1));
    const results = opts.results
      ? FIELDS.flatMap((field, fi) => findResults(field, w.texts[fi]!, [...w.mentions[fi]!].sort((a, b) => a.start - b.start)))
      : [];
    return { id: w.paper.id, title: w.paper.title, concepts, results };
  });
  return { papers: perPaper, concepts: collectConcepts(perPaper) };
}

const KIND_ORDER: readonly ConceptKind[] = ['benchmark', 'dataset', 'model', 'metric', 'method', 'task', 'modality'];

/** A name seen as a benchmark in one paper and a model in another gets one kind (the most frequent), so ids stay unique across kinds. */
function harmoniseKinds(works: PaperWork[], vocabIds: Map<string, VocabularyEntry>): void {
  const votes = new Map<string, Map<ConceptKind, number>>();
  for (const w of works) {
    for (const f of w.found.byId.values()) {
      if (vocabIds.has(f.id)) continue;
      let v = votes.get(f.id);
      if (!v) votes.set(f.id, (v = new Map()));
      v.set(f.kind, (v.get(f.kind) ?? 0) + 1);
    }
  }
  const chosen = new Map<string, ConceptKind>();
  for (const [id, v] of votes) {
    if (v.size < 2) continue;
    let best: ConceptKind = 'method';
    let bestN = -1;
    for (const k of KIND_ORDER) if ((v.get(k) ?? 0) > bestN) [best, bestN] = [k, v.get(k) ?? 0];
    chosen.set(id, best);
  }
  if (chosen.size === 0) return;
  for (const w of works) {
    for (const f of w.found.byId.values()) {
      const k = chosen.get(f.id);
      if (k) f.kind = k;
    }
    for (const ms of w.mentions) for (const m of ms) m.kind = chosen.get(m.id) ?? m.kind;
  }
}

/** Recurring phrases across the corpus, added to each paper where they are among its most distinctive. */
function mineKeyphrases(works: PaperWork[], miner: PhraseMiner, opts: ExtractOptions, vocabIds: Map<string, VocabularyEntry>): void {
  if (opts.minedPerPaper === 0) return;
  miner.finish(opts.minedMinPapers, opts.minedMaxShare);
  const taken = new Set<string>(); // ids used by other concepts, so mined ids never collide across kinds
  for (const w of works) for (const id of w.found.byId.keys()) taken.add(id);
  const occ = miner.occurrences;
  // NOTE: per phrase id, its score (NaN: not computed yet; -1: too rare or too common) and the last paper that listed
  // it, so each paper's candidates are gathered in typed arrays and only the chosen few become objects.
  const scores = new Float64Array(miner.phraseCount).fill(NaN);
  const stamp = new Int32Array(miner.phraseCount).fill(-1);
  let cands = new Int32Array(256);
  for (let wi = 0; wi < works.length; wi++) {
    const w = works[wi]!;
    const from = miner.occFrom(wi);
    const to = miner.occTo(wi);
    let n = 0;
    for (let o = from; o < to; o += 4) {
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
      const phrase = miner.phrase(pid)!;
      if (chosen.some((k) => k.includes(phrase.key) || phrase.key.includes(k))) continue;
      const id = phrase.id;
      if (vocabIds.has(id) || (taken.has(id) && !w.found.byId.has(id))) continue;
      chosen.push(phrase.key);
      const info: ConceptInfo = { id, label: phrase.label, kind: phrase.kind, source: 'mined' };
      for (let o = from; o < to; o += 4) {
        if (occ[o] !== pid) continue;
        const fi = occ[o + 1]!;
        const start = occ[o + 2]!;
        const end = occ[o + 3]!;
        const span: Span = { field: FIELDS[fi]!, start, end, text: w.texts[fi]!.slice(start, end), rule: 'mined' };
        w.found.add(info, span, undefined, phrase.score);
      }
    }
  }
}

/** Every concept found, sorted by id, with the aliases seen in any paper. */
function collectConcepts(papers: PaperExtraction[]): Concept[] {
  const all = new Map<string, { concept: Concept; aliases: Set<string> }>();
  for (const p of papers) {
    for (const c of p.concepts) {
      const cur = all.get(c.id);
      if (!cur) {
        const { spans: _spans, ...concept } = c;
        const aliases = [...c.aliases];
        all.set(c.id, { concept: { ...concept, aliases }, aliases: new Set(aliases) });
      } else {
        // NOTE: a Set beside the list, as popular concepts gather many spellings across a corpus.
        for (const a of c.aliases) {
          if (cur.aliases.has(a)) continue;
          cur.aliases.add(a);
          cur.concept.aliases.push(a);
        }
      }
    }
  }
  return [...all.values()].map((x) => x.concept).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
