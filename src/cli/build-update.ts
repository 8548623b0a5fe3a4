// `paper-kg build --update <dir> <inputs…>`: adds papers to a build and says how its themes moved (stderr summary).
import type { Command } from 'commander';
import { updateDirectory } from '../io/build.ts';
import { info, ingestOptionsFromCli, parseNumberOption, printIngestMessages, type InputOptions } from './shared.ts';
import type { ThemeMatchReport } from '../update/index.ts';
import { setExitCode } from './io.ts';

interface UpdateCliOptions extends InputOptions {
  out?: string;
  resolution?: string;
  seed: string;
  viewerBudget: string;
  force?: boolean;
}

/** One line per kind of change, for people. */
export function describeThemeChanges(r: ThemeMatchReport): string[] {
  const name = new Map(r.themes.map((t) => [t.id, t.name]));
  const sized = new Map(r.themes.map((t) => [t.id, t]));
  const lines: string[] = [];
  for (const id of r.grew) {
    const t = sized.get(id)!;
    lines.push(`grew     ${id} ${t.previousSize} → ${t.size} papers (${t.newPapers} new): ${t.name}`);
  }
  for (const id of r.shrank) {
    const t = sized.get(id)!;
    lines.push(`shrank   ${id} ${t.previousSize} → ${t.size} papers: ${t.name}`);
  }
  for (const s of r.split) lines.push(`split    ${s.id} into ${s.into.map((i) => `${i} (${name.get(i)})`).join(', ')}`);
  for (const m of r.merged) lines.push(`merged   ${m.from.join(' + ')} into ${m.id}: ${name.get(m.id)}`);
  for (const id of r.appeared) {
    const t = sized.get(id)!;
    lines.push(`appeared ${id} ${t.size} papers (${t.newPapers} new): ${t.name}`);
  }
  for (const g of r.gone) lines.push(`gone     ${g.id} (${g.name})${g.into.length ? `: its papers went to ${g.into.join(', ')}` : ''}`);
  return lines;
}

/** The action of `build --update`; `--seed` and `--resolution` default to the previous build's. */
export async function runBuildUpdate(dir: string, inputs: string[], opts: UpdateCliOptions, cmd: Command): Promise<void> {
  const given = (option: string): boolean => cmd.getOptionValueSource(option) === 'cli';
  const out = opts.out ?? dir;
  const summary = await updateDirectory({
    dir,
    inputs,
    out,
    ...(given('seed') ? { seed: parseNumberOption('seed', opts.seed, true) } : {}),
    ...(given('resolution') && opts.resolution !== undefined ? { resolution: parseNumberOption('resolution', opts.resolution, false) } : {}),
    viewerBudget: parseNumberOption('viewer-budget', opts.viewerBudget, true),
    ingest: ingestOptionsFromCli(opts),
    force: opts.force,
  });
  printIngestMessages(summary.ingest.messages, opts);
  if (!summary.ingest.ok) setExitCode(1);
  const r = summary.report;
  info(
    opts,
    `${r.papers.before} papers + ${r.papers.added} new (${r.papers.alreadyIn} already in the build) = ${r.papers.after} papers, ${summary.concepts} concepts, ${summary.edges} links`,
  );
  info(opts, `${summary.themes.length} themes, modularity ${summary.modularity.toFixed(3)}:`);
  for (const t of summary.themes) info(opts, `  ${t.id.padEnd(5)} ${String(t.size).padStart(4)}  ${t.name}`);
  const changes = describeThemeChanges(r.themes);
  info(opts, changes.length ? 'changes:' : 'changes: none (every theme kept its papers)');
  for (const line of changes) info(opts, `  ${line}`);
  info(
    opts,
    `layout: ${r.layout.oldNodes} nodes kept their place (median move ${r.layout.medianMove} on a map ${r.layout.extent} wide), ${r.layout.newNodes} placed beside their neighbours`,
  );
  info(opts, `wrote ${summary.files.map((f) => f.name).join(', ')} to ${out}`);
}
