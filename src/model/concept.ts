// Contracts of extracted knowledge, shared by every stage and the viewer: concepts with their evidence (spans), and reported results.
import { z } from 'zod';

/** `topic`: a mined phrase with no evidence of a kind ("dark matter", "latent space"); see minedKind in src/extract/chunk.ts. */
export const CONCEPT_KINDS = ['method', 'task', 'modality', 'benchmark', 'dataset', 'model', 'metric', 'topic'] as const;
export const ConceptKindSchema = z.enum(CONCEPT_KINDS);
export type ConceptKind = z.infer<typeof ConceptKindSchema>;

/** Which rule family found a concept: the curated vocabulary, a usage pattern, an acronym definition, or corpus mining. */
export const ConceptSourceSchema = z.enum(['vocabulary', 'pattern', 'acronym', 'mined']);
export type ConceptSource = z.infer<typeof ConceptSourceSchema>;

/** Evidence: where in the paper a concept (or result) was found, and by which rule. */
export const SpanSchema = z.object({
  field: z.enum(['title', 'abstract']),
  /** UTF-16 offsets into the field, end exclusive: field.slice(start, end) === text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  /** Name of the rule that matched, e.g. "vocabulary", "pattern:on-X", "acronym:definition". */
  rule: z.string(),
});
export type Span = z.infer<typeof SpanSchema>;

/** A concept as known across the corpus. Ids are lower-case slugs ("ocrbench", "kv-cache"), unique across kinds. */
export const ConceptSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  kind: ConceptKindSchema,
  aliases: z.array(z.string()).default([]),
  source: ConceptSourceSchema,
  /** Broader concept id ("visual-token-pruning" → "token-pruning"), when the vocabulary gives one. */
  parent: z.string().optional(),
  /** For mined keyphrases: the mining score (higher is more distinctive). */
  score: z.number().optional(),
});
export type Concept = z.infer<typeof ConceptSchema>;

/** A concept found in one paper, with every span that supports it. */
export const PaperConceptSchema = ConceptSchema.extend({
  spans: z.array(SpanSchema).min(1),
});
export type PaperConcept = z.infer<typeof PaperConceptSchema>;

/** A reported number: "78.4% accuracy on OCRBench", "+12.8% on MMLU-PRO", "1.25x speedup". */
export const ResultSchema = z.object({
  /** Concept id of the benchmark / dataset, or null when the sentence names none. */
  benchmark: z.string().nullable(),
  /** Concept id of the metric, or null. */
  metric: z.string().nullable(),
  value: z.number(),
  /** "%", "x", "" (a plain number), "points", "ms", ... as written. */
  unit: z.string(),
  /** True for improvements ("+30.1%", "1.25x speedup", "reduces FLOPs by 49%"), false for absolute scores. */
  delta: z.boolean(),
  span: SpanSchema,
});
export type Result = z.infer<typeof ResultSchema>;

export const PaperExtractionSchema = z.object({
  id: z.string(),
  title: z.string(),
  concepts: z.array(PaperConceptSchema),
  results: z.array(ResultSchema),
});
export type PaperExtraction = z.infer<typeof PaperExtractionSchema>;

export interface ExtractionResult {
  /** One entry per input paper, in input order. */
  papers: PaperExtraction[];
  /** Every concept found in at least one paper, sorted by id. */
  concepts: Concept[];
}
