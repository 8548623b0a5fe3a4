// The open name list per source: a name each list adds is found with its evidence span; ambiguous names stay unlinked.
import { describe, expect, it } from 'vitest';
import { extract, type PaperExtraction } from '../../src/extract/index.ts';
import type { Paper } from '../../src/model/paper.ts';
import openNames from '../../src/extract/vocabulary-open.json' with { type: 'json' };

function paper(abstract: string, title = 'A paper'): Paper {
  return { id: 'p1', title, abstract, authors: { names: [] }, links: {}, categories: [], provenance: [{ file: 't', format: 'jsonl', index: 0 }] };
}
const run = (abstract: string): PaperExtraction => extract([paper(abstract)]).papers[0]!;
/** The concept with this id, its kind, and the text and rule of its spans. */
function found(abstract: string, id: string): { kind: string; spans: string[] } | undefined {
  const c = run(abstract).concepts.find((x) => x.id === id);
  return c && { kind: c.kind, spans: c.spans.map((s) => `${abstract.slice(s.start, s.end)}:${s.rule}`) };
}
const entry = (id: string) => openNames.concepts.find((c) => c.id === id);

describe('the open name list, one name per source, with evidence', () => {
  it('OpenCompass: "GSM Hard" (2406.07394) is the GSM-Hard benchmark, not a bare GSM', () => {
    const s = 'improving success rates across multiple datasets, including GSM8K, GSM Hard, MATH, and Olympiad-level benchmarks of LLMs';
    expect(entry('gsm-hard')?.source).toBe('opencompass:gsm_hard');
    expect(found(s, 'gsm-hard')).toEqual({ kind: 'benchmark', spans: ['GSM Hard:vocabulary'] });
  });
  it('lmms-eval: "VCR-Wiki" (2406.06462) is a benchmark by its name alone', () => {
    const s =
      'With this pipeline, we construct a dataset for VCR called VCR-Wiki using images with captions from Wikipedia for training vision-language models.';
    expect(entry('vcr-wiki')?.source).toMatch(/^lmms-eval:/);
    expect(found(s, 'vcr-wiki')).toEqual({ kind: 'benchmark', spans: ['VCR-Wiki:vocabulary'] });
  });
  it('VLMEvalKit: "Task-Me-Anything" (2406.11775) is the TaskMeAnything benchmark', () => {
    const s =
      "This paper introduces Task-Me-Anything, a benchmark generation engine which produces a benchmark tailored to a user's needs for evaluating multimodal LLMs.";
    expect(entry('taskmeanything')?.source).toMatch(/^vlmevalkit:/);
    expect(found(s, 'taskmeanything')?.spans).toContain('Task-Me-Anything:vocabulary');
  });
  it('torchtext: "Yahoo Answers" is the YahooAnswers data set', () => {
    const s = 'We train a neural text classifier on Yahoo Answers and report accuracy after fine-tuning.';
    expect(entry('yahooanswers')?.source).toBe('torchtext:YahooAnswers');
    expect(found(s, 'yahooanswers')).toEqual({ kind: 'dataset', spans: ['Yahoo Answers:vocabulary'] });
  });
  it('PyTorch Geometric: CiteSeer is a data set; Cora, a plain capitalised word, only next to "dataset(s)"', () => {
    const s = 'Our graph neural network is trained on the Cora dataset and on CiteSeer.';
    expect(found(s, 'citeseer')).toEqual({ kind: 'dataset', spans: ['CiteSeer:vocabulary'] });
    expect(found(s, 'cora')?.spans).toEqual(['Cora:vocabulary']);
    expect(found('Our graph neural network learns from Cora and her sister, trained on labelled nodes.', 'cora')).toBeUndefined();
  });
  it('OGB: ogbn-arxiv is a data set', () => {
    expect(found('We fine-tune graph neural networks on ogbn-arxiv and report accuracy after training.', 'ogbn-arxiv')).toEqual({
      kind: 'dataset',
      spans: ['ogbn-arxiv:vocabulary'],
    });
  });
  it('TorchMetrics: the mean absolute percentage error is a metric (its classification and clustering scores are left out)', () => {
    const s = 'The forecasting transformer reaches a mean absolute percentage error of 4.2% after training on the benchmark.';
    expect(entry('mean-absolute-percentage-error')?.source).toMatch(/^torchmetrics:regression\//);
    expect(found(s, 'mean-absolute-percentage-error')).toEqual({ kind: 'metric', spans: ['mean absolute percentage error:vocabulary'] });
    expect(entry('matthews-correlation-coefficient')).toBeUndefined();
  });
  it('Hugging Face evaluate: BLEURT is a metric', () => {
    const s = 'Our fine-tuned LLM improves BLEURT by 2 points over the baseline translation model trained on the same data.';
    expect(entry('bleurt')?.source).toBe('hf-evaluate:bleurt');
    expect(found(s, 'bleurt')).toEqual({ kind: 'metric', spans: ['BLEURT:vocabulary'] });
  });
});

describe('the open name list, ambiguous names', () => {
  it('"Government Report" (OpenCompass, English words) needs ML context and a typing word next to it', () => {
    expect(found('The Government Report dataset was released by the ministry in 2019.', 'government-report')).toBeUndefined();
    expect(found('We fine-tune LLMs and summarise each Government Report with a trained transformer.', 'government-report')).toBeUndefined();
    expect(found('We fine-tune LLMs for summarisation on the Government Report dataset with a trained transformer.', 'government-report')).toBeDefined();
  });
  it('"LEGO" (VLMEvalKit) is left out: it took "LEGO-Puzzles" (2503.19990) over', () => {
    expect(entry('lego')).toBeUndefined();
  });
  it('"KL divergence" as a loss term is no metric; "PROTEINS" of PyG matches only in capitals', () => {
    expect(found('We train the neural policy with a KL divergence penalty towards the reference LLM.', 'kl-divergence')).toBeUndefined();
    expect(found('Our graph neural network is trained on the PROTEINS dataset.', 'proteins')).toBeDefined();
    expect(found('Our graph neural network is trained on the proteins dataset.', 'proteins')).toBeUndefined();
  });
  it('PyG category and option names that are English words are not in the list ("Train", "All", "Airplane")', () => {
    const labels = new Set(openNames.concepts.filter((c) => c.source.startsWith('pyg:')).map((c) => c.label));
    expect([...labels].filter((l) => ['Train', 'All', 'Airplane', 'Photo', 'Questions'].includes(l))).toEqual([]);
    expect(found('All datasets are split 80/10/10 and the Train split is used to fit the neural model.', 'train')).toBeUndefined();
  });
  it('every entry is guarded to ML papers, and its list is one of the kept sources', () => {
    const lists = new Set(openNames.concepts.map((c) => c.source.split(':')[0]));
    expect([...lists].sort()).toEqual([
      'hf-evaluate',
      'lm-evaluation-harness',
      'lmms-eval',
      'ogb',
      'opencompass',
      'pyg',
      'tensorflow-datasets',
      'torchmetrics',
      'torchtext',
      'vlmevalkit',
    ]);
    expect(openNames.concepts.every((c) => c.requires.field === 'ml')).toBe(true);
  });
});
