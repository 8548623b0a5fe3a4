// The pipeline: papers → extraction → knowledge graph → themes → metrics → layout, over one context that carries the
// data, the messages and the seeded RNG through every stage. No file I/O here (see src/io/build.ts), so the viewer can run it.
import { z } from 'zod';
import { resolveOptions } from './options.ts';
import type { Paper } from './model/paper.ts';
import { extract } from './extract/index.ts';
import type { ExtractOptions } from './extract/options.ts';
import type { ExtractionResult, ConceptKind } from './extract/types.ts';
import {
  buildKnowledgeGraph,
  projectPapers,
  clusteringGraph,
  resolveGraphOptions,
  createRng,
  type KnowledgeGraph,
  type Projection,
  type GraphOptions,
} from './graph/index.ts';
import { assignMetrics } from './graph/metrics.ts';
import { detectThemes, type ThemesResult, type ThemesOptions } from './themes/index.ts';
import { layoutGraph, layoutIterations, resolveLayoutOptions, type LayoutOptions, type LayoutReport } from './layout/index.ts';
import { SILENT_PROGRESS, type ProgressReporter } from './progress.ts';

export const PipelineOptionsSchema = z
  .object({
    /** Seeds every random choice (Louvain's traversal order, layout start positions): same seed, same outputs. */
    seed: z.number().int().default(42),
    /** Louvain resolution; when not given, themes.resolution. Given, it overrides themes.resolution. Neither: chosen from the data. */
    resolution: z.number().positive().optional(),
    extract: z.custom<Partial<ExtractOptions>>((v) => typeof v === 'object' && v !== null).default({}),
    graph: z.custom<Partial<GraphOptions>>((v) => typeof v === 'object' && v !== null).default({}),
    themes: z.custom<Partial<ThemesOptions>>((v) => typeof v === 'object' && v !== null).default({}),
    layout: z.custom<Partial<LayoutOptions>>((v) => typeof v === 'object' && v !== null).default({}),
    /** Told when each stage starts and stops, and how far long stages are (the CLI draws bars; the bench records time). */
    progress: z
      .custom<ProgressReporter>(
        (v) => typeof v === 'object' && v !== null && typeof (v as ProgressReporter).start === 'function',
        'expected a ProgressReporter',
      )
      .default(SILENT_PROGRESS),
  })
  .transform((o) => ({ ...o, resolution: o.resolution ?? o.themes.resolution }));

export type PipelineOptions = z.infer<typeof PipelineOptionsSchema>;

export const DEFAULT_PIPELINE_OPTIONS: Readonly<PipelineOptions> = Object.freeze(PipelineOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad value is a PaperKgError naming it. */
export function resolvePipelineOptions(partial: Partial<PipelineOptions> = {}): PipelineOptions {
  return resolveOptions(PipelineOptionsSchema, partial, 'build options');
}

export const STAGES = ['extract', 'graph', 'projection', 'themes', 'metrics', 'layout'] as const;
export type Stage = (typeof STAGES)[number];

export interface PipelineMessage {
  level: 'info' | 'warning';
  stage: Stage;
  message: string;
}

export interface PipelineContext {
  options: PipelineOptions;
  rng: () => number;
  papers: Paper[];
  extraction: ExtractionResult;
  graph: KnowledgeGraph;
  projection: Projection;
  themes: ThemesResult;
  layout: LayoutReport;
  messages: PipelineMessage[];
  /** Milliseconds per stage, in stage order (for the summary; never written into outputs). */
  timings: Partial<Record<Stage, number>>;
}

/** Runs every stage after ingest. `extraction` may be given (tests, or a precomputed one); else extract runs. */
export function runPipeline(papers: Paper[], partial: Partial<PipelineOptions> = {}, extraction?: ExtractionResult): PipelineContext {
  const options = resolvePipelineOptions(partial);
  const graphOptions = resolveGraphOptions(options.graph);
  const rng = createRng(options.seed);
  const messages: PipelineMessage[] = [];
  const timings: PipelineContext['timings'] = {};
  const progress = options.progress;
  // NOTE: every stage starts and stops on the reporter, even those that cannot count their work: a bench can then
  // read time and memory at each stage's end, and a terminal shows which stage is running.
  const time = <T>(stage: Stage, total: number, run: () => T): T => {
    const t0 = performance.now();
    progress.start(stage, total);
    const out = run();
    progress.update(total);
    progress.stop();
    timings[stage] = performance.now() - t0;
    return out;
  };

  const ex = time('extract', papers.length, () => extraction ?? extract(papers, options.extract));
  const graph = time('graph', papers.length, () => buildKnowledgeGraph(papers, ex));
  const projection = time('projection', papers.length, () => projectPapers(graph, graphOptions, progress));
  if (projection.hubs.length) {
    messages.push({
      level: 'info',
      stage: 'projection',
      message:
        `${projection.hubs.length} hub concept(s) in more than ${projection.hubLimit} papers are left out of the paper–paper neighbours ` +
        `(similar papers, bridges): ${projection.hubs.slice(0, 8).join(', ')}${projection.hubs.length > 8 ? ', …' : ''}`,
    });
  }
  const themes = time('themes', papers.length, () =>
    detectThemes(graph, projection, clusteringGraph(graph, projection, graphOptions), rng, {
      ...options.themes,
      ...(options.resolution !== undefined ? { resolution: options.resolution, autoResolution: false } : {}),
    }),
  );
  const other = themes.themes.find((t) => t.id === 'other');
  if (other?.note) messages.push({ level: 'info', stage: 'themes', message: `"other" holds ${other.size} paper(s): ${other.note}` });
  time('metrics', graph.order, () => assignMetrics(graph));
  // NOTE: the layout draws from its own stream (seeded by the same seed), so a change in how many numbers the themes
  // stage draws does not move every node of the map.
  const layoutOptions = resolveLayoutOptions(options.layout);
  const layoutRng = createRng(options.seed ^ 0x5bd1e995);
  const layout = time('layout', layoutIterations(graph.order, graph.size, layoutOptions), () =>
    layoutGraph(graph, themes.themes, layoutRng, layoutOptions, progress),
  );
  return { options, rng, papers, extraction: ex, graph, projection, themes, layout, messages, timings };
}

/** Concept counts by kind, in the kinds' declared order. */
export function conceptsByKind(graph: KnowledgeGraph): Partial<Record<ConceptKind, number>> {
  const out: Partial<Record<ConceptKind, number>> = {};
  graph.forEachNode((_k, a) => {
    if (a.kind !== 'paper') out[a.kind] = (out[a.kind] ?? 0) + 1;
  });
  return out;
}
