// The knowledge graph and the paper neighbour projection, on a tiny corpus (exact) and the bundled one (invariants).
import { describe, expect, it } from 'vitest';
import { buildKnowledgeGraph, projectPapers, resolveGraphOptions, informativeness, clusteringGraph, clusteringHubLimit } from '../../src/graph/index.ts';
import { PaperKgError } from '../../src/errors.ts';
import type { ConceptNode, PaperNode } from '../../src/model/graph-json.ts';
import { TINY_PAPERS, TINY_EXTRACTION } from './tiny.ts';
import { TermCounter } from '../../src/graph/text.ts';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { extract } from '../../src/extract/index.ts';

describe('buildKnowledgeGraph', () => {
  const kg = buildKnowledgeGraph(TINY_PAPERS, TINY_EXTRACTION);

  it('has the papers in input order, then the concepts sorted by id', () => {
    expect(kg.nodes()).toEqual([
      ...TINY_PAPERS.map((p) => `paper:${p.id}`),
      'concept:3d-generation', 'concept:accuracy', 'concept:aime', 'concept:grpo', 'concept:llava', 'concept:math-500', 'concept:textvqa', 'concept:visual-token-pruning',
    ]);
    expect(kg.size).toBe(26);
  });

  it('gives concepts their df, first and last dates, aliases and parent', () => {
    const aime = kg.getNodeAttributes('concept:aime') as ConceptNode;
    expect(aime).toMatchObject({ kind: 'benchmark', label: 'AIME', df: 3, firstSeen: '2025-04-13', lastSeen: '2025-06-15', aliases: ['AIME 2024'] });
    expect((kg.getNodeAttributes('concept:visual-token-pruning') as ConceptNode).parent).toBe('token-pruning');
    expect((kg.getNodeAttributes('concept:accuracy') as ConceptNode).df).toBe(7);
  });

  it('weights a link by rarity: ln(1 + N/df), so a concept of 3 papers ties more than one of 7', () => {
    const rare = kg.getEdgeAttributes(kg.edge('paper:t-4', 'concept:aime')!);
    const hub = kg.getEdgeAttributes(kg.edge('paper:t-4', 'concept:accuracy')!);
    expect(rare.weight).toBe(Number(Math.log(1 + 7 / 3).toFixed(4)));
    expect(hub.weight).toBe(Number(Math.log(2).toFixed(4)));
    expect(rare.weight).toBeGreaterThan(hub.weight);
    expect(informativeness(3, 60)).toBeGreaterThan(informativeness(60, 60));
  });

  it('keeps the evidence on the edge', () => {
    const e = kg.getEdgeAttributes(kg.edge('paper:t-1', 'concept:visual-token-pruning')!);
    expect(e.spans).toEqual([{ field: 'title', start: 0, end: 20, text: 'visual token pruning', rule: 'vocabulary' }]);
    expect(e.source).toBe('vocabulary');
  });

  it('copies paper fields (url from the arXiv link, date, upvotes)', () => {
    const p = kg.getNodeAttributes('paper:t-2') as PaperNode;
    expect(p).toMatchObject({ kind: 'paper', paperId: 't-2', label: 'Fewer visual tokens for TextVQA', date: '2025-02-11', upvotes: 3, url: 'https://arxiv.org/abs/2501.00002' });
  });

  it('rejects an extraction of other papers, naming the paper', () => {
    const wrong = { ...TINY_EXTRACTION, papers: [...TINY_EXTRACTION.papers].reverse() };
    expect(() => buildKnowledgeGraph(TINY_PAPERS, wrong)).toThrow(PaperKgError);
    expect(() => buildKnowledgeGraph(TINY_PAPERS, wrong)).toThrow(/extraction 0 is for paper "t-7", expected "t-1"/);
    expect(() => buildKnowledgeGraph(TINY_PAPERS.slice(1), TINY_EXTRACTION)).toThrow(/expected one extraction per paper/);
  });
});

