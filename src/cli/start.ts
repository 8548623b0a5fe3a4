// `paper-kg start` (npm start): builds the map of the bundled corpus, builds the viewer if needed, and serves it.
import type { Command } from 'commander';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildToDirectory } from '../io/build.ts';
import { DIST_DIR } from '../serve/index.ts';
import { ensureViewerBuilt } from '../serve/viewer-build.ts';
import { info } from './shared.ts';
import { parsePort, serveUntilInterrupted } from './serve.ts';
import { cliIo } from './io.ts';

export const BUNDLED_CORPUS = new URL('../../graph/corpus/hf-daily-papers-fewer-tokens.txt', import.meta.url).pathname;
export const BUNDLED_GRAPH_DIR = fileURLToPath(new URL('../../graph/', import.meta.url));

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('build the map of the bundled corpus and serve the viewer')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8377')
    .option('-q, --quiet', 'print nothing but errors and the URL')
    .action(async (opts: { port: string; quiet?: boolean }) => {
      const port = parsePort(opts.port);
      info(opts, `building the map of ${BUNDLED_CORPUS.split('/').pop()}…`);
      const summary = await buildToDirectory({ inputs: [BUNDLED_CORPUS], out: BUNDLED_GRAPH_DIR });
      for (const m of summary.messages) {
        if (m.level === 'warning') cliIo().stderr.write(`warning: ${m.stage}: ${m.message}\n`);
        else info(opts, `${m.stage}: ${m.message}`);
      }
      info(
        opts,
        `${summary.papers} papers, ${summary.concepts} concepts, ${summary.edges} edges, ${summary.themes.length} themes ` +
          `(modularity ${summary.modularity.toFixed(3)}) → ${join(BUNDLED_GRAPH_DIR, 'graph.json')}`,
      );
      await ensureViewerBuilt(DIST_DIR, (line) => info(opts, line));
      await serveUntilInterrupted(join(BUNDLED_GRAPH_DIR, 'graph.json'), port, opts);
    });
}
