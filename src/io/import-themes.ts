// File-system edge of `import-themes`: reads a build and a partition file, rewrites every output with the imported themes.
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { PaperKgError } from '../errors.ts';
import { importThemes, parsePartition, type ImportThemesReport } from '../update/import-themes.ts';
import { buildCounts, writeOutputs, UPDATE_REPORT_FILE } from './build.ts';
import { BuildWriter, loadBuildForRewrite, writeBuild } from './build-dir.ts';

export interface ImportThemesDirectoryOptions {
  /** The build directory (graph.json and papers.jsonl). */
  dir: string;
  /** The partition file (key,community). */
  partition: string;
  /** Where the re-themed build goes; by default `dir` itself. */
  out?: string;
  /** When `out` is another directory: write into it even when it is not empty and not a paper-kg build. */
  force?: boolean;
}

export interface ImportThemesSummary {
  report: ImportThemesReport;
  themes: Array<{ id: string; name: string; size: number }>;
  files: string[];
}

/** Rewrites the build's themes from the partition file (see importThemes); every output is rewritten. */
export async function importThemesDirectory(options: ImportThemesDirectoryOptions): Promise<ImportThemesSummary> {
  const { dir, partition, out = dir, force } = options;
  const { graph, papers } = await loadBuildForRewrite(dir);
  const writer = await BuildWriter.open(out, { force: force || resolve(out) === resolve(dir), command: 'import-themes' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(partition));
  } catch (e) {
    const why = e instanceof TypeError ? 'not UTF-8 text' : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    throw new PaperKgError(
      'E_INPUT_UNREADABLE',
      `${partition}: cannot be read (${why}); expected the key,community CSV that communities.cypher tells how to export`,
      partition,
    );
  }
  const rows = parsePartition(text, basename(partition));
  const { ctx, report } = importThemes(graph, papers, rows);
  // NOTE: every file of a build is rewritten, papers.jsonl too (the same papers), so the new manifest lists a whole build;
  // an update report is carried over (later updates read the theme ids it retired).
  const report0 = await readFile(join(dir, UPDATE_REPORT_FILE), 'utf8').catch(() => undefined);
  const extra: Record<string, string> = report0 === undefined ? {} : { [UPDATE_REPORT_FILE]: report0 };
  const { value } = await writeBuild(writer, async (w) => ({ counts: buildCounts(ctx), value: await writeOutputs(w, ctx, graph.meta.inputs, { extra }) }));
  return {
    report,
    themes: ctx.themes.themes.map((t) => ({ id: t.id, name: t.name, size: t.size })),
    files: [...value.files, ...value.overview].map((f) => f.name),
  };
}
