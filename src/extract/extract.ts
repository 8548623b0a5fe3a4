// extract(): each paper's first pass, then the corpus-wide steps, then each paper's concepts and results in output order.
import type { Paper } from '../model/paper.ts';
import type { ExtractionResult, PaperExtraction } from './types.ts';
import { resolveExtractOptions, type ExtractOptions } from './options.ts';
import { bundledVocabulary, type Vocabulary } from './vocabulary.ts';
import { compileMatcher, VocabularyScan, type Matcher } from './matcher.ts';
import { Tokens } from './tokenize.ts';
import { Lexicon } from './lexicon.ts';
import { findProposed } from './patterns.ts';
import { CorpusNames } from './corpus-names.ts';
import { findResults } from './results.ts';
import { PhraseMiner } from './mine.ts';
import { kindEvidence } from './chunk.ts';
import { byFirstPos, FIELDS, MentionLog, RunFindings, stableSort, toPaperConcept, type FieldText, type Finding } from './findings.ts';
import { conceptsOfPaper, memoSlugify, patternsOfPaper, type PaperPass } from './paper-pass.ts';
import { collectConcepts, harmoniseKinds, mineKeyphrases, typeAcrossCorpus, type RunState } from './corpus-steps.ts';

const matcherCache = new WeakMap<Vocabulary, Matcher>();

function matcherFor(vocab: Vocabulary): Matcher {
  let m = matcherCache.get(vocab);
  if (!m) {
    m = compileMatcher(vocab);
    matcherCache.set(vocab, m);
  }
  return m;
}

const HAS_DIGIT = /\d/;

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
  const pp: PaperPass = { found, mentions, fields: [title, abstract], covered: coverScratch, own: new Set(), ml: -1, wi: 0, paperId: '', corpus, slug, fi: 0 };
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
