// The saved HF papers page: the Daily Papers JSON inside its DailyPapers data-props, mapped like the API.
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';

const PAGE = new URL('../fixtures/hf-papers-html/huggingface_papers_2024-08-01.html', import.meta.url).pathname;

describe('hf-html', () => {
  it('reads the 13 papers of the saved page', async () => {
    const r = await ingest([fileSource(PAGE)]);
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([{ file: 'huggingface_papers_2024-08-01.html', format: 'hf-html', read: 13, parsed: 13, skipped: 0, merged: 0 }]);
    expect(r.papers.map((p) => p.id)).toEqual([
      '2407.21783',
      '2407.21705',
      '2407.21770',
      '2407.21646',
      '2407.21772',
      '2407.21630',
      '2407.21721',
      '2407.21530',
      '2407.20229',
      '2407.21781',
      '2407.21686',
      '2407.21475',
      '2404.01300',
    ]);
    const llama = r.papers[0];
    expect(llama.title).toBe('The Llama 3 Herd of Models');
    expect(llama.abstract.startsWith('Modern artificial intelligence (AI) systems are powered by foundation models.')).toBe(true);
    expect(llama.authors.names).toHaveLength(533);
    expect(llama.authors.names[0]).toBe('Abhimanyu Dubey');
    expect(llama.date).toEqual({ value: '2024-07-31', precision: 'day', inferred: false });
    expect(llama.upvotes).toBe(94);
    expect(llama.links).toEqual({ arxiv: 'https://arxiv.org/abs/2407.21783', hf: 'https://huggingface.co/papers/2407.21783' });
    expect(llama.provenance).toEqual([{ file: 'huggingface_papers_2024-08-01.html', format: 'hf-html', index: 0 }]);
    // HTML entities in the attribute are decoded once: no "&quot;" or "&amp;" left in any text.
    expect(r.papers.every((p) => !/&(quot|amp|lt|gt|#\d+);/.test(p.title + p.abstract + p.authors.names.join()))).toBe(true);
    expect(r.papers[12]).toMatchObject({ title: expect.stringMatching(/^NeRF-MAE: Masked AutoEncoders/), date: { value: '2024-04-01' }, upvotes: 3 });
  });

  it('decodes entities in data-props whatever the attribute order, and never renders the text', async () => {
    const props = JSON.stringify({
      dailyPapers: [
        {
          paper: {
            id: '2401.00001',
            title: 'Tom & Jerry <b>bold</b> "quoted"',
            summary: 'x > y',
            authors: [{ name: 'Zoë' }],
            publishedAt: '2024-01-02T00:00:00Z',
          },
        },
      ],
    });
    const escaped = props.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const html = `<html><body><div data-props="${escaped}" class="SVELTE_HYDRATER contents" data-target="DailyPapers"></div></body></html>`;
    const r = await ingest([textSource('page.html', html)]);
    expect(r.files[0]).toMatchObject({ format: 'hf-html', parsed: 1 });
    expect(r.papers[0]).toMatchObject({ title: 'Tom & Jerry <b>bold</b> "quoted"', abstract: 'x > y', authors: { names: ['Zoë'] } });
  });

  it('says what is missing when the page has no Daily Papers data', async () => {
    const r = await ingest([textSource('other.html', '<html><head><link href="https://huggingface.co/x"></head><body>hi</body></html>')]);
    expect(r.ok).toBe(false);
    expect(r.files[0].error).toEqual({
      code: 'E_FORMAT_MALFORMED',
      message: expect.stringMatching(/^other\.html: no Daily Papers data found; expected a page saved from https:\/\/huggingface\.co\/papers/),
    });
  });
});
