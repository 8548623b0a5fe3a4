// File-system edge of `build`, `build --update` and `import-themes`: ingests the inputs, runs the pipeline, writes every
// output through the one build writer (src/io/build-dir.ts: staged, hashed, locked, swapped in whole).
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PaperKgError } from '../errors.ts';
import { ingest, type IngestOptions, type IngestResult } from '../ingest/index.ts';
import { runPipeline, conceptsByKind, type PipelineContext, type PipelineOptions, type PipelineMessage, type Stage } from '../pipeline.ts';
import { exportFileChunks, OUTPUT_FILES } from '../export/index.ts';
import type { ConceptKind } from '../extract/types.ts';
import { inputSource } from './files.ts';
import { writeViewerFirstFrame, writeViewerOverview } from './overview.ts';
import { FIRST_FRAME_FILE } from '../model/first-frame-json.ts';
import { PAPERS_FILE, papersToJsonl } from '../update/papers.ts';
import { updateBuild, type UpdateOptions, type UpdateReport } from '../update/index.ts';
import { BuildWriter, loadBuildForRewrite, writeBuild, type BuildManifest } from './build-dir.ts';

export { loadGraphDirectory, loadBuildPapers, loadBuildForRewrite, checkBuildDirectory, BuildWriter, MANIFEST_FILE } from './build-dir.ts';

export interface BuildOptions extends Partial<PipelineOptions> {
  inputs: string[];
  /** Output directory (created when missing). */
  out: string;
  ingest?: Partial<IngestOptions>;
  /** Above this many nodes the build also writes the viewer's overview (overview.json, overview/); default 20,000. */
  viewerBudget?: number;
  /** Write into an `out` that is not empty and not a paper-kg build (its files are kept). */
  force?: boolean;
}

export interface BuildSummary {
  ingest: IngestResult;
  papers: number;
  concepts: number;
  conceptsByKind: Partial<Record<ConceptKind, number>>;
  edges: number;
  themes: Array<{ id: string; name: string; size: number }>;
  modularity: number;
  /** Louvain resolution used (chosen from the data unless given). */
  resolution: number;
  messages: PipelineMessage[];
  /** Milliseconds per stage, including ingest and write. */
  timings: Partial<Record<Stage | 'ingest' | 'export' | 'write', number>>;
  /** Every file written but the overview's: the five exports, papers.jsonl, update-report.json after an update, first-frame.json below the viewer budget. */
  files: Array<{ name: string; bytes: number }>;
  /** The viewer overview's files (none below the viewer budget). */
  overview?: Array<{ name: string; bytes: number }>;
  /** The manifest written (manifest.json of the build directory). */
  manifest: BuildManifest;
}

/** Counts a manifest records, from a run. */
export function buildCounts(ctx: PipelineContext): BuildManifest['counts'] {
  let concepts = 0;
  ctx.graph.forEachNode((_k, a) => {
    if (a.kind !== 'paper') concepts++;
  });
  return { papers: ctx.papers.length, concepts, edges: ctx.graph.size, themes: ctx.themes.themes.length };
}

export interface WrittenOutputs {
  files: Array<{ name: string; bytes: number }>;
  overview: Array<{ name: string; bytes: number }>;
}

/**
 * Every output of a run through a build writer, each made in chunks and written as they come (at 100k papers an output
 * is 100–450 MB of text: never one string): the five exports, papers.jsonl (what `build --update` and `import-themes`
 * rebuild from), `extra` files (update-report.json), the viewer overview or first-frame.json. `onFile` is told after each (the bench times them).
 */
export async function writeOutputs(
  writer: BuildWriter,
  ctx: PipelineContext,
  inputs: string[],
  options: { viewerBudget?: number; extra?: Record<string, string>; onFile?: (name: string, bytes: number) => void } = {},
): Promise<WrittenOutputs> {
  const files: WrittenOutputs['files'] = [];
  const done = (name: string, bytes: number): void => {
    files.push({ name, bytes });
    options.onFile?.(name, bytes);
  };
  for (const name of OUTPUT_FILES) done(name, await writer.write(name, exportFileChunks(ctx, name, inputs)));
  done(PAPERS_FILE, await writer.write(PAPERS_FILE, papersChunks(ctx)));
  for (const [name, text] of Object.entries(options.extra ?? {})) done(name, await writer.write(name, text));
  const overview = await writeViewerOverview(writer, ctx, inputs, { budget: options.viewerBudget });
  // A build the viewer opens whole (no overview) gets the file the viewer draws its first frame from.
  if (!overview.length) done(FIRST_FRAME_FILE, await writeViewerFirstFrame(writer, ctx, inputs));
  options.onFile?.(
    'overview',
    overview.reduce((a, f) => a + f.bytes, 0),
  );
  return { files, overview };
}

/** papers.jsonl in chunks of about 1,000 papers. */
function* papersChunks(ctx: PipelineContext): Generator<string> {
  for (let i = 0; i < ctx.papers.length; i += 1000) yield papersToJsonl(ctx.papers.slice(i, i + 1000));
}

