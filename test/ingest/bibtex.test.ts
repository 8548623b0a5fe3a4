// BibTeX via @retorquere/bibtex-parser: a real Zotero export of 232 entries, and tiny edge cases.
import { describe, expect, it } from 'vitest';
import { detectFormat, ingest } from '../../src/ingest/index.ts';
import { bibtex } from '../../src/ingest/formats/bibtex.ts';
import { fileSource, textSource } from '../../src/io/files.ts';
import type { ReadItem } from '../../src/ingest/types.ts';

const BIB = new URL('../fixtures/zotero-bibtex-ml/My_Library.bib', import.meta.url).pathname;

async function items(text: string): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const i of bibtex.read(textSource('t.bib', text), {})) out.push(i);
  return out;
}

// NOTE: the library takes seconds to parse; the tests that ingest it whole share one ingest.
let ingested: ReturnType<typeof ingest> | undefined;
const library = () => (ingested ??= ingest([fileSource(BIB)]));

describe('bibtex', () => {
  it('reads the Zotero library: 232 entries, 216 with abstracts, detected without --format', async () => {
    expect(await detectFormat(fileSource(BIB))).toBe('bibtex');
    const r = await library();
    expect(r.ok).toBe(true);
    // "Generative Adversarial Networks" is in the library twice (arXiv 1406.2661): merged into one paper.
    expect(r.files).toEqual([{ file: 'My_Library.bib', format: 'bibtex', read: 232, parsed: 232, skipped: 0, merged: 1 }]);
    expect(r.papers.find((p) => p.id === '1406.2661')!.provenance).toHaveLength(2);
    // 216 of the 232 entries have an abstract; after the merge, 215 of the 231 papers.
    expect(r.papers).toHaveLength(231);
    expect(r.papers.filter((p) => p.abstract)).toHaveLength(215);
  });

  it('decodes case protection, takes DOI and keywords, and finds arXiv ids in note / journal / url', async () => {
    const r = await library();
    const sg = r.papers.find((p) => p.title.startsWith('StyleGAN2'))!;
    expect(sg).toMatchObject({
      title: 'StyleGAN2 Distillation for Feed-Forward Image Manipulation',
      authors: { names: ['Yuri Viazovetskyi', 'Vladimir Ivashkin', 'Evgeny Kashin'] },
      date: { value: '2020', precision: 'year' },
      links: { doi: '10.1007/978-3-030-58542-6_11' },
      provenance: [{ file: 'My_Library.bib', format: 'bibtex', line: 853, index: 57 }],
    });
    expect(sg.categories).toEqual(expect.arrayContaining(['StyleGAN2', 'Distillation', 'Synthetic data']));
    expect(sg.abstract.startsWith('StyleGAN2 is a state-of-the-art network in generating realistic images.')).toBe(true);
    // note = {arXiv: 2003.07441}, journal = {arXiv:2003.07441 [cs]}, month = jul.
    const pi = r.papers.find((p) => p.title === 'Pretraining Image Encoders without Reconstruction via Feature Prediction Loss')!;
    expect(pi.id).toBe('2003.07441');
    expect(pi.date).toEqual({ value: '2020-07', precision: 'month', inferred: false });
    expect(pi.links).toEqual({ arxiv: 'https://arxiv.org/abs/2003.07441', url: 'http://arxiv.org/abs/2003.07441' });
    expect(pi.authors.names).toEqual(['Gustav Grund Pihlgren', 'Fredrik Sandin', 'Marcus Liwicki']);
    // Zotero wrote a truncated doi = {10.1007} and the full one in a second doi field.
    expect(r.papers.find((p) => p.title.startsWith('NeRF:'))!.links.doi).toBe('10.1007/978-3-030-58452-8_24');
    expect(r.papers.filter((p) => /^\d{4}\.\d{4,5}$/.test(p.id))).toHaveLength(74);
    expect(r.papers.every((p) => p.date && !/[{}]/.test(p.title))).toBe(true);
  });

  it('reads a tiny file exactly: accents, eprint, month macro, literal names', async () => {
    const got = await items(
      [
        '@article{balazs2007,',
        '  title = {Calculation of {Prompt} {Diphoton} Production with \\emph{Resummation}},',
        "  author = {Bal\\'azs, C. and Berger, E. L. and {The CDF Collaboration}},",
        '  eprint = {0704.0001}, archivePrefix = {arXiv},',
        '  year = 2007, month = apr,',
        '  doi = {https://doi.org/10.1103/PhysRevD.76.013009},',
        '  keywords = {QCD, photons}',
        '}',
      ].join('\n'),
    );
    expect(got).toEqual([
      {
        kind: 'paper',
        index: 0,
        line: 1,
        paper: {
          id: '0704.0001',
          title: 'Calculation of Prompt Diphoton Production with Resummation',
          abstract: '',
          authors: { names: ['C. Balázs', 'E. L. Berger', 'The CDF Collaboration'] },
          date: { value: '2007-04', precision: 'month', inferred: false },
          links: { arxiv: 'https://arxiv.org/abs/0704.0001', doi: '10.1103/physrevd.76.013009' },
          categories: ['photons', 'QCD'],
          provenance: [{ file: 't.bib', format: 'bibtex', line: 1, index: 0 }],
        },
      },
    ]);
  });

  it('reports a broken entry with its line and key, an untitled one with a reason, and keeps the rest', async () => {
    const bib = [
      '@article{good1, title = {One}, year = 2020}',
      '',
      '@article{broken,',
      '  title = {Two',
      '  year = 2020',
      '}',
      '@misc{untitled, author = {Nobody}}',
      '@article{good2, title = {Three \\foo{x}}}',
      '',
    ].join('\n');
    const r = await ingest([textSource('b.bib', bib)]);
    expect(r.files[0]).toMatchObject({ format: 'bibtex', read: 4, parsed: 2, skipped: 2 });
    expect(r.papers.map((p) => p.title)).toEqual(['One', 'Three \\foox']);
    expect(r.messages.map((m) => [m.level, m.index, m.line, m.message])).toEqual([
      ['error', 1, 3, expect.stringMatching(/^entry "broken" could not be parsed: .*; check its braces, quotes and commas$/)],
      ['error', 2, 7, 'entry "untitled" (@misc) has no title'],
      ['warning', 3, 8, 'entry "good2": unknown LaTeX command(s) \\foo kept as written'],
    ]);
  });
});
