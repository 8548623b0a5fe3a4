// arXiv query API Atom responses (old and new layouts, two feeds in one file) read into papers.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { detectFormat, ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';

const dir = new URL('../fixtures/arxiv-atom-api/', import.meta.url).pathname;

describe('arxiv-atom', () => {
  it.each([
    ['einstein-10.xml', 10, 10],
    ['new2026-agent_arxiv_raw.xml', 10, 10],
    ['new2026-astro-ph-63.xml', 63, 63],
    ['new2026-latest_cs_ai.xml', 50, 50],
    ['new2026-latest_cs_lg.xml', 50, 50],
    // Two feeds back to back (two XML prologs); 2605.15155 is in both, so it is merged into one paper.
    ['new2026-rsi_arxiv_raw.xml', 20, 19],
    ['old2020-id_list-1601.00001.xml', 1, 1],
    ['old2025-10-cs.RO-neural-2.xml', 2, 2],
  ])('%s: detected without --format, %i entries, %i papers', async (file, entries, papers) => {
    const source = fileSource(dir + file);
    expect(await detectFormat(source)).toBe('arxiv-atom');
    const r = await ingest([source]);
    expect(r.ok).toBe(true);
    expect(r.files[0]).toMatchObject({ format: 'arxiv-atom', read: entries, parsed: entries, skipped: 0, merged: entries - papers });
    expect(r.papers).toHaveLength(papers);
    for (const p of r.papers) {
      expect(p.id).toMatch(/^\d{4}\.\d{4,5}$|^[a-z-]+(\.[A-Z]{2})?\/\d{7}$/);
      expect(p.links.arxiv).toBe(`https://arxiv.org/abs/${p.id}`);
      expect(p.title).not.toMatch(/\s{2}|\n/);
      expect(p.abstract.length).toBeGreaterThan(50);
      expect(p.authors.names.length).toBeGreaterThan(0);
      expect(p.date?.precision).toBe('day');
      expect(p.categories.length).toBeGreaterThan(0);
    }
  });

  it('reads the old layout: hard wraps collapsed, LaTeX accents decoded, DOI and categories, primary first', async () => {
    const r = await ingest([fileSource(dir + 'old2020-id_list-1601.00001.xml')]);
    const [p] = r.papers;
    expect(p.id).toBe('1601.00001');
    expect(p.title).toBe('Inelastic effects in molecular transport junctions: The probe technique at high bias');
    expect(p.abstract.startsWith('We extend the Landauer-Büttiker probe formalism for conductances to the high bias regime')).toBe(true);
    expect(p.authors.names).toEqual(['Michael Kilgour', 'Dvira Segal']);
    expect(p.date).toEqual({ value: '2015-12-26', precision: 'day', inferred: false });
    expect(p.links).toEqual({ arxiv: 'https://arxiv.org/abs/1601.00001', pdf: 'http://arxiv.org/pdf/1601.00001v1', doi: '10.1063/1.4944470' });
    expect(p.categories).toEqual(['cond-mat.mes-hall']);
    expect(p.provenance).toEqual([{ file: 'old2020-id_list-1601.00001.xml', format: 'arxiv-atom', line: 10, index: 0 }]);
  });

  it('reads the new layout: versioned id dropped, all categories with the primary first', async () => {
    const r = await ingest([fileSource(dir + 'new2026-latest_cs_ai.xml')]);
    const p = r.papers[0];
    expect(p.id).toBe('2604.19485');
    expect(p.title).toBe('EVPO: Explained Variance Policy Optimization for Adaptive Critic Utilization in LLM Post-Training');
    expect(p.links.pdf).toBe('https://arxiv.org/pdf/2604.19485v1');
    expect(p.categories).toEqual(['cs.LG', 'cs.AI', 'cs.CL']);
    expect(p.date?.value).toBe('2026-04-21');
    expect(p.authors.names[0]).toBe('Chengjun Pan');
  });

  it('the second feed of a concatenated file keeps its line numbers', async () => {
    const r = await ingest([fileSource(dir + 'new2026-rsi_arxiv_raw.xml')]);
    const lines = r.papers.flatMap((p) => p.provenance.map((x) => x.line!));
    expect(Math.max(...lines)).toBeGreaterThan(341);
    const dup = r.papers.find((p) => p.id === '2605.15155')!;
    expect(dup.provenance.map((x) => x.index)).toHaveLength(2);
  });

  it('versions of one paper across files give one paper', async () => {
    const text = await readFile(dir + 'old2020-id_list-1601.00001.xml', 'utf8');
    const r = await ingest([textSource('a.xml', text), textSource('b.xml', text.replaceAll('1601.00001v1', '1601.00001v3'))]);
    expect(r.papers).toHaveLength(1);
    expect(r.files.map((f) => f.merged)).toEqual([0, 1]);
  });

  it('skips API error entries and untitled entries with their index and reason', async () => {
    const feed = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <link href="http://arxiv.org/api/query?id_list=1234.12345" rel="self" type="application/atom+xml"/>
  <entry>
    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
    <title>Error</title>
    <summary>incorrect id format for 1234.12345</summary>
  </entry>
  <entry><id>http://arxiv.org/abs/2401.01234v2</id><title>  </title><summary>x</summary></entry>
</feed>`;
    const r = await ingest([textSource('err.xml', feed)]);
    expect(r.files[0]).toMatchObject({ format: 'arxiv-atom', read: 2, parsed: 0, skipped: 2 });
    expect(r.messages.map((m) => [m.index, m.line, m.message])).toEqual([
      [0, 4, 'the arXiv API reported an error: incorrect id format for 1234.12345'],
      [1, 9, 'entry http://arxiv.org/abs/2401.01234v2 has no title'],
      // A file that yields no paper is an error (issue 13): the exit code says so.
      [undefined, undefined, 'err.xml: yielded no paper: all 2 record(s) were skipped (see above)'],
    ]);
    expect(r.ok).toBe(false);
    expect(r.files[0].error?.code).toBe('E_INPUT_EMPTY');
  });

  it('broken XML is a file error naming the line', async () => {
    const r = await ingest([
      textSource(
        'bad.xml',
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n<entry><title>x</entry></feed>',
      ),
    ]);
    expect(r.ok).toBe(false);
    expect(r.files[0].error?.code).toBe('E_FORMAT_MALFORMED');
    expect(r.files[0].error?.message).toMatch(/^bad\.xml: line 3/);
  });
});
