// Options of the layout stage: ForceAtlas2 iterations and Barnes-Hut, then noverlap.
import { z } from 'zod';
import { resolveOptions } from '../options.ts';

export const LayoutOptionsSchema = z.object({
  // Theme regions
  /** A theme's region is a disc of radius regionSpacing × √(its nodes). */
  regionSpacing: z.number().positive().default(3),
  /** Gap between neighbouring regions, as a share of their radii. */
  regionGap: z.number().nonnegative().default(0.25),
  /** Layout-only multipliers of edge weights inside a theme and across themes: themes pull together, and apart. */
  intraThemeWeight: z.number().positive().default(3),
  interThemeWeight: z.number().positive().default(0.3),
  /** ForceAtlas2's LinLog mode: tighter clusters, wider gaps between them. */
  linLogMode: z.boolean().default(false),
  // ForceAtlas2
  /** Iterations; by default scaled to the graph's size (fewer on big graphs, where each one costs more). */
  iterations: z.number().int().nonnegative().optional(),
  /** Work budget of the automatic iteration count: iterations ≈ budget / (nodes + edges), within [minIterations, maxIterations]. */
  budget: z.number().positive().default(300_000),
  // NOTE: 10, not more, because nodes start inside their theme's region: at 100k papers an iteration costs ~0.5 s.
  minIterations: z.number().int().nonnegative().default(10),
  maxIterations: z.number().int().nonnegative().default(200),
  /** Barnes-Hut approximation above this many nodes (exact repulsion is quadratic); θ 1.2 is Gephi's default. */
  barnesHutAbove: z.number().int().nonnegative().default(1000),
  barnesHutTheta: z.number().positive().default(1.2),
  // noverlap
  noverlapIterations: z.number().int().nonnegative().default(60),
  /** noverlap only up to this many nodes: on a crowded big graph it costs minutes (76 s at 20k nodes), and a viewer zooms. */
  noverlapMaxNodes: z.number().int().nonnegative().default(5000),
  /** Digits kept in positions: rounding makes outputs portable across machines whose floats differ in the last bits. */
  digits: z.number().int().min(0).max(10).default(2),
});

export type LayoutOptions = z.infer<typeof LayoutOptionsSchema>;

export const DEFAULT_LAYOUT_OPTIONS: Readonly<LayoutOptions> = Object.freeze(LayoutOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad value is a PaperKgError naming it. */
export function resolveLayoutOptions(partial: Partial<LayoutOptions> = {}): LayoutOptions {
  return resolveOptions(LayoutOptionsSchema, partial, 'layout options');
}
