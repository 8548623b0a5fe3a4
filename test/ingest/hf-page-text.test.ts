// The bundled corpus (HF Daily Papers page text) reads into exactly its 109 papers.
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';

const CORPUS = new URL('../../graph/corpus/hf-daily-papers-fewer-tokens.txt', import.meta.url).pathname;

describe('hf-page-text', () => {
  it('reads the bundled corpus into 109 papers with titles, abstracts, counts, dates and upvotes', async () => {
    const r = await ingest([fileSource(CORPUS)]);
    expect(r.ok).toBe(true);
    expect(r.files).toEqual([{ file: 'hf-daily-papers-fewer-tokens.txt', format: 'hf-page-text', read: 109, parsed: 109, skipped: 0, merged: 0 }]);
    expect(r.papers).toHaveLength(109);
    const first = r.papers[0];
    expect(first.title).toBe('TextHawk2: A Large Vision-Language Model Excels in Bilingual OCR and Grounding with 16x Fewer Tokens');
    expect(first.abstract.startsWith('Reading dense text and locating objects')).toBe(true);
    expect(first.authors).toEqual({ names: [], count: 4 });
    expect(first.date).toEqual({ value: '2024-10-07', precision: 'day', inferred: false });
    expect(first.provenance).toEqual([{ file: 'hf-daily-papers-fewer-tokens.txt', format: 'hf-page-text', line: 13, index: 0 }]);
    // "Apr 15 4": a date without a year (inferred: one after the newest year shown) and 4 upvotes.
    const nemo = r.papers.find((p) => p.title.startsWith('NEMOTRON-CROSSTHINK'))!;
    expect(nemo.date).toEqual({ value: '2025-04-15', precision: 'day', inferred: true });
    expect(nemo.upvotes).toBe(4);
    expect(nemo.authors.count).toBe(11);
    // Every paper has a title and an abstract; all but five (listed with no metadata) have a date.
    expect(r.papers.every((p) => p.title && p.abstract.length > 200)).toBe(true);
    expect(r.papers.filter((p) => !p.date)).toHaveLength(5);
    expect(new Set(r.papers.map((p) => p.id)).size).toBe(109);
    // The organisation line ("kyutai Kyutai") is not an author count and not a title.
    const arc = r.papers.find((p) => p.title.startsWith('ARC-Encoder'))!;
    expect(arc.authors).toEqual({ names: [] });
    expect(arc.date?.value).toBe('2025-10-23');
    // The page's e-mail-obfuscation artefact is kept as copied, and reported.
    expect(r.messages.some((m) => m.level === 'warning' && m.message.includes('e-mail-obfuscation'))).toBe(true);
  });

  it('takes the year from --listing-date', async () => {
    const text = await readFile(CORPUS, 'utf8');
    const r = await ingest([textSource('page.txt', text)], { listingDate: '2026-03-01' });
    expect(r.papers.find((p) => p.title.startsWith('NEMOTRON'))!.date?.value).toBe('2026-04-15');
  });

  it('reads a tiny page exactly', async () => {
    const page = ['Daily Papers', '', 'A Title', '', 'An abstract.', '', '  • 2 authors', '·', 'Mar 3, 2024 7', '', 'Second', '', 'Its abstract.', ''].join(
      '\n',
    );
    const r = await ingest([textSource('p.txt', page)]);
    expect(r.papers.map((p) => [p.title, p.abstract, p.authors.count, p.date?.value, p.upvotes])).toEqual([
      ['A Title', 'An abstract.', 2, '2024-03-03', 7],
      ['Second', 'Its abstract.', undefined, undefined, undefined],
    ]);
  });
});
