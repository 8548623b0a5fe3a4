// File-system edge of `build`: ingests the input files, runs the pipeline, writes every output atomically; loads a built graph.
import { readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { ingest, type IngestOptions, type IngestResult } from '../ingest/index.ts';
import { runPipeline, conceptsByKind, type PipelineOptions, type PipelineMessage, type Stage } from '../pipeline.ts';
import { exportAll, exportFileChunks, OUTPUT_FILES, type OutputFile } from '../export/index.ts';
import { GraphJsonSchema, type GraphJson } from '../model/graph-json.ts';
import type { ConceptKind } from '../extract/types.ts';
import type { Paper } from '../model/paper.ts';
import { fileSource, writeFileAtomic } from './files.ts';
import { writeViewerOverview } from './overview.ts';
import { PAPERS_FILE, papersToJsonl, parsePapersJsonl } from '../update/papers.ts';
import { updateBuild, type UpdateOptions, type UpdateReport } from '../update/index.ts';

export interface BuildOptions extends Partial<PipelineOptions> {
  inputs: string[];
  /** Output directory (created when missing). */
  out: string;
  ingest?: Partial<IngestOptions>;
  /** Above this many nodes the build also writes the viewer's overview (overview.json, overview/); default 20,000. */
  viewerBudget?: number;
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
  files: Array<{ name: OutputFile | typeof PAPERS_FILE; bytes: number }>;
  /** The viewer overview's files (none below the viewer budget). */
  overview?: Array<{ name: string; bytes: number }>;
}

/** Builds the graph of the inputs into `out`. Throws E_INPUT_EMPTY when no input gave a paper (nothing to build). */
export async function buildToDirectory(options: BuildOptions): Promise<BuildSummary> {
  const { inputs, out, ingest: ingestOptions, viewerBudget, ...pipelineOptions } = options;
  const t0 = performance.now();
  const ingested = await ingest(inputs.map(fileSource), ingestOptions ?? {});
  const ingestMs = performance.now() - t0;
  if (ingested.papers.length === 0) {
    const why = ingested.files.filter((f) => f.error).map((f) => f.error!.message);
    throw new PaperKgError(
      'E_INPUT_EMPTY',
      `build: no papers in ${inputs.map((p) => basename(p)).join(', ') || 'the inputs'}${why.length ? ` (${why.join('; ')})` : ''}; expected at least one readable paper record`,
    );
  }
  const ctx = runPipeline(ingested.papers, pipelineOptions);
  // NOTE: outputs are written in chunks as they are made (at 100k papers each is 100–450 MB of text), so export time
  // includes their writing; `write` is the rest (papers.jsonl, the overview).
  const t1 = performance.now();
  const files: BuildSummary['files'] = [];
  for (const name of OUTPUT_FILES) {
    let bytes = 0;
    const counted = function* (chunks: Iterable<string>): Generator<string> {
      for (const c of chunks) {
        bytes += Buffer.byteLength(c);
        yield c;
      }
    };
    await writeFileAtomic(join(out, name), counted(exportFileChunks(ctx, name, inputs.map((p) => basename(p)))));
    files.push({ name, bytes });
  }
  const exportMs = performance.now() - t1;
  // NOTE: the papers as ingested, so `build --update` and `import-themes` can rebuild the same graph later.
  const papersText = papersToJsonl(ctx.papers);
  await writeFileAtomic(join(out, PAPERS_FILE), papersText);
  files.push({ name: PAPERS_FILE, bytes: Buffer.byteLength(papersText) });
  // A fresh build starts a new story: an update report left by an earlier build in the same folder would describe another graph.
  await rm(join(out, UPDATE_REPORT_FILE), { force: true });
  const overview = await writeViewerOverview(out, ctx, inputs.map((p) => basename(p)), { budget: viewerBudget });
  const t3 = performance.now();
  return summarise(ctx, ingested, files, overview, { ingest: ingestMs, ...ctx.timings, export: exportMs, write: t3 - t1 - exportMs });
}

/** The numbers a build or an update reports: counts, themes, messages, time per stage, files written. */
function summarise(
  ctx: ReturnType<typeof runPipeline>,
  ingested: BuildSummary['ingest'],
  files: BuildSummary['files'],
  overview: BuildSummary['overview'],
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
}

export interface UpdateSummary extends BuildSummary {
  report: UpdateReport;
}

/** Reads papers.jsonl of a build directory; a build without one predates updates and must be rebuilt. */
export async function loadBuildPapers(dir: string): Promise<Paper[]> {
  const path = join(dir, PAPERS_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new PaperKgError(
      'E_INPUT_UNREADABLE',
      `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); a build keeps its papers in ${PAPERS_FILE} since updates came in: rebuild it once with "paper-kg build <inputs…> --out ${dir}"`,
      path,
    );
  }
  return parsePapersJsonl(text, path);
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
    throw new PaperKgError('E_FORMAT_MALFORMED', `${join(dir, UPDATE_REPORT_FILE)}: not valid JSON; delete it (only retired theme ids are read from it) and run the update again`);
  }
}

