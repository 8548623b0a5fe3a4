// File-system edge of the viewer's own files: above the node budget a build also writes overview.json and
// overview/<theme>.json; at or below it, first-frame.json (the map drawn before graph.json has arrived).
// NOTE: nothing is removed here: an overview of an earlier, bigger build is in that build's manifest, and the build
// writer removes the files of the old manifest the new build does not write (src/io/build-dir.ts).
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { toGraphJsonDocument } from '../export/graph-json.ts';
import { toFirstFrame } from '../export/first-frame.ts';
import { needsOverview, toViewerOverview, resolveViewerOverviewOptions, type ViewerOverviewOptions } from '../export/overview.ts';
import { FIRST_FRAME_FILE } from '../model/first-frame-json.ts';
import { OVERVIEW_FILE, OVERVIEW_INDEX_FILE, OverviewJsonSchema } from '../model/overview-json.ts';
import type { PipelineContext } from '../pipeline.ts';
import type { BuildWriter } from './build-dir.ts';

/** Writes the overview of a run through the build's writer when the graph is over the budget; returns the files with their sizes. */
export async function writeViewerOverview(
  writer: BuildWriter,
  ctx: PipelineContext,
  inputs: string[],
  partial: Partial<ViewerOverviewOptions> = {},
): Promise<Array<{ name: string; bytes: number }>> {
  const options = resolveViewerOverviewOptions(partial);
  if (!needsOverview(ctx.graph.order, options.budget)) return [];
  const { overview, themes, index } = toViewerOverview(toGraphJsonDocument(ctx, inputs), options);
  // NOTE: the theme documents are slices of graph.json's validated nodes and edges; only the new overview shape is checked here.
  const checked = OverviewJsonSchema.safeParse(overview);
  if (!checked.success)
    throw new PaperKgError(
      'E_GRAPH',
      `${OVERVIEW_FILE}: the overview does not match its schema (${formatZodIssues(checked.error.issues.slice(0, 5))}); this is a bug in paper-kg`,
    );
  const files: Array<{ name: string; bytes: number }> = [];
  for (const t of themes) files.push({ name: t.file, bytes: await writer.write(t.file, JSON.stringify(t.doc) + '\n') });
  files.push({ name: OVERVIEW_INDEX_FILE, bytes: await writer.write(OVERVIEW_INDEX_FILE, JSON.stringify(index) + '\n') });
  // Written last: a viewer that finds overview.json finds every file it names.
  files.push({ name: OVERVIEW_FILE, bytes: await writer.write(OVERVIEW_FILE, JSON.stringify(overview) + '\n') });
  return files;
}

/** Writes first-frame.json of a run (for a build the viewer opens whole, i.e. without an overview); returns its size. */
export async function writeViewerFirstFrame(writer: BuildWriter, ctx: PipelineContext, inputs: string[]): Promise<number> {
  return writer.write(FIRST_FRAME_FILE, JSON.stringify(toFirstFrame(toGraphJsonDocument(ctx, inputs))) + '\n');
}
