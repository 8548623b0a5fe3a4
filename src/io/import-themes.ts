// File-system edge of `import-themes`: reads a build and a partition file, rewrites every output with the imported themes.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PaperKgError } from '../errors.ts';
import { exportAll, OUTPUT_FILES } from '../export/index.ts';
import { importThemes, parsePartition, type ImportThemesReport } from '../update/import-themes.ts';
import { PAPERS_FILE, papersToJsonl } from '../update/papers.ts';
import { loadBuildPapers, loadGraphDirectory } from './build.ts';
import { writeFileAtomic } from './files.ts';
import { writeViewerOverview } from './overview.ts';

export interface ImportThemesDirectoryOptions {
  /** The build directory (graph.json and papers.jsonl). */
  dir: string;
  /** The partition file (key,community). */
  partition: string;
  /** Where the re-themed build goes; by default `dir` itself. */
  out?: string;
}

export interface ImportThemesSummary {
  report: ImportThemesReport;
  themes: Array<{ id: string; name: string; size: number }>;
  files: string[];
}

/** Rewrites the build's themes from the partition file (see importThemes); every output is rewritten. */
export async function importThemesDirectory(options: ImportThemesDirectoryOptions): Promise<ImportThemesSummary> {
  const { dir, partition, out = dir } = options;
  const graph = await loadGraphDirectory(dir);
  const papers = await loadBuildPapers(dir);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(partition));
  } catch (e) {
    const why = e instanceof TypeError ? 'not UTF-8 text' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    throw new PaperKgError('E_INPUT_UNREADABLE', `${partition}: cannot be read (${why}); expected the key,community CSV that communities.cypher tells how to export`, partition);
  }
  const rows = parsePartition(text, basename(partition));
  const { ctx, report } = importThemes(graph, papers, rows);
  const texts = exportAll(ctx, graph.meta.inputs);
  const files: string[] = [];
  for (const name of OUTPUT_FILES) {
    await writeFileAtomic(join(out, name), texts[name]);
    files.push(name);
  }
  if (out !== dir) {
    await writeFileAtomic(join(out, PAPERS_FILE), papersToJsonl(ctx.papers));
    files.push(PAPERS_FILE);
  }
  for (const f of await writeViewerOverview(out, ctx, graph.meta.inputs)) files.push(f.name);
  return { report, themes: ctx.themes.themes.map((t) => ({ id: t.id, name: t.name, size: t.size })), files };
}
