// Themes: Louvain's reported modularity, the "other" theme, names, determinism, and agreement measures.
import { describe, expect, it } from 'vitest';
import modularity from 'graphology-metrics/graph/modularity';
import { buildKnowledgeGraph, projectPapers, resolveGraphOptions, clusteringGraph, createRng } from '../../src/graph/index.ts';
import louvain from 'graphology-communities-louvain';
import {
  detectThemes,
  consensusCommunities,
  adjustedMutualInformation,
  pairCoherence,
  THEME_PALETTE,
  OTHER_COLOR,
  bagOfWordsThemes,
} from '../../src/themes/index.ts';
import { TINY_PAPERS, TINY_EXTRACTION } from '../graph/tiny.ts';
import { chooseResolution, pickResolution } from '../../src/themes/resolution.ts';
import { chooseName, isGenericLabel, isNameablePhrase, scorePhrases, surfacePhrase, type ScoredConcept, type NameCandidate } from '../../src/themes/naming.ts';

function tinyThemes(seed = 7, resolution = 1) {
  const kg = buildKnowledgeGraph(TINY_PAPERS, TINY_EXTRACTION);
  const options = resolveGraphOptions({});
  const projection = projectPapers(kg, options);
  const clustering = clusteringGraph(kg, projection, options);
  return { kg, clustering, result: detectThemes(kg, projection, clustering, createRng(seed), { resolution }) };
}

describe('detectThemes on a tiny corpus', () => {
  const { kg, clustering, result } = tinyThemes();

  it('finds the two groups and gathers the isolated paper into "other", with the reason', () => {
    expect(result.themes.map((t) => [t.id, t.size])).toEqual([
      ['t1', 3],
      ['t2', 3],
      ['other', 1],
    ]);
    expect(result.paperTheme.get('paper:t-1')).toBe('t1');
    expect(result.paperTheme.get('paper:t-4')).toBe('t2');
    expect(result.paperTheme.get('paper:t-7')).toBe('other');
    const other = result.themes.at(-1)!;
    expect(other.note).toMatch(/1 paper\(s\) share no word or concept/);
    expect(other.color).toBe(OTHER_COLOR);
  });

  it('never loses a paper: every paper is in exactly one theme and sizes add up', () => {
    expect(result.paperTheme.size).toBe(TINY_PAPERS.length);
    expect(result.themes.reduce((s, t) => s + t.size, 0)).toBe(TINY_PAPERS.length);
  });

  it('reports the modularity graphology-metrics computes for the returned partition', () => {
    const q = modularity(clustering, { getNodeCommunity: (n) => result.communities[n], getEdgeWeight: 'weight' });
    expect(result.modularity).toBeCloseTo(q, 10);
    expect(result.modularity).toBeGreaterThan(0.3);
  });

  it('names themes by distinctive concepts, never by the hub metric', () => {
    // Equal scores order by id: the benchmark leads, the method joins it (no connective of its own kind: "and").
    expect(result.themes[0].name).toBe('TextVQA and visual token pruning');
    expect(result.themes[0].keywords).toEqual(result.themes[0].topConcepts.map((c) => c.label));
    expect(result.themes[1].name).toMatch(/GRPO|AIME|MATH-500/);
    for (const t of result.themes) expect(t.name).not.toMatch(/accuracy/);
    expect(result.themes[1].topBenchmarks.map((b) => [b.label, b.papers])).toEqual([
      ['AIME', 3],
      ['MATH-500', 3],
    ]);
    expect(result.themes[0].topConceptsByKind?.model?.[0]).toMatchObject({ label: 'LLaVA', papers: 3 });
  });

  it('gives palette colours in rank order and writes theme and colour on every node', () => {
    expect(result.themes[0].color).toBe(THEME_PALETTE[0]);
    expect(result.themes[1].color).toBe(THEME_PALETTE[1]);
    expect(kg.getNodeAttribute('concept:grpo', 'theme')).toBe('t2');
    expect(kg.getNodeAttribute('concept:grpo', 'color')).toBe(THEME_PALETTE[1]);
    expect(kg.getNodeAttribute('concept:3d-generation', 'theme')).toBe('other');
  });

  it('puts each concept where its weight lies (the hub metric: the theme with most weight, ties to the first)', () => {
    expect(result.conceptTheme.get('concept:accuracy')).toBe('t1');
    expect(result.conceptTheme.get('concept:textvqa')).toBe('t1');
  });

  it('summarises: years, and the neighbouring themes with the concepts they share', () => {
    expect(result.themes[0].years).toEqual([{ year: '2025', papers: 3 }]);
    // The two groups share only the hub metric and no neighbour link: no neighbours.
    expect(result.themes[0].neighbours).toEqual([]);
  });

  it('summarises: date range, central papers', () => {
    expect(result.themes[0].dateRange).toEqual(['2025-01-10', '2025-03-12']);
    expect(result.themes[0].centralPapers).toHaveLength(3);
    expect(result.themes[0].bridgePapers).toEqual([]);
  });

  it('is deterministic for a seed', () => {
    const again = tinyThemes().result;
    expect(again.themes).toEqual(result.themes);
    expect(again.communities).toEqual(result.communities);
  });
});

