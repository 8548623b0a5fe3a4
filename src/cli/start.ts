// `paper-kg start` (npm start): builds the map of the bundled corpus, builds the viewer if needed, and serves it.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST_DIR } from '../serve/index.ts';
import { ensureViewerBuilt } from '../serve/viewer-build.ts';
import { info } from './shared.ts';
import { parsePort, serveUntilInterrupted } from './serve.ts';

export const BUNDLED_CORPUS = new URL('../../graph/corpus/hf-daily-papers-fewer-tokens.txt', import.meta.url).pathname;
const GRAPH_DIR = fileURLToPath(new URL('../../graph/', import.meta.url));
const BUILD_MODULE = new URL('../io/build.ts', import.meta.url);

type BuildToDirectory = (options: { inputs: string[]; out: string }) => Promise<unknown>;

/** Builds graph/graph.json from the bundled corpus; until the build stage lands, writes a synthetic graph instead and says so. */
async function buildBundledGraph(opts: { quiet?: boolean }): Promise<string> {
  const mod = existsSync(fileURLToPath(BUILD_MODULE)) ? ((await import(BUILD_MODULE.href)) as { buildToDirectory?: BuildToDirectory }) : {};
  if (typeof mod.buildToDirectory === 'function') {
    info(opts, `building the map of ${BUNDLED_CORPUS.split('/').pop()}…`);
    await mod.buildToDirectory({ inputs: [BUNDLED_CORPUS], out: GRAPH_DIR });
    return join(GRAPH_DIR, 'graph.json');
  }
  const { writeSyntheticGraph } = await import('../../scripts/synthetic-graph.ts');
  const out = join(tmpdir(), 'paper-kg-synthetic');
  info(opts, `NOTE: the build stage (src/io/build.ts) is not there yet: serving a SYNTHETIC graph (${out}/graph.json), not the bundled corpus`);
  return writeSyntheticGraph(out, { papers: 120, concepts: 80, edges: 700 });
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('build the map of the bundled corpus and serve the viewer')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8377')
    .option('-q, --quiet', 'print nothing but errors and the URL')
    .action(async (opts: { port: string; quiet?: boolean }) => {
      const port = parsePort(opts.port);
      const graphFile = await buildBundledGraph(opts);
      await ensureViewerBuilt(DIST_DIR, (line) => info(opts, line));
      await serveUntilInterrupted(graphFile, port, opts);
    });
}
