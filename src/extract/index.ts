// The extraction stage: concepts (vocabulary, patterns, acronyms, mined keyphrases) with evidence, and reported results.
import type { Paper } from '../model/paper.ts';
import type { Concept, ConceptKind, ConceptSource, ExtractionResult, PaperConcept, PaperExtraction, Span } from './types.ts';
import { resolveExtractOptions, type ExtractOptions } from './options.ts';
import { bundledVocabulary, type Vocabulary } from './vocabulary.ts';
import { compileMatcher, matchVocabulary, type Matcher } from './matcher.ts';
import { tokenize, type Token } from './tokenize.ts';

export { ExtractOptionsSchema, DEFAULT_EXTRACT_OPTIONS, resolveExtractOptions, type ExtractOptions } from './options.ts';
export { loadVocabulary, parseVocabulary, bundledVocabulary, slugify, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';
export * from './types.ts';

export type Field = 'title' | 'abstract';
export const FIELDS: readonly Field[] = ['title', 'abstract'];

/** A concept found in one paper, while it is being assembled. */
export interface Finding {
  id: string;
  label: string;
  kind: ConceptKind;
  source: ConceptSource;
  aliases: string[];
  parent?: string;
  score?: number;
  spans: Span[];
}

export interface FieldText {
  field: Field;
  text: string;
  tokens: Token[];
}

const matcherCache = new WeakMap<Vocabulary, Matcher>();

function matcherFor(vocab: Vocabulary): Matcher {
  let m = matcherCache.get(vocab);
  if (!m) {
    m = compileMatcher(vocab);
    matcherCache.set(vocab, m);
  }
  return m;
}

/** Collects findings of one paper, keyed by concept id, keeping the order in which they were first seen. */
export class PaperFindings {
  readonly byId = new Map<string, Finding>();

  add(f: Omit<Finding, 'spans' | 'aliases'> & { aliases?: string[] }, span: Span): Finding {
    let cur = this.byId.get(f.id);
    if (!cur) {
      cur = { ...f, aliases: [...(f.aliases ?? [])], spans: [] };
      this.byId.set(f.id, cur);
    }
    if (!cur.spans.some((s) => s.field === span.field && s.start === span.start && s.end === span.end)) cur.spans.push(span);
    if (span.text !== cur.label && !cur.aliases.includes(span.text)) cur.aliases.push(span.text);
    return cur;
  }
}

function spanOf(ft: FieldText, from: number, to: number, rule: string): Span {
  const start = ft.tokens[from]!.start;
  const end = ft.tokens[to - 1]!.end;
  return { field: ft.field, start, end, text: ft.text.slice(start, end), rule };
}

function fieldTexts(p: Paper): FieldText[] {
  return FIELDS.map((field) => {
    const text = field === 'title' ? p.title : p.abstract;
    return { field, text, tokens: tokenize(text) };
  });
}

function toPaperConcept(f: Finding): PaperConcept {
  const spans = [...f.spans].sort((a, b) => (a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'title' ? -1 : 1));
  return {
    id: f.id,
    label: f.label,
    kind: f.kind,
    aliases: f.aliases,
    source: f.source,
    ...(f.parent !== undefined ? { parent: f.parent } : {}),
    ...(f.score !== undefined ? { score: f.score } : {}),
    spans,
  };
}

function firstPos(c: PaperConcept): number {
  const s = c.spans[0]!;
  return (s.field === 'title' ? 0 : 1e9) + s.start;
}

/**
 * Extracts the concepts of each paper, with the spans that support them, and the results they report.
 * Synchronous and deterministic: the same papers and options give the same output.
 */
export function extract(papers: Paper[], options: Partial<ExtractOptions> = {}): ExtractionResult {
  const opts = resolveExtractOptions(options);
  const vocab = opts.vocabulary ?? bundledVocabulary();
  const matcher = matcherFor(vocab);
  const perPaper: PaperExtraction[] = [];
  for (const p of papers) {
    const found = new PaperFindings();
    for (const ft of fieldTexts(p)) {
      for (const m of matchVocabulary(matcher, ft.tokens)) {
        const e = m.entry;
        found.add(
          { id: e.id, label: e.label, kind: e.kind, source: 'vocabulary', aliases: e.aliases, ...(e.parent ? { parent: e.parent } : {}) },
          spanOf(ft, m.from, m.to, m.rule),
        );
      }
    }
    const concepts = [...found.byId.values()].map(toPaperConcept).sort((a, b) => firstPos(a) - firstPos(b) || (a.id < b.id ? -1 : 1));
    perPaper.push({ id: p.id, title: p.title, concepts, results: [] });
  }
  return { papers: perPaper, concepts: collectConcepts(perPaper) };
}

/** Every concept found, sorted by id, with the aliases seen in any paper. */
function collectConcepts(papers: PaperExtraction[]): Concept[] {
  const all = new Map<string, Concept>();
  for (const p of papers) {
    for (const c of p.concepts) {
      const cur = all.get(c.id);
      if (!cur) {
        const { spans: _spans, ...concept } = c;
        all.set(c.id, { ...concept, aliases: [...c.aliases] });
      } else {
        for (const a of c.aliases) if (!cur.aliases.includes(a)) cur.aliases.push(a);
      }
    }
  }
  return [...all.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
