// Merging the same paper from several sources: exact results on a tiny input, and papers shared by real HF sources.
import { describe, expect, it } from 'vitest';
import { mergePapers } from '../../src/ingest/merge.ts';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { PaperSchema, type Paper, type PaperInput } from '../../src/model/paper.ts';
import { titleId } from '../../src/model/ids.ts';

const paper = (p: Omit<PaperInput, 'provenance'> & { file: string; index?: number }): Paper => {
  const { file, index = 0, ...rest } = p;
  return PaperSchema.parse({ ...rest, provenance: [{ file, format: 'jsonl', index }] });
};

describe('mergePapers', () => {
  it('joins records by arXiv id (any version), DOI and normalised title, resolving each field by its rule', () => {
    const records = [
      paper({
        file: 'page.txt',
        id: titleId('Mamba: Linear-Time Sequence Modeling'),
        title: 'Mamba: Linear-Time Sequence Modeling',
        abstract: 'short',
        authors: { names: [], count: 2 },
        date: { value: '2023-12-01', precision: 'day', inferred: true },
        upvotes: 5,
      }),
      paper({
        file: 'api.json',
        id: '2312.00752',
        title: 'Mamba: linear-time sequence modeling!',
        abstract: 'a longer abstract',
        authors: { names: ['Albert Gu', 'Tri Dao'] },
        date: { value: '2023-12-01', precision: 'day' },
        upvotes: 3,
        links: { arxiv: 'https://arxiv.org/abs/2312.00752v2', code: 'https://github.com/state-spaces/mamba' },
        categories: ['ssm'],
      }),
      paper({
        file: 'refs.bib',
        id: '2312.00752',
        title: 'MAMBA — linear time sequence modeling',
        date: { value: '2024', precision: 'year' },
        links: { arxiv: 'arXiv:2312.00752v1', doi: '10.1000/MAMBA' },
        categories: ['ssm', 'sequence models'],
      }),
      paper({ file: 'refs.csv', id: titleId('Selective state spaces'), title: 'Selective state spaces', links: { doi: 'https://doi.org/10.1000/mamba' } }),
      paper({ file: 'refs.csv', index: 1, id: titleId('An unrelated paper title'), title: 'An unrelated paper title' }),
    ];
    const { papers, mergedByFile, conflicts } = mergePapers(records);
    expect(papers).toEqual([
      {
        id: '2312.00752',
        title: 'Mamba: Linear-Time Sequence Modeling',
        abstract: 'a longer abstract',
        authors: { names: ['Albert Gu', 'Tri Dao'] },
        date: { value: '2023-12-01', precision: 'day', inferred: false },
        upvotes: 5,
        links: { arxiv: 'https://arxiv.org/abs/2312.00752v2', code: 'https://github.com/state-spaces/mamba', doi: '10.1000/MAMBA' },
        categories: ['ssm', 'sequence models'],
        provenance: [
          { file: 'page.txt', format: 'jsonl', index: 0 },
          { file: 'api.json', format: 'jsonl', index: 0 },
          { file: 'refs.bib', format: 'jsonl', index: 0 },
        ],
      },
      // Its DOI is Mamba's, its title is not: a chimera in the making, kept apart and reported.
      expect.objectContaining({ title: 'Selective state spaces', provenance: [{ file: 'refs.csv', format: 'jsonl', index: 0 }] }),
      expect.objectContaining({ title: 'An unrelated paper title', provenance: [{ file: 'refs.csv', format: 'jsonl', index: 1 }] }),
    ]);
    expect(Object.fromEntries(mergedByFile)).toEqual({ 'api.json': 1, 'refs.bib': 1 });
    expect(conflicts).toEqual([
      {
        key: 'doi:10.1000/mamba',
        field: 'title',
        first: { file: 'page.txt', index: 0, value: 'Mamba: Linear-Time Sequence Modeling' },
        second: { file: 'refs.csv', index: 0, value: 'Selective state spaces' },
      },
    ]);
  });

  it('never joins two different arXiv ids, even with the same title; ids stay unique', () => {
    const a = paper({ file: 'a', id: '2401.00001', title: 'A Survey of Large Language Models' });
    const b = paper({ file: 'b', id: '2402.00002', title: 'A survey of large language models' });
    const c = paper({ file: 'c', id: titleId('A Survey of Large Language Models'), title: 'A Survey of Large Language Models' });
    const { papers } = mergePapers([a, b, c]);
    expect(papers.map((p) => [p.id, p.provenance.map((x) => x.file)])).toEqual([
      ['2401.00001', ['a', 'c']],
      ['2402.00002', ['b']],
    ]);
    // Two different papers whose titles hash alike keep distinct ids; short titles never join by title.
    const short = mergePapers([paper({ file: 'x', id: 't-1', title: 'Intro' }), paper({ file: 'y', id: 't-1', title: 'Intro' })]).papers;
    expect(short.map((p) => p.id)).toEqual(['t-1', 't-1-2']);
  });

  it('never merges one arXiv id with two titles, nor one title with two DOIs; ingest reports each pair with both values', async () => {
    const { textSource } = await import('../../src/io/files.ts');
    const a = JSON.stringify({ id: '2401.00001', title: 'Attention Is All You Need', abstract: 'x' });
    const b = JSON.stringify({ id: '2401.00001v2', title: 'A Completely Different Paper', abstract: 'y' });
    const c = JSON.stringify({ title: 'Scaling Laws for Neural Language Models', doi: '10.1145/3000001' });
    const d = JSON.stringify({ title: 'Scaling laws for neural language models.', doi: '10.1145/3000002' });
    const r = await ingest([textSource('one.jsonl', `${a}\n${c}\n`), textSource('two.jsonl', `${b}\n${d}\n`)]);
    expect(r.papers.map((p) => p.title)).toEqual([
      'Attention Is All You Need',
      'Scaling Laws for Neural Language Models',
      'A Completely Different Paper',
      'Scaling laws for neural language models.',
    ]);
    expect(r.files.map((f) => f.merged)).toEqual([0, 0]);
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(4);
    expect(r.messages.filter((m) => m.level === 'warning').map((m) => [m.file, m.index, m.line, m.message])).toEqual([
      [
        'two.jsonl',
        0,
        1,
        'not merged with one.jsonl record 0 (line 1): they share arxiv 2401.00001 but their titles differ ("A Completely Different Paper" here, "Attention Is All You Need" there); kept as two papers',
      ],
      [
        'two.jsonl',
        1,
        2,
        'not merged with one.jsonl record 1 (line 2): they share title scaling laws for neural language models but their DOIs differ ("10.1145/3000002" here, "10.1145/3000001" there); kept as two papers',
      ],
    ]);
  });

  it('joins the papers the HF API day files share with the bundled HF page text', async () => {
    const api = new URL('../fixtures/hf-daily-papers-api/', import.meta.url).pathname;
    const corpus = new URL('../../graph/corpus/hf-daily-papers-fewer-tokens.txt', import.meta.url).pathname;
    const r = await ingest([`${api}2024-06/2024-06-13.json`, `${api}2025-03/2025-03-17.json`, `${api}2025-03/2025-03-26.json`, corpus].map(fileSource));
    expect(r.ok).toBe(true);
    const corpusReport = r.files.find((f) => f.file === 'hf-daily-papers-fewer-tokens.txt')!;
    expect(corpusReport).toMatchObject({ read: 109, parsed: 109, merged: 4 });
    const parsed = r.files.reduce((n, f) => n + f.parsed, 0);
    expect(r.papers).toHaveLength(parsed - 4);
    const joined = r.papers.filter((p) => p.provenance.length > 1);
    expect(joined.map((p) => p.id).sort()).toEqual(['2406.08487', '2503.10772', '2503.19325', '2503.19903']);
    const flow = joined.find((p) => p.id === '2503.10772')!;
    expect(flow.title).toBe('FlowTok: Flowing Seamlessly Across Text and Image Tokens');
    expect(flow.provenance.map((p) => p.format)).toEqual(['hf-api-json', 'hf-page-text']);
    // The API gives the names (the page only a count) and an arXiv link; the stated date beats an inferred one.
    expect(flow.authors.names.length).toBeGreaterThan(0);
    expect(flow.links.arxiv).toBe('https://arxiv.org/abs/2503.10772');
    expect(flow.date?.inferred).toBe(false);
    // Ids stay unique after merging.
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(r.papers.length);
  });
});
