// Options of the graph stage: how paper–concept links are weighted and how papers are related to each other.
import { z } from 'zod';
import { resolveOptions } from '../options.ts';
import { CONCEPT_KINDS } from '../extract/types.ts';

const KindWeightsSchema = z.object(Object.fromEntries(CONCEPT_KINDS.map((k) => [k, z.number().nonnegative()])) as Record<(typeof CONCEPT_KINDS)[number], z.ZodNumber>);

export const GraphOptionsSchema = z.object({
  // What themes are computed on
  /**
   * "bipartite": Louvain on papers and their shareable concepts (hubs and one-paper concepts left out);
   * "neighbours": Louvain on the top-k paper–paper neighbour graph. See the README ("Themes") for the comparison.
   */
  clustering: z.enum(['hybrid', 'bipartite', 'neighbours']).default('hybrid'),
  /** Hybrid form: share of the concept links in the themes graph when every paper has informative concepts (× coverage). */
  hybridConceptWeight: z.number().min(0).max(2).default(1.2),
  /**
   * Hybrid form: how much of a text link's weight is the overlap (Jaccard) of its two papers' neighbourhoods, shared
   * nearest neighbours as in PhenoGraph. NOTE: off: 1 raised the OAI snapshot (0.304 → 0.317) but lowered the cs page
   * (0.223 → 0.209) and the bundled corpus at resolution 1 (docs/themes.md).
   */
  sharedNeighbourWeight: z.number().min(0).max(1).default(0),
  /**
   * Bipartite form only: a concept in more than this share of papers is left out of the themes graph (still capped by
   * hubMaxPapers). NOTE: 1 (none left out) on purpose: on a small corpus the concept that defines its largest topic is
   * itself in a quarter of the papers ("tokenization", "token pruning"); rarity (log N/df) already makes it a weak link,
   * and a concept node adds one edge per paper, so no pair blows up. Measured in the README ("Themes").
   */
  clusteringHubShare: z.number().positive().max(1).default(1),
  /**
   * Bipartite form only: weight of a concept the title names (the title says what the paper is about). NOTE: 3 with the
   * sublinear TF below (a concept repeated in the abstract already weighs 2–2.6), so the title keeps its lead; 2.5 before
   * it. 3–3.5 is a plateau on the gold topics (README "Themes"), and the four research lines stay apart at 30 of 30 seeds.
   */
  clusteringTitleWeight: z.number().nonnegative().default(3),
  /**
   * Bipartite form only: how much repeated mentions count, as `1 + w · ln(mentions)` (sublinear TF). NOTE: a paper on
   * visual-token pruning says "token pruning" five times, one that cites it once; on the gold topics (109 papers, seeds
   * 1–10) w = 1 raised AMI 0.47 → 0.51 and pair coherence 0.62 → 0.66, w = 2 overshot. README ("Themes").
   */
  clusteringTfWeight: z.number().nonnegative().default(1),
  /** Bipartite form only: weight per rule family; mined keyphrases count less ("visual token" is mined, and topical). */
  clusteringSourceWeights: z
    .object({ vocabulary: z.number().nonnegative(), pattern: z.number().nonnegative(), acronym: z.number().nonnegative(), mined: z.number().nonnegative() })
    .default({ vocabulary: 1, pattern: 1, acronym: 1, mined: 0.7 }),
  // Paper–paper projection (neighbours, bridges, central papers)
  /**
   * Nearest neighbours kept per paper. NOTE: 5, as the bag-of-words peer: on the eval panels (seeds 1–10) k 8 → 5 moved
   * AMI 0.284 → 0.320 on the OAI snapshot (text only), 0.521 → 0.513 bundled, 0.246 → 0.225 on the cs page (5 seeds),
   * the only setting tried that is at or above the peer on all three (docs/incoming/themes.md).
   */
  neighbours: z.number().int().positive().default(5),
  /** A concept in more than this share of papers is a hub: it stays in the graph but relates no papers. */
  hubShare: z.number().positive().max(1).default(0.15),
  /** ...but never below this many papers, so a small corpus keeps its shared concepts. */
  hubMinPapers: z.number().int().min(2).default(4),
  /** ...and in any case a concept in more than this many papers (keeps the projection linear in papers). */
  hubMaxPapers: z.number().int().min(2).default(200),
  /** How much each kind of concept counts when relating papers (all alike by default: rarity already discounts "accuracy"). */
  kindWeights: KindWeightsSchema.default({ method: 1, task: 1, modality: 1, benchmark: 1, dataset: 1, model: 1, metric: 1, topic: 1 }),
  /** How much each rule family counts: mined keyphrases ("reduce the number") are noisier than vocabulary names. */
  sourceWeights: z
    .object({ vocabulary: z.number().nonnegative(), pattern: z.number().nonnegative(), acronym: z.number().nonnegative(), mined: z.number().nonnegative() })
    .default({ vocabulary: 1, pattern: 1, acronym: 1, mined: 0 }),
  /** Extra weight of a concept named in the title: the title says what a paper is about, the abstract also what it uses. */
  titleWeight: z.number().nonnegative().default(2),
  /** Weight of a concept's broader concept ("visual-token-pruning" → "token-pruning") as an extra shared feature. */
  parentWeight: z.number().nonnegative().default(0.5),
  /** How much repeated mentions of a concept count in the neighbour graph, as `1 + w · ln(mentions)` (sublinear TF). */
  conceptTfWeight: z.number().nonnegative().default(1),
  /**
   * Weight of the concept part of the similarity when every paper has informative concepts; the corpus's weight is this
   * × the share of papers with at least `informativeConcepts` shareable concepts, and the text has the rest.
   */
  conceptWeight: z.number().min(0).max(1).default(0.5),
  /** Shareable concepts (in 2 papers or more, not hubs) a paper needs to count as having informative concepts. */
  informativeConcepts: z.number().int().nonnegative().default(3),
  /**
   * Text: term weights, BM25 ("bm25": saturating TF, normalised by the paper's text length, with bm25K1 and bm25B;
   * Robertson & Zaragoza 2009) or sublinear TF × smoothed IDF ("tfidf", before issue 11's second session). NOTE: BM25
   * raised AMI on the cs page 0.223 → 0.247 and on the OAI snapshot 0.304 → 0.345 at resolution 1, bundled unchanged
   * (seeds 1–10, docs/themes.md): a long abstract's many mid-frequency words no longer outweigh a short one's few.
   */
  textWeighting: z.enum(['tfidf', 'bm25']).default('bm25'),
  bm25K1: z.number().nonnegative().default(1.2),
  bm25B: z.number().min(0).max(1).default(0.75),
  /** Text: how many times a title word counts (the title says what the paper is about). */
  titleTextWeight: z.number().nonnegative().default(2),
  /** Text: weight of the bigrams of adjacent content words ("token pruning") next to single words. */
  bigramWeight: z.number().nonnegative().default(1),
  /**
   * Text: a term in more than this share of papers relates none (IDF already makes it weak; the cap bounds the work)…
   * NOTE: 0.5 (was 0.2): on small corpora a field's own words ("galaxy" in a quarter of an astro listing) tie its papers;
   * OAI snapshot (200 papers) AMI 0.345 → 0.359, the others unchanged. From 1,000 papers on textMaxPapers is the cap.
   */
  textHubShare: z.number().positive().max(1).default(0.5),
  /** …and in any case a term in more than this many papers. */
  textMaxPapers: z.number().int().min(2).default(200),
  /** A paper searches its neighbours with its this many strongest features (bounds the work; weaker ones add little). */
  queryFeatures: z.number().int().positive().default(64),
  /** Minimum similarity for two papers to be neighbours. */
  minSimilarity: z.number().nonnegative().default(0.02),
});

export type GraphOptions = z.infer<typeof GraphOptionsSchema>;

export const DEFAULT_GRAPH_OPTIONS: Readonly<GraphOptions> = Object.freeze(GraphOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad value is a PaperKgError naming it. */
export function resolveGraphOptions(partial: Partial<GraphOptions> = {}): GraphOptions {
  return resolveOptions(GraphOptionsSchema, partial, 'graph options');
}
