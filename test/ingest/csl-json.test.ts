// CSL-JSON (Manubot) bibliographies: 56 + 12 real items, JATS abstracts, arXiv ids, and tiny edge cases.
import { describe, expect, it } from 'vitest';
import { detectFormat, ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';

const dir = new URL('../fixtures/csl-json-manubot/', import.meta.url).pathname;

describe('csl-json', () => {
  it.each([
    ['fm-survey-references.csl.json', 56, 44],
    ['fm-survey-manual-references.csl.json', 12, 1],
  ])('%s: detected without --format, %i items, %i with abstracts', async (file, count, withAbstract) => {
    const source = fileSource(dir + file);
    expect(await detectFormat(source)).toBe('csl-json');
    const r = await ingest([source]);
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([{ file, format: 'csl-json', read: count, parsed: count, skipped: 0, merged: 0 }]);
    expect(r.papers.filter((p) => p.abstract)).toHaveLength(withAbstract);
    // No JATS left anywhere, and every item has a date and an author.
    expect(r.papers.some((p) => /<\/?jats:/.test(p.abstract + p.title))).toBe(false);
    expect(r.papers.every((p) => p.date && p.authors.names.length > 0)).toBe(true);
  });

  it('maps the real fields: arXiv id from number / arXiv DOI, dates with precision, JATS stripped', async () => {
    const r = await ingest([fileSource(dir + 'fm-survey-references.csl.json')]);
    const kg = r.papers[0];
    expect(kg).toMatchObject({
      id: '2301.12473',
      title: 'Large Language Models for Biomedical Knowledge Graph Construction: Information extraction from EMR notes',
      date: { value: '2025-01-30', precision: 'day', inferred: false },
      links: { arxiv: 'https://arxiv.org/abs/2301.12473', doi: '10.18653/v1/2024.bionlp-1.23', url: 'https://arxiv.org/abs/2301.12473' },
      provenance: [{ file: 'fm-survey-references.csl.json', format: 'csl-json', index: 0 }],
    });
    expect(kg.authors.names.slice(0, 2)).toEqual(['Vahan Arsenyan', 'Spartak Bughdaryan']);
    // DataCite items: the arXiv DOI gives the id, "Machine Learning (cs.LG)" gives cs.LG.
    const calib = r.papers.find((p) => p.title === 'On Calibration of Modern Neural Networks')!;
    expect(calib.id).toBe('1706.04599');
    expect(calib.date).toEqual({ value: '2017', precision: 'year', inferred: false });
    expect(calib.categories).toEqual(['cs.LG', 'FOS: Computer and information sciences']);
    expect(calib.authors.names.slice(0, 2)).toEqual(['Chuan Guo', 'Geoff Pleiss']);
    expect(r.papers.filter((p) => /^\d{4}\.\d{4,5}$/.test(p.id))).toHaveLength(21);
    const jama = r.papers.find((p) => p.title === 'Large Language Model Influence on Diagnostic Reasoning')!;
    expect(jama.abstract.startsWith('Importance Large language models (LLMs) have shown promise')).toBe(true);
    expect(jama.abstract).toContain('Objective To assess the effect of an LLM');
  });

  it('reads a tiny array exactly and skips items without a title', async () => {
    const items = [
      {
        id: 'x',
        type: 'article-journal',
        title: 'A <i>Tiny</i>\n  Title',
        author: [{ given: 'Ada', family: 'Lovelace' }, { literal: 'The Team' }, { given: 'Jan', 'non-dropping-particle': 'van', family: 'Dijk' }],
        issued: { 'date-parts': [['2021', '3']] },
        abstract: '<jats:p>One &amp; <jats:italic>two</jats:italic>.</jats:p>',
        DOI: '10.1000/ABC',
        keyword: 'graphs, learning',
      },
      { id: 'y', type: 'report', author: [] },
    ];
    const r = await ingest([textSource('t.json', JSON.stringify(items))]);
    expect(r.papers).toEqual([
      {
        id: expect.stringMatching(/^t-[0-9a-f]{10}$/),
        title: 'A Tiny Title',
        abstract: 'One & two.',
        authors: { names: ['Ada Lovelace', 'The Team', 'Jan van Dijk'] },
        date: { value: '2021-03', precision: 'month', inferred: false },
        links: { doi: '10.1000/abc' },
        categories: ['graphs', 'learning'],
        provenance: [{ file: 't.json', format: 'csl-json', index: 0 }],
      },
    ]);
    expect(r.messages).toEqual([{ level: 'error', file: 't.json', index: 1, line: undefined, message: 'item "y" has no title' }]);
  });

  it('invalid JSON is a file error', async () => {
    const r = await ingest([textSource('bad.json', '[{"type": "article-journal", "issued": {')], { format: 'csl-json' });
    expect(r.files[0].error).toMatchObject({
      code: 'E_FORMAT_MALFORMED',
      message: expect.stringMatching(/^bad\.json: not valid JSON .*expected a CSL-JSON array of items$/),
    });
  });
});
