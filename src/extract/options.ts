// Options of the extraction stage: which rule families run and how mined keyphrases are chosen.
import { z } from 'zod';
import { resolveOptions } from '../options.ts';

export const ExtractOptionsSchema = z.object({
  // Rule families
  /** Recognise names from how abstracts use them ("on X", "the X benchmark", "X-7B", ...). */
  patterns: z.boolean().default(true),
  /** Tie acronyms to their long forms ("Vision Language Models (VLMs)"). */
  acronyms: z.boolean().default(true),
  /** Extract reported numbers ("78.4% accuracy on OCRBench"). */
  results: z.boolean().default(true),
  // Mining
  /** Mine recurring keyphrases across the corpus (source "mined"). */
  mine: z.boolean().default(true),
  /** A mined phrase must occur in at least this many papers. */
  minedMinPapers: z.number().int().positive().default(3),
  /** ...and in at most this share of papers (so "large language models" style filler is left out). */
  minedMaxShare: z.number().positive().max(1).default(0.2),
  /** At most this many mined concepts per paper, best scores first. */
  minedPerPaper: z.number().int().nonnegative().default(3),
  // Vocabulary
  /** The vocabulary to match (from loadVocabulary); the bundled one when absent. */
  vocabulary: z.custom<import('./vocabulary.ts').Vocabulary>((v) => typeof v === 'object' && v !== null && 'concepts' in (v as object)).optional(),
});

export type ExtractOptions = z.infer<typeof ExtractOptionsSchema>;

export const DEFAULT_EXTRACT_OPTIONS: Readonly<ExtractOptions> = Object.freeze(ExtractOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad value is a PaperKgError naming it. */
export function resolveExtractOptions(partial: Partial<ExtractOptions> = {}): ExtractOptions {
  return resolveOptions(ExtractOptionsSchema, partial, 'extract options');
}
