// The generic JSON Lines reader: exact results on tiny inputs, real files (paper-kg's own output, the arXiv snapshot), detection.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';
import { jsonl, boundedLines } from '../../src/ingest/formats/jsonl.ts';
import { arxivOaiJsonl } from '../../src/ingest/formats/arxiv-oai-jsonl.ts';
import { readFile } from 'node:fs/promises';

const SNAPSHOT = new URL('../fixtures/arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.head.jsonl', import.meta.url).pathname;
const PAGE = new URL('../fixtures/hf-papers-html/huggingface_papers_2024-08-01.html', import.meta.url).pathname;

describe('jsonl', () => {
  it('reads the common shapes with no options; reports bad lines by number; ignores blank lines', async () => {
    const lines = [
      JSON.stringify({ id: 'arXiv:2401.00001v3', title: 'Strings for authors', abstract: 'One.', authors: ['Ada Lovelace', 'Alan Turing'], date: '2024-01' }),
      '',
      JSON.stringify({
        title: 'Objects for authors',
        summary: 'Two.',
        authors: [{ name: 'Grace Hopper' }, { given: 'Edsger', family: 'Dijkstra' }],
        date: 'Mon, 3 Jun 2024 17:50:01 GMT',
        doi: 'https://doi.org/10.1000/XYZ',
        keywords: 'a, b',
      }),
      '   ',
      '{"title": "broken", ',
      JSON.stringify({ Title: 'A string of authors', Authors: 'Hinton, Geoffrey; LeCun, Yann', Year: 2015, url: 'https://arxiv.org/abs/1505.00001' }),
      '[1, 2]',
      JSON.stringify({ abstract: 'no title' }),
    ].join('\n');
    const r = await ingest([textSource('tiny.jsonl', lines)]);
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([{ file: 'tiny.jsonl', format: 'jsonl', read: 6, parsed: 3, skipped: 3, merged: 0 }]);
    expect(r.papers).toEqual([
      {
        id: '2401.00001',
        title: 'Strings for authors',
        abstract: 'One.',
        authors: { names: ['Ada Lovelace', 'Alan Turing'] },
        date: { value: '2024-01', precision: 'month', inferred: false },
        links: { arxiv: 'https://arxiv.org/abs/2401.00001' },
        categories: [],
        provenance: [{ file: 'tiny.jsonl', format: 'jsonl', line: 1, index: 0 }],
      },
      {
        id: expect.stringMatching(/^t-[0-9a-f]{10}$/),
        title: 'Objects for authors',
        abstract: 'Two.',
        authors: { names: ['Grace Hopper', 'Edsger Dijkstra'] },
        date: { value: '2024-06-03', precision: 'day', inferred: false },
        links: { doi: '10.1000/xyz' },
        categories: ['a', 'b'],
        provenance: [{ file: 'tiny.jsonl', format: 'jsonl', line: 3, index: 1 }],
      },
      {
        id: '1505.00001',
        title: 'A string of authors',
        abstract: '',
        authors: { names: ['Geoffrey Hinton', 'Yann LeCun'] },
        date: { value: '2015', precision: 'year', inferred: false },
        links: { arxiv: 'https://arxiv.org/abs/1505.00001', url: 'https://arxiv.org/abs/1505.00001' },
        categories: [],
        provenance: [{ file: 'tiny.jsonl', format: 'jsonl', line: 6, index: 3 }],
      },
    ]);
    expect(r.messages.map((m) => [m.line, m.index, m.message.replace(/\(.*\)/, '(…)')])).toEqual([
      [5, 2, 'not valid JSON (…); expected one JSON object per line'],
      [7, 4, 'expected a JSON object per line, got an array'],
      [8, 5, 'no title: no "title" key among "abstract"; name the key with --field-map title=<key>'],
    ]);
  });

  it('applies the field map, with dot paths into nested objects', async () => {
    const line = JSON.stringify({ paper: { name: 'Nested title', text: 'Nested abstract.' }, people: 'A. One, B. Two', when: '2023-07-09' });
    const r = await ingest([textSource('n.jsonl', line)], {
      format: 'jsonl',
      fieldMap: { title: 'paper.name', abstract: 'paper.text', authors: 'people', date: 'when' },
    });
    expect(r.papers[0]).toMatchObject({
      title: 'Nested title',
      abstract: 'Nested abstract.',
      authors: { names: ['A. One', 'B. Two'] },
      date: { value: '2023-07-09', precision: 'day' },
    });
  });

  it("reads paper-kg's own output back to the same papers", async () => {
    const first = await ingest([fileSource(PAGE)]);
    const out = first.papers.map((p) => JSON.stringify(p)).join('\n') + '\n';
    const again = await ingest([textSource('papers.jsonl', out)]);
    expect(again.files[0]).toMatchObject({ format: 'jsonl', read: 13, parsed: 13, skipped: 0 });
    expect(again.papers.map((p) => [p.id, p.title, p.abstract, p.authors.names, p.date?.value, p.categories])).toEqual(
      first.papers.map((p) => [p.id, p.title, p.abstract, p.authors.names, p.date?.value, p.categories]),
    );
  });

  it('leaves the arXiv snapshot to its own reader, and reads it when told to', async () => {
    const head = await readFile(SNAPSHOT, 'utf8');
    expect(jsonl.detect(head, 'x.jsonl')).toBe(0.5);
    expect(arxivOaiJsonl.detect(head, 'x.jsonl')).toBeGreaterThan(jsonl.detect(head, 'x.jsonl'));
    expect((await ingest([fileSource(SNAPSHOT)])).files[0].format).toBe('arxiv-oai-jsonl');
    const r = await ingest([fileSource(SNAPSHOT)], { format: 'jsonl' });
    expect(r.files[0]).toMatchObject({ format: 'jsonl', read: 200, parsed: 200, skipped: 0 });
    expect(r.papers[0]).toMatchObject({
      id: '0704.0001',
      title: 'Calculation of prompt diphoton production cross sections at Tevatron and LHC energies',
      links: { doi: '10.1103/physrevd.76.013009' },
    });
    expect(r.papers[0].authors.names[1]).toBe('E. L. Berger');
  });

  it('detects objects with a title key, weakly', () => {
    expect(jsonl.detect('{"title": "x", "abstract": "y"}\n{"title": "z"}\n', 'a.jsonl')).toBe(0.5);
    expect(jsonl.detect('\n{"name": "x"}\n', 'a.jsonl')).toBe(0.2);
    expect(jsonl.detect('{"title": "' + 'x'.repeat(70000), 'a.jsonl')).toBe(0.5);
    expect(jsonl.detect('[{"title": "x"}]', 'a.json')).toBe(0);
    expect(jsonl.detect('{\n  "title": "x"\n}', 'a.json')).toBe(0);
  });

  it('splits lines across chunk boundaries and drops an over-long line without keeping it', async () => {
    const source = {
      name: 's',
      text: async () => '',
      async *chunks() {
        yield 'ab';
        yield 'c\r\nxxxx';
        yield 'xxxxxx';
        yield 'x\nlast';
      },
    };
    const out = [];
    for await (const l of boundedLines(source, 5)) out.push(l);
    expect(out).toEqual([
      { text: 'abc', line: 1 },
      { text: '', line: 2, tooLong: 11 },
      { text: 'last', line: 3 },
    ]);
  });
});
