// Papers made of a real sentence, for the extraction rule tests: what the extractor finds in it, and by which rule.
import type { Paper } from '../../src/model/paper.ts';
import { extract, type PaperExtraction } from '../../src/extract/index.ts';

/** A paper with this abstract (and title), read from a test: no authors, links or categories. */
export function paper(id: string, abstract: string, title = 'A paper'): Paper {
  return { id, title, abstract, authors: { names: [] }, links: {}, categories: [], provenance: [{ file: 't', format: 'jsonl', index: 0 }] };
}

/** A second sentence that reads as ML (sense guards need two cue words; appended, so offsets hold). */
export const ML = ' Neural models are trained.';

/** The extraction of one paper: the sentence, then ML. */
export function one(abstract: string, title?: string): PaperExtraction {
  return extract([paper('p1', abstract + ML, title)]).papers[0]!;
}

/** The concept one of whose spans is `text`. */
export const conceptOf = (p: PaperExtraction, text: string) => p.concepts.find((c) => c.spans.some((s) => s.text === text));

/** The rule of the span `text`. */
export const ruleOf = (p: PaperExtraction, text: string) => conceptOf(p, text)?.spans.find((s) => s.text === text)?.rule;
