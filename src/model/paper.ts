// The paper model: one zod schema shared by the library, the CLI and the viewer.
import { z } from 'zod';

export const DatePrecisionSchema = z.enum(['day', 'month', 'year']);

export const PaperDateSchema = z.object({
  /** ISO date, truncated to its precision: "2024-10-07", "2024-10" or "2024". */
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  precision: DatePrecisionSchema,
  /** True when part of the date (usually the year) was not in the source but inferred. */
  inferred: z.boolean().default(false),
});

export const AuthorsSchema = z.object({
  /** Names in source order; empty when the source only gives a count. */
  names: z.array(z.string()).default([]),
  /** Number of authors when known (the HF page shows only "N authors"). */
  count: z.number().int().nonnegative().optional(),
});

export const LinksSchema = z.object({
  arxiv: z.string().optional(),
  hf: z.string().optional(),
  doi: z.string().optional(),
  code: z.string().optional(),
  url: z.string().optional(),
  pdf: z.string().optional(),
});

export const ProvenanceSchema = z.object({
  /** Base name of the source file (never an absolute path, so outputs are portable). */
  file: z.string(),
  /** Format the record was read as. */
  format: z.string(),
  /** 1-based line where the record starts, when the format is line-oriented. */
  line: z.number().int().positive().optional(),
  /** 0-based index of the record within the file. */
  index: z.number().int().nonnegative(),
});

export const PaperSchema = z.object({
  /** arXiv id without version when known ("2410.05261"), else "t-" + short hash of the normalised title. */
  id: z.string().min(1),
  title: z.string().min(1),
  abstract: z.string().default(''),
  authors: AuthorsSchema.default({ names: [] }),
  date: PaperDateSchema.optional(),
  upvotes: z.number().int().nonnegative().optional(),
  links: LinksSchema.default({}),
  /** The source's own categories / keywords / tags, when present. */
  categories: z.array(z.string()).default([]),
  provenance: z.array(ProvenanceSchema).min(1),
});

export type DatePrecision = z.infer<typeof DatePrecisionSchema>;
export type PaperDate = z.infer<typeof PaperDateSchema>;
export type Authors = z.infer<typeof AuthorsSchema>;
export type Links = z.infer<typeof LinksSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;
export type Paper = z.infer<typeof PaperSchema>;
export type PaperInput = z.input<typeof PaperSchema>;
