// File-system edge of the viewer overview: above the node budget a build also writes overview.json and overview/<theme>.json;
// below it, an overview left by an earlier, bigger build is removed so the viewer never opens a stale one.
import { readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { toGraphJsonDocument } from '../export/graph-json.ts';
import { needsOverview, toViewerOverview, resolveViewerOverviewOptions, type ViewerOverviewOptions } from '../export/overview.ts';
import { OVERVIEW_DIR, OVERVIEW_FILE, OVERVIEW_INDEX_FILE, OverviewJsonSchema, THEME_FILE_PATTERN } from '../model/overview-json.ts';
import type { PipelineContext } from '../pipeline.ts';
import { writeFileAtomic } from './files.ts';

/** Removes overview.json and the theme files this module writes (nothing else in overview/). */
async function removeOverview(out: string): Promise<void> {
  await rm(join(out, OVERVIEW_FILE), { force: true });
  const dir = join(out, OVERVIEW_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) if (THEME_FILE_PATTERN.test(name)) await rm(join(dir, name), { force: true });
  await rmdir(dir).catch(() => undefined);
}

/** Writes (or removes) the overview of a run; returns the files written with their sizes. */
export async function writeViewerOverview(
  out: string,
  ctx: PipelineContext,
  inputs: string[],
  partial: Partial<ViewerOverviewOptions> = {},
): Promise<Array<{ name: string; bytes: number }>> {
  const options = resolveViewerOverviewOptions(partial);
  await removeOverview(out);
  if (!needsOverview(ctx.graph.order, options.budget)) return [];
  const { overview, themes, index } = toViewerOverview(toGraphJsonDocument(ctx, inputs), options);
  // NOTE: the theme documents are slices of graph.json's validated nodes and edges; only the new overview shape is checked here.
  const checked = OverviewJsonSchema.safeParse(overview);
  if (!checked.success) throw new PaperKgError('E_GRAPH', `${OVERVIEW_FILE}: the overview does not match its schema (${formatZodIssues(checked.error.issues.slice(0, 5))}); this is a bug in paper-kg`);
  const files: Array<{ name: string; bytes: number }> = [];
  for (const t of themes) {
    const text = JSON.stringify(t.doc) + '\n';
    await writeFileAtomic(join(out, t.file), text);
    files.push({ name: t.file, bytes: Buffer.byteLength(text) });
  }
  const indexText = JSON.stringify(index) + '\n';
  await writeFileAtomic(join(out, OVERVIEW_INDEX_FILE), indexText);
  files.push({ name: OVERVIEW_INDEX_FILE, bytes: Buffer.byteLength(indexText) });
  // Written last: a viewer that finds overview.json finds every file it names.
  const text = JSON.stringify(overview) + '\n';
  await writeFileAtomic(join(out, OVERVIEW_FILE), text);
  files.push({ name: OVERVIEW_FILE, bytes: Buffer.byteLength(text) });
  return files;
}
