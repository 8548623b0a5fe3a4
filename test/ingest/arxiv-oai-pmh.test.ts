// arXiv OAI-PMH ListRecords (metadataPrefix=arXiv), streamed with saxes: a real 1,000-record page and tiny edge cases.
import { describe, expect, it } from 'vitest';
import { detectFormat, ingest } from '../../src/ingest/index.ts';
import { arxivOaiPmh } from '../../src/ingest/formats/arxiv-oai-pmh.ts';
import { fileSource, textSource } from '../../src/io/files.ts';
import type { SourceInput } from '../../src/ingest/types.ts';

const PAGE = new URL('../fixtures/arxiv-oai-pmh-cs/listrecords-cs-page094.xml', import.meta.url).pathname;

describe('arxiv-oai-pmh', () => {
  it('reads the real page: 1000 records, detected without --format', async () => {
    const source = fileSource(PAGE);
    expect(await detectFormat(source)).toBe('arxiv-oai-pmh');
    const r = await ingest([source]);
    expect(r.ok).toBe(true);
    // Three pairs of records share a title ("Parsing with Typed Feature Structures"…) but not an arXiv id: kept apart.
    expect(r.files).toEqual([{ file: 'listrecords-cs-page094.xml', format: 'arxiv-oai-pmh', read: 1000, parsed: 1000, skipped: 0, merged: 0 }]);
    expect(r.papers).toHaveLength(1000);
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(1000);
    const first = r.papers[0];
    expect(first).toMatchObject({
      id: '1603.00132',
      title: 'A Universal Update-pacing Framework For Visual Tracking',
      authors: { names: ['Zexi Hu', 'Yuefang Gao', 'Dong Wang', 'Xuhong Tian'] },
      date: { value: '2016-02-29', precision: 'day', inferred: false },
      links: { arxiv: 'https://arxiv.org/abs/1603.00132' },
      categories: ['cs.CV'],
      provenance: [{ file: 'listrecords-cs-page094.xml', format: 'arxiv-oai-pmh', line: 6, index: 0 }],
    });
    expect(first.abstract.startsWith('This paper proposes a novel framework to alleviate the model drift problem in visual tracking, which')).toBe(true);
    // Numeric character references in names are decoded.
    expect(r.papers.find((p) => p.id === '1603.00254')!.authors.names).toEqual(['Vít Jelínek', 'Eva Jelínková', 'Jan Kratochvíl']);
    // The date is <created> (first version), not <updated>; suffixes follow the name.
    const silva = r.papers.find((p) => p.id === '1603.00671')!;
    expect(silva.date?.value).toBe('2016-03-02');
    expect(silva.authors.names[0]).toBe('Jose Mairton B. da Silva Jr');
    // Old-style ids and space-separated categories; the DOI when given.
    expect(r.papers.find((p) => p.id === 'adap-org/9807003')!.categories).toEqual(['adap-org', 'cs.NE', 'nlin.AO', 'q-bio.PE']);
    expect(r.papers.find((p) => p.id === '1603.00260')!.links.doi).toBe('10.1145/2835776.2855083');
    expect(r.papers.filter((p) => p.links.doi)).toHaveLength(36);
    expect(r.papers.every((p) => p.title && !/\s{2}|\n/.test(p.title) && p.date && p.authors.names.length)).toBe(true);
  });

  it('streams: reads from small chunks with the same result', async () => {
    const whole = fileSource(PAGE);
    const text = await whole.text();
    const small: SourceInput = {
      name: 'chunked.xml',
      text: () => Promise.reject(new Error('text() must not be used: the reader streams')),
      async *chunks() {
        for (let i = 0; i < text.length; i += 997) yield text.slice(i, i + 997);
      },
    };
    const items = [];
    for await (const item of arxivOaiPmh.read(small, {})) items.push(item);
    expect(items).toHaveLength(1000);
    expect(items.every((i) => i.kind === 'paper')).toBe(true);
  });

  const wrap = (records: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n<ListRecords>\n${records}\n</ListRecords>\n</OAI-PMH>\n`;

  it('reports deleted records and records without arXiv metadata, with their index and line', async () => {
    const xml = wrap(
      [
        '<record><header status="deleted"><identifier>oai:arXiv.org:0704.0001</identifier></header></record>',
        '<record><header><identifier>oai:arXiv.org:0704.0002</identifier></header><metadata><oai_dc:dc xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/"/></metadata></record>',
        '<record><header><identifier>oai:arXiv.org:0704.0003</identifier></header><metadata><arXiv xmlns="http://arxiv.org/OAI/arXiv/"><id>0704.0003</id><created>2007-03-31</created><authors><author><keyname>&#x160;r&#xe1;mek</keyname><forenames>Robert</forenames></author></authors><title>A\n  Title</title><categories>cs.LG stat.ML</categories><doi>10.1103/PhysRevD.76.013009</doi><journal-ref>J. 1</journal-ref><abstract>  An\nabstract. </abstract></arXiv></metadata></record>',
      ].join('\n'),
    );
    const r = await ingest([textSource('t.xml', xml)]);
    expect(r.files[0]).toMatchObject({ format: 'arxiv-oai-pmh', read: 3, parsed: 1, skipped: 2 });
    expect(r.messages.map((m) => [m.index, m.line, m.message])).toEqual([
      [0, 4, 'record oai:arXiv.org:0704.0001 is marked deleted in the OAI-PMH header'],
      [1, 5, 'record oai:arXiv.org:0704.0002 has no <arXiv> metadata; harvest with metadataPrefix=arXiv'],
    ]);
    expect(r.papers).toEqual([
      {
        id: '0704.0003',
        title: 'A Title',
        abstract: 'An abstract.',
        authors: { names: ['Robert Šrámek'] },
        date: { value: '2007-03-31', precision: 'day', inferred: false },
        links: { arxiv: 'https://arxiv.org/abs/0704.0003', doi: '10.1103/physrevd.76.013009' },
        categories: ['cs.LG', 'stat.ML'],
        provenance: [{ file: 't.xml', format: 'arxiv-oai-pmh', line: 6, index: 2 }],
      },
    ]);
  });

  it('a truncated harvest is a file error naming line and column', async () => {
    const xml = wrap('<record><header><identifier>x</identifier></header>').slice(0, -30);
    const r = await ingest([textSource('cut.xml', xml)]);
    expect(r.ok).toBe(false);
    expect(r.files[0]).toMatchObject({ read: 0, error: { code: 'E_FORMAT_MALFORMED' } });
    expect(r.files[0].error!.message).toMatch(/^cut\.xml: \d+:\d+: .*expected well-formed OAI-PMH XML$/);
  });

  it('an OAI-PMH error response is a file error', async () => {
    const xml = '<?xml version="1.0"?><OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><error code="badResumptionToken">expired</error></OAI-PMH>';
    const r = await ingest([textSource('e.xml', xml)], { format: 'arxiv-oai-pmh' });
    expect(r.files[0].error?.message).toBe('e.xml: the OAI-PMH response is an error (badResumptionToken: expired); harvest again');
  });
});