describe('consensus of Louvain runs', () => {
  const kg = buildKnowledgeGraph(TINY_PAPERS, TINY_EXTRACTION);
  const options = resolveGraphOptions({});
  const projection = projectPapers(kg, options);
  const clustering = clusteringGraph(kg, projection, options);

  it('one run is plain Louvain: same communities and modularity as louvain.detailed with the same seed', () => {
    const single = detectThemes(kg, projection, clustering, createRng(3), { consensusRuns: 1 });
    const plain = louvain.detailed(clustering, { rng: createRng(3), resolution: 1, getEdgeWeight: 'weight' });
    expect(single.communities).toEqual(plain.communities);
    expect(single.modularity).toBeCloseTo(plain.modularity, 12);
  });

  it('a work budget below one run per edge falls back to a single run', () => {
    const cut = detectThemes(kg, projection, clustering, createRng(3), { consensusBudget: clustering.size });
    const single = detectThemes(kg, projection, clustering, createRng(3), { consensusRuns: 1 });
    expect(cut.communities).toEqual(single.communities);
  });

  it('reports the modularity of the returned partition on the themes graph, not on the consensus graph', () => {
    for (const seed of [1, 2, 3]) {
      const r = detectThemes(kg, projection, clustering, createRng(seed), { consensusRuns: 8 });
      expect(r.modularity).toBeCloseTo(modularity(clustering, { getNodeCommunity: (n) => r.communities[n], getEdgeWeight: 'weight' }), 12);
      expect(r.themes.map((t) => t.size)).toEqual([3, 3, 1]);
    }
  });

  it('keeps only edges most runs agree on, weighted by the share, and is deterministic for a seed', () => {
    const a = consensusCommunities(clustering, createRng(5), { runs: 10, threshold: 0.5, rounds: 3, resolution: 1 });
    const b = consensusCommunities(clustering, createRng(5), { runs: 10, threshold: 0.5, rounds: 3, resolution: 1 });
    expect(a).toEqual(b);
    expect(a['paper:t-1']).toBe(a['paper:t-3']);
    expect(a['paper:t-1']).not.toBe(a['paper:t-4']);
  });
});

describe('agreement measures', () => {
  it('AMI is 1 for the same partition under other names, 0 for a single cluster against anything', () => {
    expect(adjustedMutualInformation([0, 0, 1, 1, 2, 2], ['b', 'b', 'a', 'a', 'c', 'c'])).toBeCloseTo(1, 12);
    expect(adjustedMutualInformation([0, 0, 0, 0], [0, 1, 2, 3])).toBeCloseTo(0, 12);
  });

  it('AMI is chance-corrected: many small clusters do not score', () => {
    const truth = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const singletonsPlus = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(adjustedMutualInformation(singletonsPlus, truth)).toBeCloseTo(0, 10);
    const ami = adjustedMutualInformation([0, 0, 1, 1, 1, 1], [0, 0, 1, 1, 2, 2]);
    expect(ami).toBeGreaterThan(0.3);
    expect(ami).toBeLessThan(1);
  });

  it('pair coherence counts same-cluster pairs sharing any label', () => {
    expect(pairCoherence([0, 0, 0, 1], [['a'], ['a', 'b'], ['c'], ['a']])).toBeCloseTo(1 / 3, 12);
    expect(pairCoherence([0, 1], [['a'], ['a']])).toBeNull();
  });

  it('the bag-of-words baseline separates two vocabularies', () => {
    const texts = [
      'cats purr and cats sleep',
      'cats sleep and purr',
      'cats purr loudly',
      'rockets launch to orbit',
      'rockets reach orbit',
      'orbit launch of rockets',
    ];
    const c = bagOfWordsThemes(texts, createRng(1), 2);
    expect(new Set(c.slice(0, 3)).size).toBe(1);
    expect(new Set(c.slice(3)).size).toBe(1);
    expect(c[0]).not.toBe(c[3]);
  });
});