describe('projectPapers', () => {
  const kg = buildKnowledgeGraph(TINY_PAPERS, TINY_EXTRACTION);
  const options = resolveGraphOptions({});

  it('relates papers through shared rare concepts only: the hub metric relates none, the isolated paper stays alone', () => {
    const { graph, hubs, hubLimit } = projectPapers(kg, options);
    expect(hubLimit).toBe(4);
    expect(hubs).toEqual(['accuracy']);
    expect(graph.order).toBe(7);
    expect(graph.degree('paper:t-7')).toBe(0);
    expect(graph.hasEdge('paper:t-1', 'paper:t-2')).toBe(true);
    expect(graph.hasEdge('paper:t-1', 'paper:t-4')).toBe(false);
    expect(graph.size).toBe(6);
  });

  it('keeps at most k neighbours per paper (edges ≤ k × papers)', () => {
    const { graph } = projectPapers(kg, resolveGraphOptions({ neighbours: 1 }));
    expect(graph.size).toBeLessThanOrEqual(7);
    graph.forEachNode((n) => expect(graph.degree(n)).toBeLessThanOrEqual(3));
  });

  it('clustering graph: papers plus shared concepts; one-paper concepts and a concept in every paper left out', () => {
    const bipartite = resolveGraphOptions({ clustering: 'bipartite' });
    const projection = projectPapers(kg, bipartite);
    const g = clusteringGraph(kg, projection, bipartite);
    // "accuracy" is in all 7 papers: log(7/7) = 0, it relates nothing.
    expect(g.hasNode('concept:accuracy')).toBe(false);
    expect(g.hasNode('concept:3d-generation')).toBe(false);
    expect(g.hasNode('concept:aime')).toBe(true);
    // Title mentions weigh 3 × (the default clusteringTitleWeight), rarity log(N/df).
    const inTitle = g.getEdgeAttribute(g.edge('paper:t-1', 'concept:visual-token-pruning')!, 'weight');
    const inAbstract = g.getEdgeAttribute(g.edge('paper:t-2', 'concept:visual-token-pruning')!, 'weight');
    expect(inTitle).toBeCloseTo(3 * inAbstract, 10);
    expect(inAbstract).toBeCloseTo(Math.log(7 / kg.getNodeAttribute('concept:visual-token-pruning', 'df' as never)), 10);
    expect(clusteringHubLimit(7, options)).toBe(7);
  });

  it('clustering graph: repeated mentions count sublinearly, 1 + ln(mentions) (clusteringTfWeight; bundled corpus)', async () => {
    const { papers } = await ingest([fileSource('graph/corpus/hf-daily-papers-fewer-tokens.txt')]);
    const kg = buildKnowledgeGraph(papers, extract(papers));
    const bipartite = resolveGraphOptions({ clustering: 'bipartite' });
    const projection = projectPapers(kg, bipartite);
    const g = clusteringGraph(kg, projection, bipartite);
    const flat = clusteringGraph(kg, projection, resolveGraphOptions({ clustering: 'bipartite', clusteringTfWeight: 0 }));
    let repeated = 0;
    g.forEachEdge((_e, a, s, t) => {
      const spans = kg.getEdgeAttribute(kg.edge(s, t)!, 'spans').length;
      if (spans > 1) repeated++;
      expect(a.weight).toBeCloseTo(flat.getEdgeAttribute(flat.edge(s, t)!, 'weight') * (1 + Math.log(spans)), 10);
    });
    expect(repeated).toBeGreaterThan(0);
  });

  it('clustering graph: a lower clusteringHubShare leaves frequent concepts out (capped by hubMaxPapers in any case)', () => {
    const strict = resolveGraphOptions({ clusteringHubShare: 0.15 });
    const projection = projectPapers(kg, strict);
    const g = clusteringGraph(kg, projection, strict);
    expect(clusteringHubLimit(7, strict)).toBe(4);
    g.forEachNode((key) => {
      if (key.startsWith('concept:')) expect(kg.getNodeAttribute(key, 'df' as never) as number).toBeLessThanOrEqual(4);
    });
    expect(clusteringHubLimit(100_000, resolveGraphOptions({}))).toBe(200);
  });

  it("keeps each paper's term ids whole across the count chunks (1,000 papers: 68k entries, chunks of 65,536)", async () => {
    const { papers } = await ingest([fileSource('test/fixtures/eval-panels/listrecords-cs-page094.xml')]);
    const kg = buildKnowledgeGraph(papers, extract(papers));
    const options = resolveGraphOptions({});
    const projection = projectPapers(kg, options);
    const counter = new TermCounter();
    let entries = 0;
    let paper = 0;
    kg.forEachNode((_key, attr) => {
      if (attr.kind !== 'paper') return;
      const p = attr as PaperNode;
      counter.begin();
      counter.add(p.label, options.titleTextWeight, options.bigramWeight);
      counter.add(p.abstract ?? '', 1, options.bigramWeight);
      expect(Array.from(projection.paperTermIds[paper++])).toEqual(Array.from(counter.ids.subarray(0, counter.length)));
      entries += counter.length;
    });
    expect(paper).toBe(projection.paperTermIds.length);
    expect(entries).toBeGreaterThan(65_536);
    expect(counter.names).toEqual(projection.termNames);
  });

  it('rejects bad options with a message naming the field', () => {
    expect(() => resolveGraphOptions({ neighbours: 0 })).toThrow(/neighbours/);
  });
});
