// Out of the field: on astrophysics and 2007 physics/maths listings no ML benchmark, model or metric is linked unless its name is literally there with ML context.
import { describe, expect, it, beforeAll } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import type { Paper } from '../../src/model/paper.ts';
import { extract, loadVocabulary, parseVocabulary, type PaperExtraction } from '../../src/extract/index.ts';
import { showsMLContext } from '../../src/extract/guards.ts';
import { Tokens } from '../../src/extract/tokenize.ts';
import { Lexicon } from '../../src/extract/lexicon.ts';
import { PaperKgError } from '../../src/errors.ts';

const FILES = ['test/fixtures/arxiv-atom-api/new2026-astro-ph-63.xml', 'test/fixtures/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.head.jsonl'];
const NAMED = new Set(['benchmark', 'dataset', 'model', 'metric']);

/**
 * Every link of a benchmark / dataset / model / metric on the two out-of-domain files, each with why it is right.
 * Anything else showing up is a sense-guard failure (before the guards: Kinetics ×5 from "kinetic", Gemini (the
 * telescope), FLUX (a photon flux), LSUN ("L_sun"), F1 ("f_1"), accuracy ×8, "outperforms CO5BOLD" and "2n-1" as models,
 * "on TiOX", "on VOCl" as benchmarks, "discrete self-similarity" as a metric).
 */
const EXPECTED: Array<[paper: string, kind: string, id: string, why: string]> = [
  ['0704.0047', 'metric', 'accuracy', 'a general regression neural network "learning from examples"; "the location accuracy achieved" is its ML score'],
  ['0704.0155', 'dataset', 'leiden-atomic-and-molecular-database', 'defined in the text: "Leiden Atomic and Molecular Database (LAMDA)", a database by name'],
];

let out: PaperExtraction[];
let papers: Paper[];
beforeAll(async () => {
  papers = (await ingest(FILES.map((f) => fileSource(f)))).papers;
  out = extract(papers).papers;
});

describe('out-of-domain listings (sense guards)', () => {
  it('read both files whole (63 astro-ph + 200 OAI records)', () => {
    expect(papers.length).toBe(263);
  });
  it('links exactly the justified benchmarks / datasets / models / metrics', () => {
    const links = out.flatMap((p) => p.concepts.filter((c) => NAMED.has(c.kind)).map((c) => [p.id, c.kind, c.id]));
    expect(links).toEqual(EXPECTED.map(([p, k, id]) => [p, k, id]));
  });
  it('the ML-context test: 1 of 63 astro-ph abstracts and 1 of 200 OAI records read as ML', () => {
    const lex = new Lexicon();
    const ml = (p: Paper) => showsMLContext([new Tokens(lex).fill(p.title), new Tokens(lex).fill(p.abstract)]);
    expect(papers.slice(0, 63).filter(ml).length).toBe(1);
    expect(
      papers
        .slice(63)
        .filter(ml)
        .map((p) => p.id),
    ).toEqual(['0704.0047']);
  });
});

function paper(abstract: string, title = 'A paper'): Paper {
  return { id: 'p1', title, abstract, authors: { names: [] }, links: {}, categories: [], provenance: [{ file: 't', format: 'jsonl', index: 0 }] };
}
const ids = (abstract: string, opts = {}) => extract([paper(abstract)], opts).papers[0]!.concepts.map((c) => c.id);

describe('sense guards on real sentences', () => {
  it('"kinetic" of a plasma paper is not Kinetics (0704.0044), but "Kinetics-400" of a video paper is', () => {
    expect(ids('We study the kinetic theory of a relativistic plasma and its KINETIC equations.')).not.toContain('kinetics');
    expect(ids('We evaluate our neural video model on Kinetics-400 and Something-Something after training.')).toContain('kinetics');
  });
  it('Gemini the telescope (2604.21624) is not the model; Gemini in an LLM paper is', () => {
    expect(ids('Spectra were obtained with Gemini and the Keck telescopes.')).not.toContain('gemini');
    expect(ids('We compare LLM agents built on Gemini and GPT-4o.')).toContain('gemini');
  });
  it('"accuracy" of a measurement is no metric without ML context; with it, it is', () => {
    expect(ids('The distances are determined to an accuracy of 5 per cent.')).not.toContain('accuracy');
    expect(ids('The classifier reaches 91% accuracy after training on the dataset.')).toContain('accuracy');
  });
  it('"CFG" of a grammar paper is not classifier-free guidance', () => {
    expect(ids('Every CFG in Greibach normal form generates a context-free language.')).not.toContain('classifier-free-guidance');
  });
  it('a pattern name outside ML is dropped ("outperforms CO5BOLD", 2604.21621) unless the context types it outright', () => {
    expect(ids('The new code outperforms CO5BOLD in speed.')).not.toContain('co5bold');
    expect(ids('We use the Gaia dataset of parallaxes.')).toContain('gaia');
  });
  it('an unguarded ML name is ML context by itself: "78.4% accuracy on OCRBench"', () => {
    expect(ids('achieving 78.4% accuracy on OCRBench')).toEqual(['accuracy', 'ocrbench']);
  });
});

describe('vocabulary "requires" (the format)', () => {
  it('an entry with requires.context fires only next to one of its words', () => {
    const vocabulary = loadVocabulary({
      source: 'mine.json',
      data: { version: 1, concepts: [{ label: 'Zorblax', kind: 'dataset', requires: { context: ['dataset', 'corpus'], window: 2 } }] },
    });
    expect(ids('We train neural models on the Zorblax dataset.', { vocabulary })).toContain('zorblax');
    expect(ids('A Zorblax appeared in the sky over the valley of neural trained dreams.', { vocabulary })).not.toContain('zorblax');
  });
  it('a bad requires is an E_VOCABULARY error naming the entry', () => {
    const bad = () => parseVocabulary({ version: 1, concepts: [{ label: 'X1', kind: 'model', requires: {} }] }, 'v.json');
    expect(bad).toThrow(PaperKgError);
    expect(bad).toThrow(/v\.json: concept #0 "X1": requires: expected "field": "ml" or "context": \[words\]/);
    expect(() => parseVocabulary({ version: 1, concepts: [{ label: 'X1', kind: 'model', requires: { field: 'physics' } }] }, 'v.json')).toThrow(
      /requires\.field/,
    );
  });
});

describe('the open name list (vocabulary-open.json)', () => {
  it('finds catalog names the curated list lacks: SVHN, SNLI (TFDS), ANLI (lm-evaluation-harness)', () => {
    const p = ids('We train convolutional networks on SVHN and evaluate language models on SNLI and ANLI.');
    expect(p).toEqual(expect.arrayContaining(['svhn', 'snli', 'anli']));
  });
  it('a catalog name that is an English word needs capitals and a typing word: "the Quality dataset", not "high quality dataset"', () => {
    expect(ids('We fine-tune neural models on a high quality dataset.')).not.toContain('quality');
    expect(ids('We fine-tune neural models on the Asset dataset for simplification.')).toContain('asset');
  });
  it('the curated vocabulary wins a shared spelling: "MATH dataset" stays MATH', () => {
    expect(ids('Trained LLMs are evaluated on the MATH dataset.')).toContain('math');
  });
  it('a user vocabulary still wins over both', () => {
    const vocabulary = loadVocabulary({ source: 'mine.json', data: { version: 1, concepts: [{ id: 'svhn', label: 'SVHN', kind: 'benchmark' }] } });
    const p = extract([paper('We train neural models on SVHN.')], { vocabulary }).papers[0]!;
    expect(p.concepts.find((c) => c.id === 'svhn')!.kind).toBe('benchmark');
  });
});
