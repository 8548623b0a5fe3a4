// The Kaggle arXiv OAI snapshot (JSON Lines): a real 200-record head, and tiny edge cases.
import { describe, expect, it } from 'vitest';
import { detectFormat, ingest } from '../../src/ingest/index.ts';
import { arxivOaiJsonl } from '../../src/ingest/formats/arxiv-oai-jsonl.ts';
import { fileSource, textSource } from '../../src/io/files.ts';

const HEAD = new URL('../fixtures/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.head.jsonl', import.meta.url).pathname;

describe('arxiv-oai-jsonl', () => {
  it('reads the real head: 200 records, detected without --format', async () => {
    const source = fileSource(HEAD);
    expect(await detectFormat(source)).toBe('arxiv-oai-jsonl');
    const r = await ingest([source]);
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([{ file: 'arxiv-metadata-oai-snapshot.head.jsonl', format: 'arxiv-oai-jsonl', read: 200, parsed: 200, skipped: 0, merged: 0 }]);
    expect(r.papers).toHaveLength(200);
    const [first, second] = r.papers;
    expect(first).toMatchObject({
      id: '0704.0001',
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      authors: { names: ['C. Balázs', 'E. L. Berger', 'P. M. Nadolsky', 'C. -P. Yuan'] },
      // versions[0].created "Mon, 2 Apr 2007 19:18:42 GMT", not update_date 2008-11-26.
      date: { value: '2007-04-02', precision: 'day', inferred: false },
      links: { arxiv: 'https://arxiv.org/abs/0704.0001', doi: '10.1103/physrevd.76.013009' },
      categories: ['hep-ph'],
      provenance: [{ file: 'arxiv-metadata-oai-snapshot.head.jsonl', format: 'arxiv-oai-jsonl', line: 1, index: 0 }],
    });
    expect(first.abstract.startsWith('A fully differential calculation in perturbative quantum chromodynamics is presented for')).toBe(true);
    expect(second.categories).toEqual(['math.CO', 'cs.CG']);
    expect(second.date?.value).toBe('2007-03-31');
    expect(r.papers.find((p) => p.id === '0704.0009')!.authors.names).toContain('Neal J. Evans II');
    expect(r.papers.filter((p) => p.links.doi)).toHaveLength(117);
    expect(r.papers.every((p) => !/\s{2}|\n/.test(p.title + p.abstract) && p.authors.names.length > 0 && p.date)).toBe(true);
  });

  it('falls back to update_date and the authors string; reports bad lines with their line number', async () => {
    const lines = [
      JSON.stringify({
        id: '0704.0100',
        title: 'Only\n  update date',
        authors: "A. Bal\\'azs and B. Second",
        categories: 'cs.LG',
        abstract: ' x ',
        update_date: '2008-01-02',
      }),
      '',
      '{"id": "broken",',
      JSON.stringify({ id: '0704.0101', title: '', versions: [], categories: 'cs.LG' }),
      JSON.stringify([1, 2]),
    ].join('\n');
    const r = await ingest([textSource('s.jsonl', lines)], { format: 'arxiv-oai-jsonl' });
    expect(r.papers.map((p) => [p.id, p.title, p.authors.names, p.date?.value, p.provenance[0].line])).toEqual([
      ['0704.0100', 'Only update date', ['A. Balázs', 'B. Second'], '2008-01-02', 1],
    ]);
    expect(r.messages.map((m) => [m.index, m.line, m.message.replace(/\(.*\)/, '(…)')])).toEqual([
      [1, 3, 'not valid JSON (…); expected one snapshot record per line'],
      [2, 4, 'record 0704.0101 has no title'],
      [3, 5, 'expected a JSON object per line'],
    ]);
  });

  it('detects the snapshot by its keys, not other JSON Lines', () => {
    expect(arxivOaiJsonl.detect('{"id":"1","versions":[],"categories":"cs.LG"}\n', 'x.jsonl')).toBe(0.9);
    expect(arxivOaiJsonl.detect('{"id":"1","authors_parsed":[]}\n', 'x.jsonl')).toBe(0.9);
    expect(arxivOaiJsonl.detect('{"title":"t","abstract":"a"}\n', 'x.jsonl')).toBe(0);
    expect(arxivOaiJsonl.detect('[{"paper":{}}]', 'x.json')).toBe(0);
  });
});
