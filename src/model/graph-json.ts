// The schema of graph.json, the viewer's input: a graphology serialisation plus themes, results and metadata.
// Shared by the exporter (which validates what it writes) and the viewer (which validates what it loads).
import { z } from 'zod';
import { CONCEPT_KINDS, ResultSchema, SpanSchema, ConceptSourceSchema } from './concept.ts';

export const NODE_KINDS = ['paper', ...CONCEPT_KINDS] as const;
export const NodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKindSchema>;

const LayoutAttributes = {
  x: z.number().finite(),
  y: z.number().finite(),
  size: z.number().positive(),
  /** Theme colour, "#rrggbb". */
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** Theme id ("t1"…), or "other" for papers gathered into the catch-all theme. */
  theme: z.string(),
  degree: z.number().int().nonnegative(),
  weightedDegree: z.number().nonnegative(),
  pagerank: z.number().nonnegative(),
};

export const PaperNodeSchema = z.object({
  kind: z.literal('paper'),
  label: z.string(),
  ...LayoutAttributes,
  /** The paper's own id (arXiv id or title hash); the node key is "paper:" + paperId. */
  paperId: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  authorCount: z.number().int().nonnegative().optional(),
  /** ISO date as precise as known, or absent. */
  date: z.string().optional(),
  upvotes: z.number().int().nonnegative().optional(),
  url: z.string().optional(),
  links: z.record(z.string(), z.string()),
});

export const ConceptNodeSchema = z.object({
  kind: z.enum(CONCEPT_KINDS),
  label: z.string(),
  ...LayoutAttributes,
  /** The concept id; the node key is "concept:" + conceptId. */
  conceptId: z.string(),
  aliases: z.array(z.string()),
  source: ConceptSourceSchema,
  parent: z.string().optional(),
  /** Number of papers linked to the concept. */
  df: z.number().int().positive(),
  firstSeen: z.string().optional(),
  lastSeen: z.string().optional(),
});

export const NodeAttributesSchema = z.discriminatedUnion('kind', [PaperNodeSchema, ConceptNodeSchema]);
export type PaperNode = z.infer<typeof PaperNodeSchema>;
export type ConceptNode = z.infer<typeof ConceptNodeSchema>;
export type NodeAttributes = z.infer<typeof NodeAttributesSchema>;

/** A paper–concept edge, weighted by how informative the link is, carrying its evidence. */
export const EdgeAttributesSchema = z.object({
  weight: z.number().positive(),
  source: ConceptSourceSchema,
  spans: z.array(SpanSchema),
});
export type EdgeAttributes = z.infer<typeof EdgeAttributesSchema>;

export const ThemeSchema = z.object({
  id: z.string(),
  name: z.string(),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
  /** Number of papers in the theme. */
  size: z.number().int().nonnegative(),
  conceptCount: z.number().int().nonnegative(),
  /** The concepts that name it, most distinctive first: {id, label, kind, score}. */
  topConcepts: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(CONCEPT_KINDS), score: z.number() })),
  /** The same concepts grouped by kind (a few per kind), with how many of the theme's papers have each. */
  topConceptsByKind: z
    .partialRecord(z.enum(CONCEPT_KINDS), z.array(z.object({ id: z.string(), label: z.string(), papers: z.number().int(), score: z.number() })))
    .optional(),
  /** The theme's keywords: labels of its most distinctive concepts (topConcepts' labels). */
  keywords: z.array(z.string()).default([]),
  topBenchmarks: z.array(z.object({ id: z.string(), label: z.string(), papers: z.number().int() })),
  dateRange: z.tuple([z.string(), z.string()]).nullable(),
  /** Papers per year, oldest first. */
  years: z.array(z.object({ year: z.string(), papers: z.number().int().nonnegative() })).default([]),
  /** The most linked other themes (summed similarity of papers across), with the concepts both have, most telling first. */
  neighbours: z
    .array(z.object({ theme: z.string(), weight: z.number().nonnegative(), sharedConcepts: z.array(z.object({ id: z.string(), label: z.string() })) }))
    .default([]),
  /** Node keys of its most central papers, and of papers tied strongly to other themes. */
  centralPapers: z.array(z.string()),
  bridgePapers: z.array(z.string()),
  /** Centre of its papers on the layout, where the viewer draws its name. */
  x: z.number().finite(),
  y: z.number().finite(),
  /** Why a theme is the catch-all, when it is. */
  note: z.string().optional(),
});
export type Theme = z.infer<typeof ThemeSchema>;

export const GraphJsonSchema = z.object({
  version: z.literal(1),
  meta: z.object({
    generator: z.literal('paper-kg'),
    inputs: z.array(z.string()),
    papers: z.number().int().nonnegative(),
    concepts: z.number().int().nonnegative(),
    modularity: z.number(),
    resolution: z.number(),
    seed: z.number().int(),
  }),
  themes: z.array(ThemeSchema),
  /** Reported results, with node keys for paper / benchmark / metric. */
  results: z.array(ResultSchema.extend({ paper: z.string() })),
  graph: z.object({
    attributes: z.record(z.string(), z.unknown()).default({}),
    options: z.object({ type: z.string(), multi: z.boolean(), allowSelfLoops: z.boolean() }),
    nodes: z.array(z.object({ key: z.string(), attributes: NodeAttributesSchema })),
    edges: z.array(z.object({ key: z.string().optional(), source: z.string(), target: z.string(), attributes: EdgeAttributesSchema })),
  }),
});
export type GraphJson = z.infer<typeof GraphJsonSchema>;
