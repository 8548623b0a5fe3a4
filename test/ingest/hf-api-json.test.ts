// The HF Daily Papers API reader on the real day files of two schema generations, and its errors.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';
import { hfApiJson } from '../../src/ingest/formats/hf-api-json.ts';

const DIR = new URL('../fixtures/hf-daily-papers-api/', import.meta.url).pathname;
const month = (m: string) =>
  readdirSync(DIR + m)
    .sort()
    .map((f) => fileSource(`${DIR}${m}/${f}`));

describe('hf-api-json', () => {
  it('reads the 20 day files of 2024-06 (oldest schema) into 316 papers', async () => {
    const r = await ingest(month('2024-06'));
    expect(r.ok).toBe(true);
    expect(r.files).toHaveLength(20);
    expect(r.files.every((f) => f.format === 'hf-api-json' && f.skipped === 0 && !f.error)).toBe(true);
    expect(r.files.reduce((n, f) => n + f.parsed, 0)).toBe(316);
    expect(r.papers).toHaveLength(316);
    expect(r.messages).toEqual([]);
    const ssd = r.papers[0];
    expect(ssd).toEqual({
      id: '2405.21060',
      // The API's hard line breaks ("\n  ") are collapsed.
      title: 'Transformers are SSMs: Generalized Models and Efficient Algorithms Through Structured State Space Duality',
      abstract: expect.stringMatching(/^While Transformers have been the main architecture behind deep learning's success in language modeling, state-space/),
      authors: { names: ['Tri Dao', 'Albert Gu'] },
      date: { value: '2024-05-31', precision: 'day', inferred: false },
      upvotes: 27,
      links: { arxiv: 'https://arxiv.org/abs/2405.21060', hf: 'https://huggingface.co/papers/2405.21060' },
      categories: [],
      provenance: [{ file: '2024-06-03.json', format: 'hf-api-json', index: 0 }],
    });
    // Hidden authors keep their names (HF hides them in its own UI only).
    expect(r.papers.some((p) => p.authors.names.includes('Weicai Ye'))).toBe(true);
    expect(r.papers.every((p) => p.title && p.abstract && p.authors.names.length > 0 && p.date?.precision === 'day' && /^\d{4}\.\d{4,5}$/.test(p.id))).toBe(
      true,
    );
  });

  it('reads the 21 day files of 2025-03 (transition schema, extra fields) into 344 papers', async () => {
    const r = await ingest(month('2025-03'));
    expect(r.ok).toBe(true);
    expect(r.files.reduce((n, f) => n + f.parsed, 0)).toBe(344);
    expect(r.papers).toHaveLength(344);
    const pro = r.papers.find((p) => p.id === '2503.06885')!;
    expect(pro.title).toBe('ProBench: Judging Multimodal Foundation Models on Open-ended Multi-domain Expert Tasks');
    expect(pro.authors.names[0]).toBe('Yan Yang');
    expect(pro.date).toEqual({ value: '2025-03-10', precision: 'day', inferred: false });
    expect(pro.upvotes).toBe(2);
    expect(pro.links).toEqual({
      arxiv: 'https://arxiv.org/abs/2503.06885',
      hf: 'https://huggingface.co/papers/2503.06885',
      code: 'https://github.com/Yan98/ProBench_eval',
      url: 'https://yan98.github.io/ProBench/',
    });
    expect(pro.categories.slice(0, 3)).toEqual(['multimodal large language models (MLLMs)', 'benchmark', 'user queries']);
    expect(pro.provenance).toEqual([{ file: '2025-03-11.json', format: 'hf-api-json', index: 22 }]);
    // 265 of the 2024-06 + 2025-03 records carry ai_keywords, all of them in 2025-03; 130 have a GitHub repo.
    expect(r.papers.filter((p) => p.categories.length > 0)).toHaveLength(265);
    expect(r.papers.filter((p) => p.links.code)).toHaveLength(130);
  });

  it('refuses the Python-repr file with a clear error naming it, and no papers', async () => {
    const r = await ingest([fileSource(DIR + 'malformed/2024-12-11.json')]);
    expect(r.ok).toBe(false);
    expect(r.papers).toEqual([]);
    expect(r.files[0]).toMatchObject({ file: '2024-12-11.json', format: 'hf-api-json', read: 0, error: { code: 'E_FORMAT_MALFORMED' } });
    const msg = r.files[0].error!.message;
    expect(msg).toMatch(/^2024-12-11\.json: /);
    expect(msg).toContain('Python repr strings');
    expect(msg).toContain('rather than JSON objects');
    expect(msg).toContain('json.dump');
  });

  it('skips a record without a title or abstract, with its index and reason, and keeps the others', async () => {
    const day = JSON.stringify([
      {
        paper: {
          id: '2406.00001',
          title: 'A paper with everything',
          summary: 'An abstract.',
          authors: [{ name: 'A. Author' }],
          publishedAt: '2024-06-01T10:00:00.000Z',
          upvotes: 3,
        },
        publishedAt: '2024-06-03T00:00:00Z',
        title: 'A paper with everything',
      },
      { paper: { id: '2406.00002', summary: 'No title anywhere.', authors: [] }, publishedAt: '2024-06-03T00:00:00Z' },
      { paper: { id: '2406.00003', title: 'No abstract here', authors: [] }, publishedAt: '2024-06-03T00:00:00Z', title: 'No abstract here' },
      'a stray string',
    ]);
    const r = await ingest([textSource('day.json', day)]);
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([{ file: 'day.json', format: 'hf-api-json', read: 4, parsed: 1, skipped: 3, merged: 0 }]);
    expect(r.messages).toEqual([
      { level: 'error', file: 'day.json', index: 1, line: undefined, message: 'paper 2406.00002 has no title (expected paper.title)' },
      { level: 'error', file: 'day.json', index: 2, line: undefined, message: 'paper 2406.00003 "No abstract here" has no abstract (expected paper.summary)' },
      { level: 'error', file: 'day.json', index: 3, line: undefined, message: 'expected a Daily Papers object ({"paper": {...}}), got a string' },
    ]);
    expect(r.papers[0]).toMatchObject({ id: '2406.00001', authors: { names: ['A. Author'] }, date: { value: '2024-06-01', precision: 'day' }, upvotes: 3 });
  });

  it('detects its own files and not other JSON', () => {
    expect(hfApiJson.detect('[\n  {\n    "paper": {\n      "id": "2405.21060", "publishedAt": "x"', 'x.json')).toBeGreaterThan(0.9);
    expect(hfApiJson.detect('[{"id": "x", "title": "CSL", "type": "article"}]', 'refs.json')).toBe(0);
    expect(hfApiJson.detect('{"title": "a"}\n', 'x.jsonl')).toBe(0);
  });
});
