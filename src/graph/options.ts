// Options of the graph stage: how paper–concept links are weighted and how papers are related to each other.
import { z } from 'zod';
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { CONCEPT_KINDS } from '../extract/types.ts';

const KindWeightsSchema = z.object(Object.fromEntries(CONCEPT_KINDS.map((k) => [k, z.number().nonnegative()])) as Record<(typeof CONCEPT_KINDS)[number], z.ZodNumber>);

export const GraphOptionsSchema = z.object({
  // Paper–paper projection (what themes are computed on)
  /** Nearest neighbours kept per paper. */
  neighbours: z.number().int().positive().default(8),
  /** A concept in more than this share of papers is a hub: it stays in the graph but relates no papers. */
  hubShare: z.number().positive().max(1).default(0.1),
  /** ...and in any case a concept in more than this many papers (keeps the projection linear in papers). */
  hubMaxPapers: z.number().int().min(2).default(500),
  /** How much each kind of concept counts when relating papers (metrics and models say little about a topic). */
  kindWeights: KindWeightsSchema.default({ method: 1, task: 1, modality: 1, benchmark: 1, dataset: 1, model: 0.5, metric: 0.2 }),
  /** Weight of a concept's broader concept ("visual-token-pruning" → "token-pruning") as an extra shared feature. */
  parentWeight: z.number().nonnegative().default(0.5),
  /** Minimum cosine similarity for two papers to be neighbours. */
  minSimilarity: z.number().nonnegative().default(0.02),
});

export type GraphOptions = z.infer<typeof GraphOptionsSchema>;

export const DEFAULT_GRAPH_OPTIONS: Readonly<GraphOptions> = Object.freeze(GraphOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad value is a PaperKgError naming it. */
export function resolveGraphOptions(partial: Partial<GraphOptions> = {}): GraphOptions {
  const parsed = GraphOptionsSchema.safeParse(partial);
  if (!parsed.success) throw new PaperKgError('E_OPTIONS', `graph options: ${formatZodIssues(parsed.error.issues)}`);
  return parsed.data;
}
