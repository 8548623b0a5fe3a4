// Incremental updates: a previous build plus new papers gives the new build, with themes and the map kept where they were.
import type { Paper } from '../model/paper.ts';
import type { GraphJson, Theme } from '../model/graph-json.ts';
import { mergePapers } from '../ingest/merge.ts';
import { runPipeline, type PipelineContext, type PipelineOptions } from '../pipeline.ts';
import { resolveLayoutOptions } from '../layout/index.ts';
import type { ThemesResult } from '../themes/index.ts';
import { resolveUpdateOptions, type UpdateOptions } from './options.ts';
import { matchThemes, OTHER_ID, type ThemeMatchReport, type ThemeSnapshot } from './match.ts';
import { incrementalLayout, type IncrementalLayoutReport } from './layout.ts';

/** What an update needs of the previous build: its graph.json, its papers, and the ids earlier updates retired. */
export interface PreviousBuild {
  graph: GraphJson;
  papers: Paper[];
  retired?: string[];
}

/** update-report.json: what the update added and how the themes moved. */
export interface UpdateReport {
  version: 1;
  /** Input files of the previous build, and the ones this update added (base names). */
  previousInputs: string[];
  addedInputs: string[];
  papers: { before: number; added: number; alreadyIn: number; after: number };
  themes: ThemeMatchReport;
  layout: IncrementalLayoutReport;
}

export interface UpdateResult {
  ctx: PipelineContext;
  /** Input base names of the updated build (graph.json meta.inputs). */
  inputs: string[];
  report: UpdateReport;
}

export type UpdateBuildOptions = Partial<PipelineOptions> & { update?: Partial<UpdateOptions> };

/** The themes of a built graph with their papers (node keys), in the graph's theme order. */
export function themeSnapshots(graph: GraphJson): ThemeSnapshot[] {
  const papers = new Map<string, string[]>(graph.themes.map((t) => [t.id, []]));
  for (const n of graph.graph.nodes) {
    if (n.attributes.kind !== 'paper') continue;
    const list = papers.get(n.attributes.theme);
    if (list) list.push(n.key);
    else papers.set(n.attributes.theme, [n.key]);
  }
  return graph.themes.map((t) => ({ id: t.id, name: t.name, color: t.color, papers: papers.get(t.id)! }));
}

/**
 * Re-runs the pipeline on `papers` with the previous build's seed and resolution (unless given), without its layout
 * (the caller places the nodes).
 */
export function rerunWithoutLayout(previous: GraphJson, papers: Paper[], options: Partial<PipelineOptions>): PipelineContext {
  const { layout: _layout, ...rest } = options;
  return runPipeline(papers, {
    seed: previous.meta.seed,
    resolution: previous.meta.resolution,
    ...rest,
    layout: { ...(options.layout ?? {}), iterations: 0, noverlapIterations: 0 },
  });
}

/** Renames the themes stage's ids, names and colours (on themes, maps and nodes); themes ordered by id, "other" last. */
export function renameThemes(
  kg: PipelineContext['graph'],
  result: ThemesResult,
  assign: ReadonlyMap<string, { id: string; name: string; color: string }>,
): ThemesResult {
  const rename = (id: string): string => assign.get(id)?.id ?? id;
  const themes: Theme[] = result.themes.map((t) => {
    const a = assign.get(t.id);
    return a ? { ...t, id: a.id, name: a.name, color: a.color } : t;
  });
  const num = (id: string): number => (id === OTHER_ID ? Infinity : Number(id.slice(1)) || 0);
  themes.sort((a, b) => num(a.id) - num(b.id) || (a.id < b.id ? -1 : 1));
  const colorOf = new Map(themes.map((t) => [t.id, t.color]));
  const paperTheme = new Map([...result.paperTheme].map(([k, id]) => [k, rename(id)]));
  const conceptTheme = new Map([...result.conceptTheme].map(([k, id]) => [k, rename(id)]));
  kg.updateEachNodeAttributes((_key, attr) => {
    const theme = rename(attr.theme);
    return { ...attr, theme, color: colorOf.get(theme) ?? attr.color };
  });
  return { ...result, themes, paperTheme, conceptTheme };
}

/**
 * Adds papers to a previous build: the previous papers and the added ones are merged (a paper already in the build is
 * merged into it, not added twice), the pipeline re-runs, themes are matched to the previous ones (matchThemes), and the
 * layout starts from the previous positions (incrementalLayout). Deterministic: same build, same papers, same bytes.
 */
export function updateBuild(previous: PreviousBuild, added: Paper[], addedInputs: string[], options: UpdateBuildOptions = {}): UpdateResult {
  const { update: updatePartial, ...pipelineOptions } = options;
  const update = resolveUpdateOptions(updatePartial);
  // NOTE: merging mutates its records; the caller's papers stay as they were.
  const { papers } = mergePapers([...previous.papers, ...added].map((p) => structuredClone(p)));
  const ctx = rerunWithoutLayout(previous.graph, papers, pipelineOptions);

  const current: ThemeSnapshot[] = ctx.themes.themes.map((t) => ({ id: t.id, name: t.name, color: t.color, papers: [] as string[] }));
  const byId = new Map(current.map((t) => [t.id, t.papers as string[]]));
  for (const [key, id] of ctx.themes.paperTheme) byId.get(id)!.push(key);
  const match = matchThemes(themeSnapshots(previous.graph), current, previous.retired ?? [], update);
  ctx.themes = renameThemes(ctx.graph, ctx.themes, match.assign);

  const positions = new Map<string, [number, number]>();
  const themeOf = new Map<string, string>();
  for (const n of previous.graph.graph.nodes) {
    positions.set(n.key, [n.attributes.x, n.attributes.y]);
    themeOf.set(n.key, n.attributes.theme);
  }
  const layout = incrementalLayout(ctx.graph, ctx.themes.themes, positions, ctx.rng, resolveLayoutOptions(pipelineOptions.layout ?? {}), update, themeOf);
  ctx.layout = {
    iterations: layout.placeIterations + layout.polishIterations,
    barnesHut: ctx.graph.order > resolveLayoutOptions(pipelineOptions.layout ?? {}).barnesHutAbove,
    overlapRemoved: layout.overlapRemoved,
  };

  const previousKeys = new Set(previous.papers.map((p) => p.id));
  const addedCount = papers.filter((p) => !previousKeys.has(p.id)).length;
  const inputs = [...previous.graph.meta.inputs];
  for (const name of addedInputs) if (!inputs.includes(name)) inputs.push(name);
  return {
    ctx,
    inputs,
    report: {
      version: 1,
      previousInputs: previous.graph.meta.inputs,
      addedInputs,
      papers: { before: previous.papers.length, added: addedCount, alreadyIn: added.length - addedCount, after: papers.length },
      themes: match.report,
      layout,
    },
  };
}
