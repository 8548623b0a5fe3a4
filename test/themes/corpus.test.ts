// Themes on the bundled corpus: invariants (modularity as graphology-metrics computes it, no paper lost) and the
// reader's check that four distinct research lines come out as four distinct themes.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import modularity from 'graphology-metrics/graph/modularity';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { extract } from '../../src/extract/index.ts';
import { buildKnowledgeGraph, projectPapers, resolveGraphOptions, clusteringGraph, createRng, paperKey } from '../../src/graph/index.ts';
import { detectThemes } from '../../src/themes/index.ts';

const CORPUS = join(import.meta.dirname, '../../graph/corpus/hf-daily-papers-fewer-tokens.txt');

describe('themes of the bundled corpus', async () => {
  const { papers } = await ingest([fileSource(CORPUS)]);
  const extraction = extract(papers);
  const options = resolveGraphOptions({});

  function run(seed: number, resolution: number) {
    const kg = buildKnowledgeGraph(papers, extraction);
    const projection = projectPapers(kg, options);
    const clustering = clusteringGraph(kg, projection, options);
    return { clustering, result: detectThemes(kg, projection, clustering, createRng(seed), { resolution, autoResolution: false }) };
  }

  it.each([
    [42, 1],
    [7, 1],
    [42, 1.5],
    [42, 0.5],
  ])("seed %i, resolution %d: the reported modularity is graphology-metrics' of the partition", (seed, resolution) => {
    const { clustering, result } = run(seed, resolution);
    const q = modularity(clustering, { getNodeCommunity: (n) => result.communities[n], getEdgeWeight: 'weight', resolution });
    expect(result.modularity).toBeCloseTo(q, 10);
  });

  it('keeps every paper, in exactly one theme', () => {
    const { result } = run(42, 1);
    expect(result.paperTheme.size).toBe(papers.length);
    expect(result.themes.reduce((s, t) => s + t.size, 0)).toBe(papers.length);
    expect(new Set(result.themes.map((t) => t.name)).size).toBe(result.themes.length);
  });

  it('separates visual-token pruning, tokenizers, autoregressive image generation and efficient reasoning / RL', () => {
    const { result } = run(42, 1);
    const themeOf = (title: string): string => {
      const p = papers.find((x) => x.title.startsWith(title));
      if (!p) throw new Error(`no paper "${title}" in the corpus`);
      return result.paperTheme.get(paperKey(p.id))!;
    };
    const lines = {
      'visual-token pruning': ['ATP-LLaVA', 'DivPrune', 'TransPrune'],
      tokenizers: ['Zero-Shot Tokenizer Transfer', 'Retrofitting (Large) Language Models with Dynamic Tokenization'],
      'autoregressive image generation': ['NFIG', 'DetailFlow', 'DiSA'],
      'efficient reasoning / RL': ['Concise Reasoning, Big Gains', 'Done Is Better than Perfect'],
    };
    const themes = Object.entries(lines).map(([line, titles]) => {
      const ids = new Set(titles.map(themeOf));
      expect(ids.size, `${line}: ${titles.join(', ')} should share a theme`).toBe(1);
      return [...ids][0];
    });
    expect(new Set(themes).size).toBe(4);
    expect(themes).not.toContain('other');
  });
});
