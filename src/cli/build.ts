// `paper-kg build`: ingest → extract → graph → themes → layout → exports, with a one-screen summary on stderr.
import type { Command } from 'commander';
import { buildToDirectory } from '../io/build.ts';
import { addInputOptions, info, ingestOptionsFromCli, parseNumberOption, printIngestMessages, type InputOptions } from './shared.ts';
import { PaperKgError } from '../errors.ts';
import { createCliProgress } from './progress.ts';
import { runBuildUpdate } from './build-update.ts';
import { setExitCode } from './io.ts';

interface BuildCliOptions extends InputOptions {
  out?: string;
  update?: string;
  resolution?: string;
  seed: string;
  viewerBudget: string;
  force?: boolean;
}

const ms = (x: number | undefined): string => (x === undefined ? '-' : x < 1000 ? `${Math.round(x)} ms` : `${(x / 1000).toFixed(2)} s`);

export function registerBuild(program: Command): void {
  const cmd = program
    .command('build')
    .description('build the knowledge graph of the inputs: graph.json (viewer), graph.gexf, graph.graphml, nodes.csv, edges.csv')
    .argument('<inputs...>', 'paper listings (any supported format)')
    .option('-o, --out <dir>', 'output directory (required unless --update)')
    .option(
      '--update <dir>',
      'add the inputs to the build in <dir>: themes keep their ids, names and colours, nodes stay near where they were; writes update-report.json',
    )
    .option(
      '--resolution <r>',
      'Louvain resolution: higher gives more, smaller themes (default: chosen from the data: 1 unless another is clearly more stable across seeded runs)',
    )
    .option('--seed <n>', 'random seed (same inputs and seed give byte-identical outputs)', '42')
    .option('--force', 'write into an --out that is not empty and not a paper-kg build (its files are kept; same names are replaced)')
    .option('--viewer-budget <n>', 'above this many nodes, also write overview.json + overview/ (the viewer opens on themes and drills into one)', '20000');
  addInputOptions(cmd).action(async (inputs: string[], opts: BuildCliOptions) => {
    if (opts.update !== undefined) return runBuildUpdate(opts.update, inputs, opts, cmd);
    if (opts.out === undefined)
      throw new PaperKgError('E_OPTIONS', 'build: expected --out <dir> (where the build goes), or --update <dir> to add the inputs to an existing build');
    const out = opts.out;
    const summary = await buildToDirectory({
      inputs,
      out,
      ...(opts.resolution !== undefined ? { resolution: parseNumberOption('resolution', opts.resolution, false) } : {}),
      seed: parseNumberOption('seed', opts.seed, true),
      progress: createCliProgress(opts),
      viewerBudget: parseNumberOption('viewer-budget', opts.viewerBudget, true),
      ingest: ingestOptionsFromCli(opts),
      force: opts.force,
    });
    printIngestMessages(summary.ingest.messages, opts);
    if (!summary.ingest.ok) setExitCode(1);
    const kinds = Object.entries(summary.conceptsByKind)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ');
    info(opts, `${summary.papers} papers, ${summary.concepts} concepts (${kinds}), ${summary.edges} paper–concept links`);
    info(
      opts,
      `${summary.themes.length} themes, modularity ${summary.modularity.toFixed(3)}, resolution ${summary.resolution}${opts.resolution === undefined ? ' (chosen from the data: 1 unless another is clearly more stable across seeded runs)' : ''}:`,
    );
    for (const t of summary.themes) info(opts, `  ${t.id.padEnd(5)} ${String(t.size).padStart(4)}  ${t.name}`);
    for (const m of summary.messages) info(opts, `note: ${m.message}`);
    info(
      opts,
      `time: ${Object.entries(summary.timings)
        .map(([s, t]) => `${s} ${ms(t)}`)
        .join(', ')}`,
    );
    info(opts, `wrote ${summary.files.map((f) => `${f.name} (${(f.bytes / 1024).toFixed(0)} KiB)`).join(', ')} to ${out}`);
    if (summary.overview?.length)
      info(
        opts,
        `above the viewer budget (${summary.papers + summary.concepts} nodes): the viewer opens on overview.json, with ${summary.overview.length - 1} theme files in overview/`,
      );
  });
}
