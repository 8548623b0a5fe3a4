// Text features of the paper neighbour graph (content words, bigrams, the stoplist) and the text + concept similarity.
import { describe, expect, it } from 'vitest';
import { contentRuns, addTerms, singular, STOPWORDS, TermCounter } from '../../src/graph/text.ts';
import { buildKnowledgeGraph, projectPapers, resolveGraphOptions } from '../../src/graph/index.ts';
import { PaperSchema } from '../../src/model/paper.ts';
import type { ExtractionResult } from '../../src/extract/types.ts';

describe('text terms', () => {
  it('keeps content words in runs, folded to singular; stopwords, numbers and LaTeX math break runs', () => {
    expect(contentRuns('We propose Visual Token Pruning for multimodal LLMs, with $\\alpha$-stable 3 studies.')).toEqual([
      ['visual', 'token', 'pruning'],
      ['multimodal', 'llm'],
      ['stable'],
    ]);
    expect(singular('studies')).toBe('study');
    expect(singular('analysis')).toBe('analysis');
    expect(singular('tokens')).toBe('token');
    expect(STOPWORDS.has('propose')).toBe(true);
  });

  it('breaks runs at punctuation other than a hyphen, so no bigram spans a bracket, comma, slash or full stop', () => {
    expect(contentRuns('Small language models (SLMs) on MMLU, vision-language models; encoder/decoder. Bose–Einstein gas')).toEqual([
      ['small', 'language', 'model'],
      ['slm'],
      ['mmlu'],
      ['vision', 'language', 'model'],
      ['encoder'],
      ['decoder'],
      ['bose', 'einstein', 'gas'],
    ]);
    // TeX grouping braces keep a run; a formula breaks it.
    expect(contentRuns('{\\em random graphs} with $k$ colours')).toEqual([['random', 'graph'], ['colour']]);
    const counts = new Map<string, number>();
    addTerms(counts, 'Tiny models (SLMs) beat LLMs.', 1, 1);
    expect(Object.fromEntries(counts)).toEqual({ tiny: 1, model: 1, 'tiny model': 1, slm: 1, beat: 1, llm: 1, 'beat llm': 1 });
    const counter = new TermCounter();
    counter.begin();
    counter.add('Tiny models (SLMs) beat LLMs.', 1, 1);
    expect([...counter.ids.subarray(0, counter.length)].map((t) => counter.names[t])).toEqual(['tiny', 'model', 'tiny model', 'slm', 'beat', 'llm', 'beat llm']);
  });

  it('counts words and bigrams, the title weighing more', () => {
    const counts = new Map<string, number>();
    addTerms(counts, 'Token pruning', 2, 1);
    addTerms(counts, 'Token pruning of visual tokens', 1, 1);
    expect(Object.fromEntries(counts)).toEqual({ token: 4, pruning: 3, 'token pruning': 3, visual: 1, 'visual token': 1 });
  });
});

describe('TermCounter (the interned form of addTerms)', () => {
  // Texts with what the hand-written word scanner must treat as the WORD regex does: accents, CJK, astral letters
  // (mathematical italic), a lone surrogate, digits inside and at the start of words, LaTeX, case variants.
  const texts = [
    'Token pruning of visual tokens: TOKEN Pruning, token-pruning.',
    'Réseaux de neurones für Übersetzung; 深層学習 モデル and naïve Bayes studies',
    'Math \u{1d44e}\u{1d44f} letters 𝑎𝑏𝑐 and a lone \ud800 surrogate x2 2x GPT-4o 3D-aware models',
    'With $\\alpha$-stable {\\it graphs} and LLMs, LLM, llms of the studies of studies',
    '',
    'a b c 12 34 the of',
  ];
  it('gives the counts of addTerms, in its order, with ids in order of first appearance', () => {
    const counter = new TermCounter();
    const names: string[] = [];
    const ids = new Map<string, number>();
    for (const [k, text] of texts.entries()) {
      const title = texts[(k + 1) % texts.length];
      const expected = new Map<string, number>();
      addTerms(expected, title, 2, 0.5);
      addTerms(expected, text, 1, 0.5);
      counter.begin();
      counter.add(title, 2, 0.5);
      counter.add(text, 1, 0.5);
      for (const term of expected.keys()) if (!ids.has(term)) ids.set(term, names.push(term) - 1);
      const got = [...counter.ids.subarray(0, counter.length)].map((t, i) => [counter.names[t], counter.counts[i]]);
      expect(got).toEqual([...expected]);
      expect(counter.names).toEqual(names);
    }
  });
});

describe('paper neighbour graph: text and concepts', () => {
  const titles = ['Graph coloring bounds', 'Bounds for graph coloring', 'Coloring sparse graph families', 'Galaxy cluster lensing', 'Lensing by galaxy cluster halos', 'Weak lensing of galaxy cluster'];
  const papers = titles.map((title, i) =>
    PaperSchema.parse({ id: `p${i}`, title, abstract: '', provenance: [{ file: 'x.txt', format: 'test', index: i }] }),
  );
  const none: ExtractionResult = { papers: papers.map((p) => ({ id: p.id, concepts: [] })), concepts: [], results: [] } as unknown as ExtractionResult;

  it('with no concepts at all, the text alone relates papers (concept share 0)', () => {
    const kg = buildKnowledgeGraph(papers, none);
    const { graph, conceptShare, conceptCoverage } = projectPapers(kg, resolveGraphOptions({ neighbours: 2 }));
    expect(conceptCoverage).toBe(0);
    expect(conceptShare).toBe(0);
    expect(graph.hasEdge('paper:p0', 'paper:p1')).toBe(true);
    expect(graph.hasEdge('paper:p3', 'paper:p4')).toBe(true);
    graph.forEachEdge((_e, _a, s, t) => expect(Number(s.slice(7)) < 3).toBe(Number(t.slice(7)) < 3));
    // "Graph coloring bounds" vs "Bounds for graph coloring": same three words and the bigram "graph coloring";
    // cosine of sublinear TF × smoothed IDF vectors, exactly.
    const w = graph.getEdgeAttribute(graph.edge('paper:p0', 'paper:p1')!, 'weight');
    expect(w).toBeGreaterThan(0.5);
    expect(w).toBeLessThanOrEqual(1 + 1e-12);
  });

  it('is deterministic: the same input gives the same edges and weights', () => {
    const a = projectPapers(buildKnowledgeGraph(papers, none), resolveGraphOptions({}));
    const b = projectPapers(buildKnowledgeGraph(papers, none), resolveGraphOptions({}));
    const edges = (g: typeof a.graph) => g.mapEdges((_e, attr, s, t) => [s, t, attr.weight]);
    expect(edges(a.graph)).toEqual(edges(b.graph));
    expect(edges(a.graph).length).toBeGreaterThan(0);
  });
});