/** Builds the graph of the inputs into `out`. Throws E_INPUT_EMPTY when no input gave a paper (nothing to build). */
export async function buildToDirectory(options: BuildOptions): Promise<BuildSummary> {
  const { inputs, out, ingest: ingestOptions, viewerBudget, force, ...pipelineOptions } = options;
  // NOTE: --out is checked before any work: a build that cannot be written fails in a second, not after the pipeline.
  const writer = await BuildWriter.open(out, { force, command: 'build' });
  const t0 = performance.now();
  const ingested = await ingest(inputs.map(inputSource), ingestOptions ?? {});
  const ingestMs = performance.now() - t0;
  if (ingested.papers.length === 0) throw noPapers('build', inputs, ingested, 'expected at least one readable paper record');
  const ctx = runPipeline(ingested.papers, pipelineOptions);
  // NOTE: outputs are written in chunks as they are made, so export time includes their writing; `write` is the rest.
  const t1 = performance.now();
  let exportMs = 0;
  const { manifest, value } = await writeBuild(writer, async (w) => {
    const written = await writeOutputs(
      w,
      ctx,
      inputs.map((p) => basename(p)),
      {
        viewerBudget,
        onFile: (name) => {
          if ((OUTPUT_FILES as readonly string[]).includes(name)) exportMs = performance.now() - t1;
        },
      },
    );
    return { counts: buildCounts(ctx), value: written };
  });
  const t3 = performance.now();
  return summarise(ctx, ingested, value.files, value.overview, manifest, { ingest: ingestMs, ...ctx.timings, export: exportMs, write: t3 - t1 - exportMs });
}

function noPapers(command: string, inputs: string[], ingested: IngestResult, expected: string): PaperKgError {
  const why = ingested.files.filter((f) => f.error).map((f) => f.error!.message);
  return new PaperKgError(
    'E_INPUT_EMPTY',
    `${command}: no papers in ${inputs.map((p) => basename(p)).join(', ') || 'the inputs'}${why.length ? ` (${why.join('; ')})` : ''}; ${expected}`,
  );
}

/** The numbers a build or an update reports: counts, themes, messages, time per stage, files written. */
function summarise(
  ctx: ReturnType<typeof runPipeline>,
  ingested: BuildSummary['ingest'],
  files: BuildSummary['files'],
  overview: BuildSummary['overview'],
  manifest: BuildManifest,
  timings: BuildSummary['timings'],
): BuildSummary {
  const byKind = conceptsByKind(ctx.graph);
  return {
    ingest: ingested,
    papers: ctx.papers.length,
    concepts: Object.values(byKind).reduce((a, b) => a + b, 0),
    conceptsByKind: byKind,
    edges: ctx.graph.size,
    themes: ctx.themes.themes.map((t) => ({ id: t.id, name: t.name, size: t.size })),
    modularity: ctx.themes.modularity,
    resolution: ctx.themes.resolution,
    messages: ctx.messages,
    timings,
    files,
    overview,
    manifest,
  };
}

export const UPDATE_REPORT_FILE = 'update-report.json';

export interface UpdateDirectoryOptions extends Partial<PipelineOptions> {
  /** The build directory to update (it must hold graph.json and papers.jsonl). */
  dir: string;
  /** New inputs. */
  inputs: string[];
  /** Where the updated build goes; by default `dir` itself. */
  out?: string;
  ingest?: Partial<IngestOptions>;
  update?: Partial<UpdateOptions>;
  /** As for a build: above this many nodes the viewer overview is written too; default 20,000. */
  viewerBudget?: number;
  /** When `out` is another directory: write into it even when it is not empty and not a paper-kg build. */
  force?: boolean;
}

export interface UpdateSummary extends BuildSummary {
  report: UpdateReport;
}

/** Ids retired by earlier updates (update-report.json), so a new theme never takes the id of a vanished one. */
async function loadRetired(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(dir, UPDATE_REPORT_FILE), 'utf8');
  } catch {
    return [];
  }
  try {
    const retired = (JSON.parse(text) as { themes?: { retired?: unknown } }).themes?.retired;
    return Array.isArray(retired) ? retired.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    throw new PaperKgError(
      'E_FORMAT_MALFORMED',
      `${join(dir, UPDATE_REPORT_FILE)}: not valid JSON; delete it (only retired theme ids are read from it) and run the update again`,
    );
  }
}

/**
 * Adds the papers of `inputs` to the build in `dir` (see updateBuild): writes every output, papers.jsonl and
 * update-report.json into `out` (default `dir`). Throws E_INPUT_EMPTY when no input gave a paper.
 */
export async function updateDirectory(options: UpdateDirectoryOptions): Promise<UpdateSummary> {
  const { dir, inputs, out = dir, ingest: ingestOptions, update, viewerBudget, force, ...pipelineOptions } = options;
  const t0 = performance.now();
  // NOTE: the build must be whole (every file's sha256 against its manifest, the same papers in graph.json and
  // papers.jsonl): updating a mixed directory would silently build on the wrong papers.
  const { graph, papers: previousPapers } = await loadBuildForRewrite(dir);
  const retired = await loadRetired(dir);
  // The directory being updated was just checked to be a build: writing over it needs no --force.
  const writer = await BuildWriter.open(out, { force: force || resolve(out) === resolve(dir), command: 'build --update' });
  const ingested = await ingest(inputs.map(inputSource), ingestOptions ?? {});
  const ingestMs = performance.now() - t0;
  if (ingested.papers.length === 0) throw noPapers('build --update', inputs, ingested, 'expected at least one readable paper record to add');
  const result = updateBuild(
    { graph, papers: previousPapers, retired },
    ingested.papers,
    inputs.map((p) => basename(p)),
    { ...pipelineOptions, update },
  );
  const { ctx } = result;
  const t1 = performance.now();
  const { manifest, value } = await writeBuild(writer, async (w) => ({
    counts: buildCounts(ctx),
    value: await writeOutputs(w, ctx, result.inputs, { viewerBudget, extra: { [UPDATE_REPORT_FILE]: JSON.stringify(result.report, null, 2) + '\n' } }),
  }));
  const t3 = performance.now();
  return {
    ...summarise(ctx, ingested, value.files, value.overview, manifest, { ingest: ingestMs, ...ctx.timings, export: t3 - t1, write: 0 }),
    report: result.report,
  };
}