describe('resolution from the data', () => {
  const RULE = { runs: 3, margin: 0.08, minThemeSize: 3, maxSmallShare: 0.05 };
  const row = (resolution: number, stability: number, communities = 10, smallShare = 0) => ({ resolution, stability, communities, smallShare });

  it('keeps 1 unless another resolution is clearly (by the margin) more stable, and skips tiny-community resolutions', () => {
    // 2 is more stable, but by less than the margin: 1 stays.
    expect(pickResolution([row(0.5, 0.7), row(1, 0.8), row(2, 0.87)], 100, RULE)).toBe(1);
    // By the margin or more: the most stable of those clearly ahead.
    expect(pickResolution([row(0.5, 0.7), row(1, 0.8), row(1.4, 0.9), row(2, 0.95)], 100, RULE)).toBe(2);
    // 2 would leave 10 % of the papers in communities under 3 papers ("other"): no candidate.
    expect(pickResolution([row(1, 0.8), row(1.4, 0.9), row(2, 0.99, 30, 0.1)], 100, RULE)).toBe(1.4);
    // 1 is no candidate (one community): the most stable candidate; none at all: 1.
    expect(pickResolution([row(0.5, 0.6), row(1, 1, 1), row(2, 0.7)], 100, RULE)).toBe(2);
    expect(pickResolution([row(1, 1, 1), row(2, 1, 80)], 100, RULE)).toBe(1);
  });

  it('tries every grid value, measures agreement and tiny communities, deterministic for a seed', () => {
    const { clustering } = tinyThemes();
    const papers = TINY_PAPERS.map((p) => `paper:${p.id}`);
    const a = chooseResolution(clustering, papers, createRng(3), [0.5, 1, 2], RULE);
    expect(a.stability.map((s) => s.resolution)).toEqual([0.5, 1, 2]);
    // Two clean groups: every resolution finds them in every run, so all tie and 1 wins.
    expect(a.stability.map((s) => s.stability)).toEqual([1, 1, 1]);
    // 1 of the 7 papers shares nothing (a community of its own) at every resolution; at 2 a group of 3 also splits.
    expect(a.stability.map((s) => s.smallShare)).toEqual([0.1429, 0.1429, 0.5714]);
    expect(a.resolution).toBe(1);
    expect(chooseResolution(clustering, papers, createRng(3), [0.5, 1, 2], RULE)).toEqual(a);
  });

  it('is off when a resolution is given, and the resolution used is reported', () => {
    const kg = buildKnowledgeGraph(TINY_PAPERS, TINY_EXTRACTION);
    const options = resolveGraphOptions({});
    const projection = projectPapers(kg, options);
    const r = detectThemes(kg, projection, clusteringGraph(kg, projection, options), createRng(1), { resolution: 1.3, autoResolution: false });
    expect(r.resolution).toBe(1.3);
    expect(r.stability).toEqual([]);
  });
});