/**
 * Adds the papers of `inputs` to the build in `dir` (see updateBuild): writes every output, papers.jsonl and
 * update-report.json into `out` (default `dir`). Throws E_INPUT_EMPTY when no input gave a paper.
 */
export async function updateDirectory(options: UpdateDirectoryOptions): Promise<UpdateSummary> {
  const { dir, inputs, out = dir, ingest: ingestOptions, update, viewerBudget, ...pipelineOptions } = options;
  const t0 = performance.now();
  const graph = await loadGraphDirectory(dir);
  const previousPapers = await loadBuildPapers(dir);
  const retired = await loadRetired(dir);
  const ingested = await ingest(inputs.map(fileSource), ingestOptions ?? {});
  const ingestMs = performance.now() - t0;
  if (ingested.papers.length === 0) {
    const why = ingested.files.filter((f) => f.error).map((f) => f.error!.message);
    throw new PaperKgError(
      'E_INPUT_EMPTY',
      `build --update: no papers in ${inputs.map((p) => basename(p)).join(', ') || 'the inputs'}${why.length ? ` (${why.join('; ')})` : ''}; expected at least one readable paper record to add`,
    );
  }
  const result = updateBuild({ graph, papers: previousPapers, retired }, ingested.papers, inputs.map((p) => basename(p)), { ...pipelineOptions, update });
  const { ctx } = result;
  const t1 = performance.now();
  const texts = exportAll(ctx, result.inputs);
  const t2 = performance.now();
  const files: BuildSummary['files'] = [];
  for (const name of OUTPUT_FILES) {
    await writeFileAtomic(join(out, name), texts[name]);
    files.push({ name, bytes: Buffer.byteLength(texts[name]) });
  }
  const papersText = papersToJsonl(ctx.papers);
  await writeFileAtomic(join(out, PAPERS_FILE), papersText);
  files.push({ name: PAPERS_FILE, bytes: Buffer.byteLength(papersText) });
  await writeFileAtomic(join(out, UPDATE_REPORT_FILE), JSON.stringify(result.report, null, 2) + '\n');
  // The viewer overview follows the updated graph (or goes, when the graph is back under the budget).
  const overview = await writeViewerOverview(out, ctx, result.inputs, { budget: viewerBudget });
  const t3 = performance.now();
  return {
    ...summarise(ctx, ingested, files, overview, { ingest: ingestMs, ...ctx.timings, export: t2 - t1, write: t3 - t2 }),
    report: result.report,
  };
}

/** Reads and validates `graph.json` of a built directory (what `query` works on). */
export async function loadGraphDirectory(dir: string): Promise<GraphJson> {
  const path = join(dir, 'graph.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new PaperKgError('E_INPUT_UNREADABLE', `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); build it first with "paper-kg build <inputs…> --out ${dir}"`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PaperKgError('E_FORMAT_MALFORMED', `${path}: is not valid JSON (${(e as Error).message}); rebuild it with "paper-kg build"`, path);
  }
  const parsed = GraphJsonSchema.safeParse(json);
  if (!parsed.success) throw new PaperKgError('E_FORMAT_MALFORMED', `${path}: is not a paper-kg graph.json (${formatZodIssues(parsed.error.issues.slice(0, 3))}); rebuild it with "paper-kg build"`, path);
  return parsed.data;
}
