// Options of incremental updates: when a new theme continues an old one, what counts as a split or merge, how long the layout polishes.
import { z } from 'zod';
import { resolveOptions } from '../options.ts';

export const UpdateOptionsSchema = z.object({
  // Matching themes
  /**
   * A new theme keeps an old theme's id, name and colour when their shared papers are at least this share of the old
   * theme, or at least this share of the new theme's previously built papers and flowShare of the old theme (one old
   * theme per new theme, the largest overlaps first).
   */
  continueShare: z.number().positive().max(1).default(0.5),
  /** Papers of an old theme that moved to a new one count as a split or merge when they are at least this share of the old theme… */
  flowShare: z.number().positive().max(1).default(0.25),
  /** …and at least this many papers. */
  minFlow: z.number().int().positive().default(2),
  // Layout
  /** ForceAtlas2 iterations that move only the new nodes (old ones held); by default half a full build's count, at least 10. */
  placeIterations: z.number().int().nonnegative().optional(),
  /** Old nodes whose theme changed move with the new nodes (towards their new theme) instead of being held. */
  moveThemeChangers: z.boolean().default(false),
  /** Then iterations that move the new nodes and the old nodes they link to, slowed down, so old nodes make room for the new. */
  polishIterations: z.number().int().nonnegative().default(5),
  /** How much slower than ForceAtlas2's own pace the polish moves nodes (its slowDown setting × this). */
  polishSlowDown: z.number().positive().default(10),
});

export type UpdateOptions = z.infer<typeof UpdateOptionsSchema>;

export const DEFAULT_UPDATE_OPTIONS: Readonly<UpdateOptions> = Object.freeze(UpdateOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad value is a PaperKgError naming it. */
export function resolveUpdateOptions(partial: Partial<UpdateOptions> = {}): UpdateOptions {
  return resolveOptions(UpdateOptionsSchema, partial, 'update options');
}