describe('theme names', () => {
  const c = (id: string, label: string, score: number, extra: Partial<ScoredConcept> = {}): ScoredConcept => ({
    id,
    label,
    kind: 'method',
    source: 'vocabulary',
    df: 5,
    papers: 3,
    score,
    ...extra,
  });
  const phrase = (label: string, score: number, papers = 3): NameCandidate => ({ label, kind: 'phrase', words: label.toLowerCase().split(' '), papers, score });

  it('skips labels made only of generic words, stopwords and prose fragments', () => {
    expect(isGenericLabel('language models')).toBe(true);
    expect(isNameablePhrase('language models')).toBe(false);
    expect(isNameablePhrase('there exist')).toBe(false);
    expect(isNameablePhrase('reduce the number')).toBe(false);
    expect(isNameablePhrase('convolutional neural')).toBe(false);
    expect(isNameablePhrase('models trained')).toBe(false);
    expect(isNameablePhrase('II discusses')).toBe(false);
    expect(isNameablePhrase('subword tokenization')).toBe(true);
    expect(isNameablePhrase('multimodal large language model')).toBe(true);
    expect(isNameablePhrase('information retrieval')).toBe(true);
  });

  it('builds a noun phrase: the head, then a second phrase sharing no word, joined by its kind', () => {
    const scored = [
      c('token-pruning', 'token pruning', 3),
      c('visual-token', 'visual token', 2.9),
      c('mllm', 'multimodal large language model', 2, { kind: 'modality' }),
      c('language-model', 'language models', 5),
    ];
    // "visual token" shares "token" with the head; "language models" is generic; the modality is joined by "in".
    expect(chooseName(scored, [], 10, 't1')).toBe('Token pruning in multimodal large language model');
    expect(chooseName([c('grpo', 'GRPO', 3), c('math-reasoning', 'mathematical reasoning', 2, { kind: 'task' })], [], 10, 't1')).toBe(
      'GRPO for mathematical reasoning',
    );
    expect(chooseName([c('aime', 'AIME', 3, { kind: 'benchmark' })], [phrase('reasoning models', 2)], 10, 't1')).toBe('AIME and reasoning models');
    // A second phrase far below the head is left out; nothing nameable: a placeholder.
    expect(chooseName([c('grpo', 'GRPO', 3), c('rl', 'policy gradient', 1)], [], 10, 't1')).toBe('GRPO');
    expect(chooseName([c('language-model', 'language models', 3)], [], 10, 't2')).toBe('Theme t2');
    // Names already taken by another theme are not repeated.
    expect(chooseName([c('grpo', 'GRPO', 3), c('rl', 'policy gradient', 2)], [], 10, 't3', Infinity, 0.8, new Set(['GRPO and policy gradient']))).toBe('GRPO');
  });

  it('text phrases are scored by c-TF-IDF over papers; the written form comes from the papers', () => {
    const termNames = ['token', 'pruning', 'token pruning', 'rocket', 'orbit', 'rocket orbit'];
    const paperTermIds = [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
      [3, 4, 5],
      [3, 4],
    ].map((ids) => Int32Array.from(ids));
    const out = scorePhrases(
      termNames,
      paperTermIds,
      new Map([
        ['t1', [0, 1, 2]],
        ['t2', [3, 4]],
      ]),
      5,
    );
    // Single words are not phrases; a bigram of one paper of the theme names nothing.
    expect(out.get('t1')!.map((p) => [p.label, p.papers])).toEqual([['token pruning', 3]]);
    expect(out.get('t1')![0].score).toBeCloseTo(Math.log(1 + 2.5 / 3), 12);
    expect(out.get('t2')).toEqual([]);
    expect(surfacePhrase('llm agent', ['A study of Tool use', 'Multimodal LLMs Agents at scale'])).toBe('LLMs agents');
    expect(surfacePhrase('token pruning', ['Visual Token Pruning'])).toBe('token pruning');
  });

  it('reads a bigram as the longer phrase most of its occurrences are part of, hyphens as written', () => {
    // "word" precedes "sense disambiguation" in 2 of 3 occurrences (≥ 2/3): the name's unit is the longer phrase.
    const texts = ['Word sense disambiguation with graphs.', 'Sense disambiguation, again.', 'Unsupervised word sense disambiguation.'];
    expect(surfacePhrase('sense disambiguation', texts)).toBe('word sense disambiguation');
    // 1 of 2 is not enough; and punctuation ends a run, so "graphs. Sense" never extends it.
    expect(surfacePhrase('sense disambiguation', texts.slice(0, 2))).toBe('sense disambiguation');
    expect(surfacePhrase('training corpora', ['Pre-training corpora matter', 'Cleaning pre-training corpora'])).toBe('pre-training corpora');
  });

  it('names a theme only by text phrases that read as noun phrases', () => {
    const phrase = (label: string, score: number): NameCandidate => ({ label, kind: 'phrase', words: label.split(' '), papers: 3, score });
    // "bring together" is the best phrase but a verb phrase to the tagger: the next one heads the name.
    expect(chooseName([], [phrase('bring together', 2), phrase('version control', 1.5), phrase('software development', 1.2)], 5, 't1', Infinity, 1)).toBe(
      'Version control and software development',
    );
  });

  it('reads the written form of the few candidates a name can use, not of every phrase (the 10k cost, session 5)', () => {
    const nouns = ['graph', 'kernel', 'protein', 'structure', 'speech', 'corpus', 'galaxy', 'cluster', 'robot', 'planner'];
    const phrases: NameCandidate[] = [];
    for (const a of nouns) for (const b of nouns) if (a !== b) phrases.push({ label: `${a} ${b}`, kind: 'phrase', words: [a, b], papers: 3, score: 0 });
    // 90 phrases, every one at least half the best (so the old eager filter wrote out and tagged all of them).
    phrases.forEach((p, i) => (p.score = 2 - i / 100));
    const read = new Set<string>();
    const name = chooseName([], phrases, 5, 't1', Infinity, 1, new Set(), (c) => (read.add(c.label), c.label));
    // Head "graph kernel"; the first phrase sharing no word with it is "protein structure".
    expect(name).toBe('Graph kernel and protein structure');
    // 3 heads, then seconds read in order only until 3 are found: the first head's word-sharing candidates are skipped
    // on their folded words, unread.
    expect(read.size).toBeLessThanOrEqual(8);
  });
});

describe('bag-of-words baseline tokens', () => {
  it('splits hyphenated words as scikit-learn does, so "vision-language" and "vision language" meet', () => {
    const texts = [
      'vision-language alpha',
      'vision language beta',
      'vision-language gamma',
      'rockets orbit delta',
      'rockets orbit epsilon',
      'rockets orbit zeta',
    ];
    const c = bagOfWordsThemes(texts, createRng(1), 2);
    expect(new Set(c.slice(0, 3)).size).toBe(1);
    expect(c[0]).not.toBe(c[3]);
  });
});
