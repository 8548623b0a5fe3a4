// Queries: exact answers on the tiny graph, and the bundled corpus's shared benchmarks with their numbers.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runPipeline } from '../../src/pipeline.ts';
import { toGraphJsonDocument } from '../../src/export/index.ts';
import { loadGraphDirectory } from '../../src/io/build.ts';
import { PaperKgError } from '../../src/errors.ts';
import {
  createQueryIndex,
  queryBenchmark,
  queryBoth,
  queryShared,
  querySimilar,
  queryTheme,
  queryThemes,
  editDistance,
  normalizeName,
} from '../../src/query/index.ts';
import { TINY_PAPERS, TINY_EXTRACTION } from '../graph/tiny.ts';

const index = createQueryIndex(toGraphJsonDocument(runPipeline(TINY_PAPERS, { seed: 1 }, TINY_EXTRACTION), ['tiny.txt']));

function errorOf(run: () => unknown): PaperKgError {
  try {
    run();
  } catch (e) {
    if (e instanceof PaperKgError) return e;
    throw e;
  }
  throw new Error('expected a PaperKgError');
}

describe('queries on the tiny graph', () => {
  it('benchmark: resolves aliases and case, lists papers with their results', () => {
    for (const name of ['aime', 'AIME 2024', 'Aime']) expect(queryBenchmark(index, name).benchmark.id).toBe('aime');
    const a = queryBenchmark(index, 'text-vqa');
    expect(a.papers.map((p) => [p.id, p.results.map((r) => `${r.value}${r.unit} ${r.metric}`)])).toEqual([
      ['t-1', []],
      ['t-2', ['78.4% accuracy']],
      ['t-3', []],
    ]);
  });

  it('an unknown name fails with E_QUERY and suggests the closest known ones', () => {
    const e = errorOf(() => queryBenchmark(index, 'AIEM'));
    expect(e.code).toBe('E_QUERY');
    expect(e.message).toMatch(/no benchmark or dataset named "AIEM".*did you mean: AIME/);
    expect(errorOf(() => queryBenchmark(index, 'zzzzzz')).message).toMatch(/query shared --kind benchmark/);
  });

  it('shared: concepts of a kind in ≥ 2 papers, most shared first', () => {
    expect(queryShared(index, { kind: 'benchmark' }).concepts.map((c) => [c.label, c.papers])).toEqual([
      ['AIME', 3],
      ['MATH-500', 3],
      ['TextVQA', 3],
    ]);
    expect(queryShared(index, {}).concepts[0].label).toBe('accuracy');
  });

  it('similar: nearest papers with the shared concepts that explain why, the rarest first', () => {
    const a = querySimilar(index, 't-4', 2);
    expect(a.similar.map((s) => s.id)).toEqual(['t-5', 't-6']);
    expect(a.similar[0].shared.map((c) => c.label)).toEqual(['AIME', 'GRPO', 'MATH-500', 'accuracy']);
    expect(querySimilar(index, 'grpo for aime').paper.id).toBe('t-4');
  });

  it('themes and theme by id or name', () => {
    expect(queryThemes(index).map((t) => t.id)).toEqual(['t1', 't2', 'other']);
    const byName = queryTheme(index, 'textvqa');
    expect(byName.theme.id).toBe('t1');
    expect(byName.papers.map((p) => p.id)).toEqual(['t-1', 't-2', 't-3']);
    expect(queryTheme(index, 'OTHER').papers.map((p) => p.id)).toEqual(['t-7']);
    expect(errorOf(() => queryTheme(index, 't9')).message).toMatch(/no theme "t9" in the graph; did you mean: t1 \(/);
  });

  it('theme summaries on the bundled graph: keywords, central papers, benchmarks, years, neighbours with shared concepts', async () => {
    const doc = await loadGraphDirectory(join(import.meta.dirname, '../../graph'));
    const big = createQueryIndex(doc);
    const a = queryTheme(big, 't1');
    expect(a.theme.keywords).toEqual(a.theme.topConcepts.map((c) => c.label));
    expect(a.centralPapers.length).toBeGreaterThan(0);
    expect(a.theme.years.reduce((s, y) => s + y.papers, 0)).toBe(a.papers.filter((p) => p.date).length);
    expect(a.theme.neighbours.length).toBeGreaterThan(0);
    for (const n of a.theme.neighbours) {
      expect(a.neighbourNames[n.theme]).toBe(doc.themes.find((t) => t.id === n.theme)!.name);
      expect(n.weight).toBeGreaterThan(0);
      // A shared concept has papers in both themes.
      for (const c of n.sharedConcepts) {
        const key = `concept:${c.id}`;
        const themesOf = new Set(
          doc.graph.edges
            .filter((e) => e.source === key || e.target === key)
            .map((e) => {
              const paper = e.source === key ? e.target : e.source;
              return doc.graph.nodes.find((x) => x.key === paper)!.attributes!.theme;
            }),
        );
        expect(themesOf.has('t1') && themesOf.has(n.theme)).toBe(true);
      }
    }
  });

  it('both: papers with both concepts', () => {
    expect(queryBoth(index, 'GRPO', 'math 500').papers.map((p) => p.id)).toEqual(['t-4', 't-5', 't-6']);
    expect(queryBoth(index, 'llava', 'aime').papers).toEqual([]);
  });

  it('name helpers', () => {
    expect(normalizeName('MMLU-Pro')).toBe(normalizeName('mmlu pro'));
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('queries on the bundled corpus (graph/)', async () => {
  const bundled = createQueryIndex(await loadGraphDirectory(join(import.meta.dirname, '../../graph')));

  it('answers which papers share ImageNet, AIME and MMLU, with their numbers where the abstracts give them', () => {
    for (const name of ['ImageNet', 'AIME', 'MMLU']) {
      const a = queryBenchmark(bundled, name);
      expect(a.papers.length, name).toBeGreaterThanOrEqual(2);
    }
    const withNumbers = ['ImageNet', 'AIME', 'MMLU'].flatMap((n) => queryBenchmark(bundled, n).papers.filter((p) => p.results.length));
    expect(withNumbers.length).toBeGreaterThan(0);
  });

  it('every shared benchmark lists distinct papers that really link to it', () => {
    for (const c of queryShared(bundled, { kind: 'benchmark' }).concepts) {
      expect(new Set(c.paperList.map((p) => p.key)).size).toBe(c.papers);
    }
  });
});
