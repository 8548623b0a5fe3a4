// The bench's synthetic corpus: every paper survives ingest unmerged, texts are resampled real sentences, dates span years;
// and the projection on it stays sparse (at most k neighbours a paper: nothing dense paper × paper).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { extract } from '../../src/extract/index.ts';
import { buildKnowledgeGraph, projectPapers, resolveGraphOptions } from '../../src/graph/index.ts';
import { writeSyntheticCorpus } from '../../scripts/bench/corpus.ts';

const CORPUS = join(import.meta.dirname, '../../graph/corpus/hf-daily-papers-fewer-tokens.txt');

describe('bench corpus', async () => {
  const real = (await ingest([fileSource(CORPUS)])).papers.filter((p) => p.abstract.length > 200);
  const dir = mkdtempSync(join(tmpdir(), 'paper-kg-bench-'));
  const path = join(dir, 'corpus.jsonl');
  await writeSyntheticCorpus(path, 1500, 7, real);
  const ingested = await ingest([fileSource(path)]);
  rmSync(dir, { recursive: true, force: true });

  it('ingests to exactly n papers: titles are unique, so none merge and none are skipped', () => {
    expect(ingested.ok).toBe(true);
    expect(ingested.papers).toHaveLength(1500);
    expect(ingested.messages.filter((m) => m.level === 'warning')).toEqual([]);
  });

  it('builds abstracts from real sentences and dates them over 2022–2025', () => {
    const realText = real.map((p) => p.abstract).join('\n');
    const first = ingested.papers[0].abstract.split(/(?<=[.!?])\s+(?=[A-Z])/)[0];
    expect(realText).toContain(first);
    const years = new Set(ingested.papers.map((p) => p.date!.value.slice(0, 4)));
    expect([...years].sort()).toEqual(['2022', '2023', '2024', '2025']);
  });

  it('relates each paper to at most k others (the projection is a sparse top-k graph)', () => {
    // NOTE: the pipeline's stages up to the projection, as runPipeline runs them (themes and layout are not the point here).
    const options = resolveGraphOptions({});
    const projection = projectPapers(buildKnowledgeGraph(ingested.papers, extract(ingested.papers)), options);
    expect(projection.graph.order).toBe(1500);
    expect(projection.graph.size).toBeLessThanOrEqual(options.neighbours * 1500);
    expect(projection.graph.size).toBeGreaterThan(1500);
  });
});
