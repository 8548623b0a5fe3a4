// Theme names from distinctive concepts: class-based TF-IDF (Grootendorst 2022, BERTopic, arXiv:2203.05794) over papers.
import type { KnowledgeGraph } from '../graph/index.ts';
import type { ConceptNode } from '../model/graph-json.ts';
import type { ConceptKind, ConceptSource } from '../extract/types.ts';

export interface ScoredConcept {
  id: string;
  label: string;
  kind: ConceptKind;
  parent?: string;
  source: ConceptSource;
  /** Papers with the concept in the whole corpus. */
  df: number;
  /** Papers of the theme that have the concept. */
  papers: number;
  /** Share of the theme's papers with the concept × log(1 + average theme size / papers with it anywhere). */
  score: number;
}

/**
 * Scores every concept in every theme. NOTE: plain frequency would name every theme after "accuracy" or "LLM"; the
 * c-TF-IDF factor favours concepts frequent in the theme but rare in the corpus.
 */
export function scoreConcepts(kg: KnowledgeGraph, paperTheme: Map<string, string>, members: Map<string, number[]>, n: number): Map<string, ScoredConcept[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const id of members.keys()) counts.set(id, new Map());
  kg.forEachEdge((_e, _a, s, t, sa) => {
    const [paper, concept] = sa.kind === 'paper' ? [s, t] : [t, s];
    const theme = counts.get(paperTheme.get(paper)!)!;
    theme.set(concept, (theme.get(concept) ?? 0) + 1);
  });
  const average = n / Math.max(1, members.size);
  const out = new Map<string, ScoredConcept[]>();
  for (const [id, list] of members) {
    const size = list.length;
    const scored: ScoredConcept[] = [];
    for (const [key, papers] of counts.get(id)!) {
      const c = kg.getNodeAttributes(key) as ConceptNode;
      const score = (papers / size) * Math.log(1 + average / c.df);
      scored.push({ id: c.conceptId, label: c.label, kind: c.kind, parent: c.parent, source: c.source, df: c.df, papers, score });
    }
    scored.sort((a, b) => b.score - a.score || b.papers - a.papers || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    out.set(id, scored);
  }
  return out;
}

/**
 * Kinds that name a topic; metrics and models are what papers measure with and compare against, not what they are about.
 * `topic` (a mined phrase of no other kind: "dark matter") names themes as the mined phrases did when they were methods.
 */
const NAMING_KINDS: ReadonlySet<ConceptKind> = new Set(['method', 'task', 'modality', 'benchmark', 'dataset', 'topic']);

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * Words that say nothing about a topic in this field. NOTE: c-TF-IDF alone can rank "language models" or a mined
 * "token per" first in a theme that happens to repeat them; a label made only of these words names a theme only when
 * nothing more specific is left.
 */
const GENERIC_WORDS: ReadonlySet<string> = new Set(
  ('a an and as at by for from in of on per the to with large small language languages model models text texts data task tasks ' +
    'specific quality learning natural processing token tokens training trained pre based level method methods approach new')
    .split(' '),
);

/** True when every word of the label is generic ("language models", "Natural Language Processing", "token per"). */
export function isGenericLabel(label: string): boolean {
  const words = norm(label).split(' ').filter(Boolean);
  return words.length > 0 && words.every((w) => GENERIC_WORDS.has(w));
}

/**
 * A readable name: the most distinctive concepts shared by several papers, skipping near-repeats ("token pruning" after
 * "visual token pruning") and, while others remain, hub concepts ("large language model" names no theme).
 */
export function chooseName(scored: ScoredConcept[], size: number, count: number, id: string, hubLimit = Infinity): string {
  const minPapers = Math.min(2, size);
  const topical = (s: ScoredConcept): boolean => NAMING_KINDS.has(s.kind) && s.df <= hubLimit;
  // NOTE: generic labels and mined keyphrases come last: they are what the corpus repeats ("reduce the number"), not always a topic.
  const specific = (s: ScoredConcept): boolean => !isGenericLabel(s.label);
  const pools = [
    scored.filter((s) => topical(s) && specific(s) && s.source !== 'mined' && s.papers >= minPapers),
    scored.filter((s) => topical(s) && specific(s) && s.papers >= minPapers),
    scored.filter((s) => specific(s) && s.papers >= minPapers),
    scored.filter((s) => s.papers >= minPapers),
    scored,
  ];
  const chosen: ScoredConcept[] = [];
  for (const pool of pools) {
    for (const s of pool) {
      if (chosen.length >= count) break;
      const label = norm(s.label);
      const repeats = chosen.some((c) => {
        const other = norm(c.label);
        return c.id === s.id || other.includes(label) || label.includes(other) || c.parent === s.id || s.parent === c.id;
      });
      if (!repeats) chosen.push(s);
    }
    if (chosen.length >= count) break;
  }
  return chosen.length ? chosen.map((c) => c.label).join(' · ') : `Theme ${id}`;
}
