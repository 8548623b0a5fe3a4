// Options of the themes stage: Louvain's resolution, what counts as too small to be a theme, how themes are named.
import { z } from 'zod';
import { resolveOptions } from '../options.ts';

export const ThemesOptionsSchema = z.object({
  // Louvain
  /** Louvain resolution: above 1 gives more, smaller themes; below 1 fewer, larger ones. */
  resolution: z.number().positive().default(1),
  /**
   * Choose the resolution from the data (resolution.ts): 1 unless another of `resolutionGrid` gives themes that agree
   * across `resolutionRuns` seeded runs (mean pairwise AMI) by `resolutionMargin` more, leaving at most
   * `resolutionMaxSmallShare` of the papers in communities smaller than `minThemeSize`. Off when a resolution is given
   * (`--resolution`), and when the graph is too large for at least 4 runs per resolution within `resolutionBudget`
   * (edges × runs × resolutions; then `resolution` is used).
   */
  autoResolution: z.boolean().default(true),
  resolutionGrid: z.array(z.number().positive()).min(1).default([0.5, 0.7, 1, 1.4, 2]),
  /** At most this many runs per resolution (fewer when the budget is short, never fewer than 4). */
  resolutionRuns: z.number().int().min(2).default(8),
  /**
   * How much more the runs of another resolution must agree than those of 1 to replace it. NOTE: 0.08, about 3× the
   * largest seed-to-seed spread (sd 0.01–0.03) of the agreement at a fixed resolution on the eval panels; 0.02–0.05
   * let finer, slightly more reproducible partitions win on the cs page at a small AMI cost (docs/themes.md).
   */
  resolutionMargin: z.number().nonnegative().default(0.08),
  /** A resolution whose runs leave more than this share of papers in communities too small to be themes is no candidate. */
  resolutionMaxSmallShare: z.number().min(0).max(1).default(0.05),
  resolutionBudget: z.number().int().positive().default(400_000),
  /** Louvain runs per consensus round (1: a single run). See consensus.ts; the README ("Themes") has the measurements. */
  consensusRuns: z.number().int().positive().default(20),
  /** Share of runs that must put an edge's ends together for it to stay in the consensus graph. */
  consensusThreshold: z.number().positive().max(1).default(0.5),
  /** At most this many consensus rounds. NOTE: on the bundled corpus a second and third round changed nothing measurable. */
  consensusRounds: z.number().int().positive().default(1),
  /**
   * Work budget of the consensus, in edges × runs: runs are cut to budget / edges of the themes graph (1 = plain Louvain),
   * so a large corpus gets fewer runs instead of minutes of Louvain. NOTE: the bundled corpus (~1.1k links) gets all 20,
   * 1k bench papers (~5k links) 8, 10k (~49k links) and more a single plain run: large graphs need it least (Louvain's
   * partition of a big graph moves less with the seed), and at 10k the 3 extra runs a budget of 150k gave cost 0.45 s.
   */
  consensusBudget: z.number().int().positive().default(40_000),
  // Tiny themes
  /** Communities with fewer papers are gathered into the "other" theme, with the reason. */
  minThemeSize: z.number().int().positive().default(3),
  /**
   * Papers of a community smaller than minThemeSize join the theme they are most linked to (else "other"). NOTE: off by
   * default: with the text links "other" is already 0–4 % of papers on the three eval panels, and merging moved the
   * bundled corpus's small groups into themes they do not belong to (AMI 0.53 → 0.50).
   */
  mergeSmall: z.boolean().default(false),
  // Naming and summaries
  /** How much a text phrase's c-TF-IDF counts against a concept's when naming (below 1: concepts first on a tie). */
  phraseWeight: z.number().nonnegative().default(0.8),
  /** Neighbouring themes listed per theme, and concepts they share listed per neighbour. */
  neighbourThemes: z.number().int().nonnegative().default(5),
  sharedConcepts: z.number().int().nonnegative().default(5),
  /** Concepts listed per theme (and per kind), benchmarks, central and bridge papers. */
  topConcepts: z.number().int().positive().default(10),
  topPerKind: z.number().int().positive().default(5),
  topBenchmarks: z.number().int().positive().default(8),
  centralPapers: z.number().int().positive().default(5),
  bridgePapers: z.number().int().positive().default(5),
});

export type ThemesOptions = z.infer<typeof ThemesOptionsSchema>;

export const DEFAULT_THEMES_OPTIONS: Readonly<ThemesOptions> = Object.freeze(ThemesOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad value is a PaperKgError naming it. */
export function resolveThemesOptions(partial: Partial<ThemesOptions> = {}): ThemesOptions {
  return resolveOptions(ThemesOptionsSchema, partial, 'themes options');
}
