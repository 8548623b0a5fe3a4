// The CSV reader: the real Zotero export with no options, exact results on tiny inputs, the field map and its errors.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';
import { csv } from '../../src/ingest/formats/csv.ts';

const ZOTERO = new URL('../fixtures/zotero-bibtex-ml/My_Library.csv', import.meta.url).pathname;

describe('csv', () => {
  it('reads the Zotero export (217 rows, UTF-8 with BOM) with no options', async () => {
    const r = await ingest([fileSource(ZOTERO)]);
    expect(r.ok).toBe(true);
    // One paper is in the library twice (the arXiv preprint and the CACM article of "Generative Adversarial Networks").
    expect(r.files).toEqual([{ file: 'My_Library.csv', format: 'csv', read: 217, parsed: 217, skipped: 0, merged: 1 }]);
    expect(r.messages).toEqual([]);
    expect(r.papers).toHaveLength(216);
    const first = r.papers[0];
    expect(first).toEqual({
      id: expect.stringMatching(/^t-[0-9a-f]{10}$/),
      title: 'StyleGAN2 Distillation for Feed-Forward Image Manipulation',
      abstract: expect.stringMatching(/^StyleGAN2 is a state-of-the-art network in generating realistic images\./),
      authors: { names: ['Yuri Viazovetskyi', 'Vladimir Ivashkin', 'Evgeny Kashin'] },
      date: { value: '2020', precision: 'year', inferred: false },
      links: { doi: '10.1007/978-3-030-58542-6_11' },
      categories: ['Unreviewed', 'Computer vision', 'Distillation', 'StyleGAN2', 'Synthetic data'],
      provenance: [{ file: 'My_Library.csv', format: 'csv', line: 2, index: 0 }],
    });
    // The header is line 1 and no field spans lines, so row i is on line i + 2.
    const resnet = r.papers.find((p) => p.title === 'Deep Residual Learning for Image Recognition')!;
    expect(resnet.provenance[0]).toEqual({ file: 'My_Library.csv', format: 'csv', line: 102, index: 100 });
    expect(resnet.authors.names.slice(0, 2)).toEqual(['Kaiming He', 'Xiangyu Zhang']);
    // The arXiv id comes from the Url / Extra columns.
    const gan = r.papers.find((p) => p.id === '1406.2661')!;
    expect(gan.provenance.map((p) => p.line)).toEqual([98, 189]);
    expect(gan.links).toMatchObject({ arxiv: 'https://arxiv.org/abs/1406.2661', doi: '10.1145/3422622' });
    expect(r.papers.filter((p) => !p.id.startsWith('t-'))).toHaveLength(70);
    expect(r.papers.filter((p) => p.date?.precision === 'day').length).toBeGreaterThan(100);
    // 201 rows have an Abstract Note; the duplicate pair both do.
    expect(r.papers.filter((p) => p.abstract)).toHaveLength(200);
  });

  it('gives exact papers, line numbers and reasons on a tiny input with quoted line breaks', async () => {
    const text = [
      'Title,Abstract,Authors,Year,arxiv_id,Keywords',
      '"Attention Is All You Need","Multi-line',
      'abstract, with a comma","Vaswani, Ashish; Shazeer, Noam",2017,1706.03762v7,"transformers; attention"',
      '',
      ',orphan abstract,Someone,2020,,',
      'Dates Are Hard,x,"Alice Smith, Bob Jones and Carol King",sometime,,',
    ].join('\n');
    const r = await ingest([textSource('tiny.csv', text)]);
    expect(r.files).toEqual([{ file: 'tiny.csv', format: 'csv', read: 3, parsed: 2, skipped: 1, merged: 0 }]);
    expect(r.papers[0]).toEqual({
      id: '1706.03762',
      title: 'Attention Is All You Need',
      abstract: 'Multi-line abstract, with a comma',
      authors: { names: ['Ashish Vaswani', 'Noam Shazeer'] },
      date: { value: '2017', precision: 'year', inferred: false },
      links: { arxiv: 'https://arxiv.org/abs/1706.03762' },
      categories: ['transformers', 'attention'],
      provenance: [{ file: 'tiny.csv', format: 'csv', line: 2, index: 0 }],
    });
    expect(r.papers[1]).toMatchObject({
      title: 'Dates Are Hard',
      authors: { names: ['Alice Smith', 'Bob Jones', 'Carol King'] },
      provenance: [{ line: 6, index: 2 }],
    });
    expect(r.papers[1].date).toBeUndefined();
    expect(r.messages).toEqual([
      { level: 'error', file: 'tiny.csv', index: 1, line: 5, message: 'no title: "Title" is empty or missing' },
      {
        level: 'warning',
        file: 'tiny.csv',
        index: 2,
        line: 6,
        message: expect.stringMatching(/^"Year" value "sometime" is not a date this reader understands .*; date left empty$/),
      },
    ]);
  });

  it('numbers lines right with CRLF line breaks inside quotes and blank lines (csv-parse counts such a CRLF twice)', async () => {
    const r = await ingest([textSource('t.csv', 'title,x\r\n\r\n\r\na,"1\r\n2"\r\n\r\nb,2\r\n,3\r\n')]);
    expect(r.papers.map((p) => p.provenance[0].line)).toEqual([4, 7]);
    expect(r.messages).toEqual([{ level: 'error', file: 't.csv', index: 2, line: 8, message: 'no title: "title" is empty or missing' }]);
  });

  it('follows the field map, reads TSV, and names a mapped column that is not there', async () => {
    const tsv = 'Paper\tSummary\tWho\tWhen\nSparse Mixtures of Experts\tRouting tokens.\tShazeer, Noam\t2017-01-23\n';
    const r = await ingest([textSource('x.tsv', tsv)], { format: 'csv', fieldMap: { title: 'Paper', abstract: 'Summary', authors: 'Who', date: 'When' } });
    expect(r.papers[0]).toMatchObject({
      title: 'Sparse Mixtures of Experts',
      abstract: 'Routing tokens.',
      authors: { names: ['Noam Shazeer'] },
      date: { value: '2017-01-23', precision: 'day' },
    });
    const bad = await ingest([textSource('x.tsv', tsv)], { format: 'csv', fieldMap: { title: 'Headline' } });
    expect(bad.ok).toBe(false);
    expect(bad.files[0].error).toEqual({
      code: 'E_OPTIONS',
      message: 'x.tsv: --field-map title=Headline: no such column; the columns are "Paper", "Summary", "Who", "When"',
    });
    const none = await ingest([textSource('x.tsv', tsv)], { format: 'csv' });
    expect(none.files[0].error?.code).toBe('E_FORMAT_MALFORMED');
    expect(none.files[0].error?.message).toMatch(
      /^x\.tsv: no title column in the header \("Paper", "Summary", "Who", "When"\); expected a column named Title, or pass --field-map title=<column>$/,
    );
  });

  it('reports an unclosed quote as a file error naming the file', async () => {
    const r = await ingest([textSource('broken.csv', 'title,abstract\nok,fine\n"unclosed,oops\nmore,rows\n')]);
    expect(r.ok).toBe(false);
    expect(r.files[0]).toMatchObject({ file: 'broken.csv', read: 0, error: { code: 'E_FORMAT_MALFORMED' } });
    expect(r.files[0].error!.message).toMatch(/^broken\.csv: not valid CSV .*Quote Not Closed/i);
  });

  it('detects CSV headers with a title column and leaves other text alone', () => {
    expect(csv.detect('\ufeff"Key","Item Type","Publication Year","Author","Title"\n', 'a.csv')).toBe(0.6);
    expect(csv.detect('id\ttitle\tabstract\n', 'a.tsv')).toBe(0.6);
    expect(csv.detect('{"title": "x"}\n', 'a.jsonl')).toBe(0);
    expect(csv.detect('@article{x,\n title={A, B}}', 'a.bib')).toBe(0);
    expect(csv.detect('Daily Papers\nTitle of a paper\n', 'a.txt')).toBe(0);
  });
});
