// papers.jsonl, what an update re-reads: round trip, strict reading, and the committed graph/papers.jsonl is current.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { papersToJsonl, parsePapersJsonl, PAPERS_FILE } from '../../src/update/papers.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('papers.jsonl', () => {
  it('graph/papers.jsonl is the bundled corpus as ingested, and reads back to the same papers', async () => {
    const { papers } = await ingest([fileSource(join(ROOT, 'graph/corpus/hf-daily-papers-fewer-tokens.txt'))]);
    const text = papersToJsonl(papers);
    expect(text === readFileSync(join(ROOT, 'graph', PAPERS_FILE), 'utf8'), 'graph/papers.jsonl is stale: rebuild graph/ (README, "Build and exports")').toBe(
      true,
    );
    expect(parsePapersJsonl(text)).toEqual(papers);
    expect(text.split('\n').length - 1).toBe(papers.length);
  });

  it('a damaged line is an error naming the file and line, never a dropped paper', () => {
    const good = papersToJsonl([
      { id: 'a', title: 'A', abstract: '', authors: { names: [] }, links: {}, categories: [], provenance: [{ file: 'x.json', format: 'jsonl', index: 0 }] },
    ]);
    expect(() => parsePapersJsonl(good + '{"id":"b"\n', 'b/papers.jsonl')).toThrow(/b\/papers\.jsonl, line 2: not valid JSON/);
    expect(() => parsePapersJsonl(good + '{"id":"b"}\n', 'b/papers.jsonl')).toThrow(/b\/papers\.jsonl, line 2: not a paper record \(title/);
  });
});
