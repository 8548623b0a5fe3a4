// A tiny hand-made corpus with its extraction: two clear groups, a hub metric in every paper, and one isolated paper.
import { PaperSchema, type Paper } from '../../src/model/paper.ts';
import type { ConceptKind, ConceptSource, ExtractionResult, PaperConcept } from '../../src/extract/types.ts';

const TITLES = [
  'Pruning visual tokens in LLaVA',
  'Fewer visual tokens for TextVQA',
  'Visual token pruning at scale',
  'GRPO for AIME',
  'Shorter chains on MATH-500',
  'Reasoning with GRPO on AIME and MATH-500',
  'A 3D generator',
];

export const TINY_PAPERS: Paper[] = TITLES.map((title, i) =>
  PaperSchema.parse({
    id: `t-${i + 1}`,
    title,
    abstract: `Abstract ${i + 1} reports accuracy.`,
    authors: { names: [`Author ${i + 1}`] },
    date: { value: `2025-0${i + 1}-1${i}`, precision: 'day' },
    upvotes: i * 3,
    links: { arxiv: `https://arxiv.org/abs/2501.0000${i + 1}` },
    provenance: [{ file: 'tiny.txt', format: 'hf-page-text', index: i, line: 1 + 10 * i }],
  }),
);

function concept(id: string, label: string, kind: ConceptKind, text: string, field: 'title' | 'abstract' = 'abstract', extra: { parent?: string; aliases?: string[]; source?: ConceptSource } = {}): PaperConcept {
  return { id, label, kind, aliases: extra.aliases ?? [], source: extra.source ?? 'vocabulary', ...(extra.parent ? { parent: extra.parent } : {}), spans: [{ field, start: 0, end: text.length, text, rule: 'vocabulary' }] };
}

const accuracy = concept('accuracy', 'accuracy', 'metric', 'accuracy');
const vtp = (field: 'title' | 'abstract' = 'abstract') => concept('visual-token-pruning', 'visual token pruning', 'method', 'visual token pruning', field, { parent: 'token-pruning' });
const textvqa = concept('textvqa', 'TextVQA', 'benchmark', 'TextVQA', 'abstract', { aliases: ['Text-VQA'] });
const llava = concept('llava', 'LLaVA', 'model', 'LLaVA');
const grpo = concept('grpo', 'GRPO', 'method', 'GRPO');
const aime = concept('aime', 'AIME', 'benchmark', 'AIME', 'abstract', { aliases: ['AIME 2024'] });
const math500 = concept('math-500', 'MATH-500', 'benchmark', 'MATH-500');

const PER_PAPER: PaperConcept[][] = [
  [vtp('title'), llava, textvqa, accuracy],
  [vtp(), textvqa, llava, accuracy],
  [vtp('title'), llava, textvqa, accuracy],
  [grpo, aime, math500, accuracy],
  [math500, aime, grpo, accuracy],
  [grpo, aime, math500, accuracy],
  [concept('3d-generation', '3D generation', 'task', '3D generation', 'title'), accuracy],
];

export const TINY_EXTRACTION: ExtractionResult = {
  papers: TINY_PAPERS.map((p, i) => ({
    id: p.id,
    title: p.title,
    concepts: PER_PAPER[i],
    results:
      i === 1
        ? [{ benchmark: 'textvqa', metric: 'accuracy', value: 78.4, unit: '%', delta: false, span: { field: 'abstract', start: 0, end: 5, text: '78.4% accuracy on TextVQA', rule: 'result' } }]
        : i === 3
          ? [{ benchmark: 'aime', metric: null, value: 12.5, unit: '%', delta: true, span: { field: 'abstract', start: 0, end: 5, text: '+12.5% on AIME', rule: 'result' } }]
          : [],
  })),
  concepts: [],
};
