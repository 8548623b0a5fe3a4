// Mined keyphrases from noun-phrase chunks (wink-nlp tagger): prose fragments left out, the topic kind, determinism.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Paper } from '../../src/model/paper.ts';
import { extract, bundledVocabulary } from '../../src/extract/index.ts';
import { isNounChunk, kindEvidence, minedKind, isQuantity, tagPhrases, phraseTags } from '../../src/extract/chunk.ts';

interface Fragment {
  id: string;
  source: string;
  fragment: string;
  sentence: string;
}
const fragments = JSON.parse(readFileSync('test/fixtures/extract-phrases/fragments.json', 'utf8')) as Fragment[];
const papers: Paper[] = fragments.map((f, i) => ({
  id: f.id,
  title: `Paper ${i + 1}`,
  abstract: f.sentence,
  authors: { names: [] },
  links: {},
  categories: [],
  provenance: [{ file: f.source, format: 'hf-api', index: i }],
}));
// NOTE: every candidate is eligible (one paper is enough, no share cap, all of them per paper), so what is left out is
// left out by the chunk test alone.
const ALL = { minedMinPapers: 1, minedMaxShare: 1, minedPerPaper: 100 } as const;

describe('mined keyphrases are noun-phrase chunks', () => {
  it('the fragments of issue 10 are not mined from real sentences (arXiv ids in the fixture)', () => {
    const mined = extract(papers, ALL)
      .concepts.filter((c) => c.source === 'mined')
      .map((c) => c.label);
    for (const bad of ['typically rely', 'become increasingly', 'benchmark mainly', 'consistently outperform', 'five benchmark', 'percentage point']) {
      expect(mined, bad).not.toContain(bad);
    }
    // Exact output on this tiny input: every mined phrase is a noun phrase.
    expect(mined).toMatchInlineSnapshot(`
      [
        "benchmark dataset",
        "conventional consensus sampling",
        "dense projection matrice",
        "ethical alignment",
        "human life",
        "instance merging",
        "random guessing",
        "semantic expert",
        "weight merging",
      ]
    `);
  });
  it('the tagger reads terms as chunks, and verb or adverb fragments as none', () => {
    for (const p of [
      'training data',
      'latent space',
      'dark matter',
      'machine learning',
      'reinforcement learning',
      'visual tokens',
      'learning rate',
      'curated dataset',
      'test-time scaling',
      'zero-shot generalization',
    ]) {
      expect(isNounChunk(p), p).toBe(true);
    }
    for (const p of [
      'typically rely',
      'become increasingly',
      'benchmarks mainly',
      'consistently outperforms',
      'five benchmarks',
      'benchmark spanning',
      'task requiring',
      'achieved remarkable success',
      'remains challenging',
    ]) {
      expect(isNounChunk(p), p).toBe(false);
    }
    // A participle before a noun is a modifier only where the corpus shows the phrase as a noun phrase (after "the").
    expect(isNounChunk('estimating confidence', false)).toBe(false);
    expect(isNounChunk('denoising process', true)).toBe(true);
    expect(isNounChunk('pre-training', true)).toBe(true);
    expect(isNounChunk('pre-training', false)).toBe(false);
    expect(isQuantity('percentage point')).toBe(true);
    expect(isQuantity('key point')).toBe(true);
    expect(isQuantity('training data')).toBe(false);
  });
});

describe('tagging in batches', () => {
  it('gives each phrase the tags it gets alone, so batching never changes an output', () => {
    const phrases = fragments.flatMap((f) => f.sentence.toLowerCase().match(/[a-z]+(?:[ -][a-z]+){1,2}/g) ?? []).slice(0, 200);
    expect(phrases.length).toBeGreaterThan(50);
    expect(tagPhrases(phrases)).toEqual(phrases.map((p) => phraseTags(p)));
  });
});

describe('kind of a mined phrase', () => {
  const ev = kindEvidence(bundledVocabulary().concepts);
  it('takes the kind of a listed tail, or of a head the vocabulary agrees on, else topic', () => {
    expect(minedKind('visual token pruning', ev)).toBe('method');
    expect(minedKind('layer pruning', ev)).toBe('method');
    expect(minedKind('knowledge distillation', ev)).toBe('method');
    expect(minedKind('scene understanding', ev)).toBe('task');
    expect(minedKind('report generation', ev)).toBe('task');
    for (const k of ['dark matter', 'training data', 'latent space', 'learning rate', 'failure mode']) expect(minedKind(k, ev), k).toBe('topic');
  });
  it('learns from a user vocabulary too: a head shared by three labels of one kind', () => {
    const own = kindEvidence([
      { label: 'spectral clustering', aliases: [], kind: 'method' },
      { label: 'graph clustering', aliases: [], kind: 'method' },
      { label: 'deep clustering', aliases: [], kind: 'method' },
    ]);
    expect(minedKind('subspace clustering', own)).toBe('method');
    expect(minedKind('dark matter', own)).toBe('topic');
  });
});

describe('the topic kind end to end', () => {
  it('reaches graph.json, GEXF, GraphML and nodes.csv, and is deterministic', async () => {
    const { runPipeline } = await import('../../src/pipeline.ts');
    const { exportAll } = await import('../../src/export/index.ts');
    const { parse } = await import('graphology-gexf');
    const Graph = (await import('graphology')).default;
    const opts = { seed: 1, extract: ALL };
    const files = exportAll(runPipeline(papers, opts), ['fragments.json']);
    expect(exportAll(runPipeline(papers, opts), ['fragments.json'])).toEqual(files);
    const doc = (JSON.parse(files['graph.json']) as { graph: { nodes: Array<{ key: string; attributes: { kind: string; label: string } }> } }).graph;
    const topics = doc.nodes
      .filter((n) => n.attributes.kind === 'topic')
      .map((n) => n.attributes.label)
      .sort();
    // "human life", "random guessing", "semantic expert": no listed tail, no head the vocabulary agrees on.
    expect(topics).toEqual(expect.arrayContaining(['human life', 'random guessing']));
    const methods = doc.nodes.filter((n) => n.attributes.kind === 'method').map((n) => n.attributes.label);
    expect(methods).not.toContain('human life');
    const g = parse(Graph, files['graph.gexf']);
    const gexfTopics = g
      .filterNodes((_k, a) => a.kind === 'topic')
      .map((k) => g.getNodeAttribute(k, 'label') as string)
      .sort();
    expect(gexfTopics).toEqual(topics);
    expect(files['graph.graphml']).toContain('>topic<');
    expect(files['nodes.csv'].split('\n').some((l) => l.includes(',topic,') || l.includes(',topic\r') || /,topic(,|$)/.test(l))).toBe(true);
  });
});
