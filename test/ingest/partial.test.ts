// Issue 13, item 7: a streamed file that faults part way keeps the records read before the fault (and says where it
// broke); one size cap per record for every format, JSON arrays included.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource, textSource } from '../../src/io/files.ts';

const FIX = join(import.meta.dirname, '../fixtures');

describe('a truncated OAI-PMH harvest (the real cs page, cut at 60%)', () => {
  it('keeps every record completed before the cut, in order, and fails the file naming line and column', async () => {
    const path = join(FIX, 'arxiv-oai-pmh-cs/listrecords-cs-page094.xml');
    const full = await ingest([fileSource(path)]);
    const text = readFileSync(path, 'utf8');
    const cut = await ingest([textSource('cut.xml', text.slice(0, Math.floor(text.length * 0.6)))]);
    expect(cut.ok).toBe(false);
    const kept = cut.papers.map((p) => p.id);
    expect(kept.length).toBeGreaterThan(full.papers.length * 0.5);
    expect(kept.length).toBeLessThan(full.papers.length);
    expect(kept).toEqual(full.papers.slice(0, kept.length).map((p) => p.id));
    expect(cut.files[0]).toMatchObject({ parsed: kept.length, error: { code: 'E_FORMAT_MALFORMED' } });
    expect(cut.files[0].error!.message).toMatch(
      new RegExp(
        `^cut\\.xml: \\d+:\\d+: .*\\(after ${kept.length} records\\); expected well-formed OAI-PMH XML; the ${kept.length} record\\(s\\) read before it are kept$`,
      ),
    );
  });
});

describe('one size cap per record for every format', () => {
  it('a JSON array (an HF API day) with a 5 MB abstract: that record is skipped with its size, the others kept, quickly', async () => {
    const day = JSON.parse(readFileSync(join(FIX, 'hf-daily-papers-api/2024-06/2024-06-03.json'), 'utf8')) as Array<{ paper: { summary: string } }>;
    day[1].paper.summary = 'We propose a model. '.repeat(260_000);
    const t0 = performance.now();
    const r = await ingest([textSource('big.json', JSON.stringify(day))]);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(r.files[0]).toMatchObject({ format: 'hf-api-json', read: day.length, parsed: day.length - 1, skipped: 1 });
    expect(r.messages).toEqual([
      { level: 'error', file: 'big.json', index: 1, line: undefined, message: 'record is 5.0 MB of text, over the 4 MB limit for one record; skipped' },
    ]);
  });
});
