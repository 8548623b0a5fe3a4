// The schema of overview.json, what the viewer opens on when a build has more nodes than its viewer budget: themes as nodes,
// theme–theme links, and the per-theme files (each a graph.json document) the viewer loads when a theme is opened.
import { z } from 'zod';
import { CONCEPT_KINDS } from './concept.ts';
import { GraphJsonSchema } from './graph-json.ts';

/** File names of the per-theme documents: a fixed folder and a safe name, so a server can map them without touching paths. */
export const OVERVIEW_FILE = 'overview.json';
export const OVERVIEW_DIR = 'overview';
export const THEME_FILE_PATTERN = /^[A-Za-z0-9_-]{1,64}\.json$/;

export const OverviewThemeSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** Papers in the theme, and how many of them its file holds (fewer only when the theme alone is above the budget). */
  papers: z.number().int().nonnegative(),
  shownPapers: z.number().int().nonnegative(),
  conceptCount: z.number().int().nonnegative(),
  /** Centre of its papers on the full layout. */
  x: z.number().finite(),
  y: z.number().finite(),
  /** Its strongest concepts, most distinctive first, with how many of its papers have each. */
  topConcepts: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(CONCEPT_KINDS), papers: z.number().int().nonnegative() })),
  dateRange: z.tuple([z.string(), z.string()]).nullable(),
  note: z.string().optional(),
  /** The theme's document, relative to overview.json ("overview/t1.json"). */
  file: z.string(),
  /** Node and edge counts of that document. */
  nodes: z.number().int().nonnegative(),
  edges: z.number().int().nonnegative(),
});
export type OverviewTheme = z.infer<typeof OverviewThemeSchema>;

export const OverviewLinkSchema = z.object({
  source: z.string(),
  target: z.string(),
  /** Number of concepts that papers of both themes use. */
  weight: z.number().int().positive(),
  /** A few of those concepts, rarest first (labels). */
  concepts: z.array(z.string()),
});
export type OverviewLink = z.infer<typeof OverviewLinkSchema>;

export const OverviewJsonSchema = z.object({
  version: z.literal(1),
  kind: z.literal('overview'),
  meta: GraphJsonSchema.shape.meta.extend({
    /** Size of the whole graph (graph.json), which is above `budget`. */
    nodes: z.number().int().nonnegative(),
    edges: z.number().int().nonnegative(),
    budget: z.number().int().positive(),
  }),
  themes: z.array(OverviewThemeSchema),
  links: z.array(OverviewLinkSchema),
});
export type OverviewJson = z.infer<typeof OverviewJsonSchema>;

/**
 * The overview's search index (`overview/search-index.json`): every paper title and every concept of the build, so the
 * overview's search reaches inside themes it has not loaded. Benchmarks and datasets list every paper that has them (a
 * leaderboard across themes); other concepts list how many papers each theme has with them. Arrays, not objects: at
 * 100k papers the file stays a few MB.
 */
export const OVERVIEW_INDEX_NAME = 'search-index';
export const OVERVIEW_INDEX_FILE = `${OVERVIEW_DIR}/${OVERVIEW_INDEX_NAME}.json`;
export const OverviewIndexSchema = z.object({
  version: z.literal(1),
  kind: z.literal('overview-index'),
  /** Theme ids; papers and concepts name themes by their index here. */
  themes: z.array(z.string()),
  /** [node key, title, theme index]. */
  papers: z.array(z.tuple([z.string(), z.string(), z.number().int().nonnegative()])),
  /** [node key, label, kind, papers (indexes into `papers`, benchmarks and datasets) or [theme index, count] pairs flattened]. */
  concepts: z.array(z.tuple([z.string(), z.string(), z.enum(CONCEPT_KINDS), z.array(z.number().int().nonnegative())])),
});
export type OverviewIndex = z.infer<typeof OverviewIndexSchema>;
/** Kinds whose index entry lists every paper (the rest give counts per theme). */
export const INDEX_PAPER_KINDS: ReadonlySet<string> = new Set(['benchmark', 'dataset']);
