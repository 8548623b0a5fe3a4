// `paper-kg serve --graph <dir> [--port N]`: serves the viewer for one build on 127.0.0.1 and prints its URL.
import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { PaperKgError } from '../errors.ts';
import { DIST_DIR, resolveGraphFile, startServer, type RunningServer } from '../serve/index.ts';
import { ensureViewerBuilt } from '../serve/viewer-build.ts';
import { info, type CommonOptions } from './shared.ts';
import { cliIo } from './io.ts';

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PaperKgError('E_OPTIONS', `--port: expected an integer from 0 to 65535, got "${value}"`);
  return port;
}

/** Serves until Ctrl+C; the URL goes to stdout (it is the command's output), everything else to stderr. */
export async function serveUntilInterrupted(graphFile: string, port: number, opts: CommonOptions, distDir = DIST_DIR): Promise<RunningServer> {
  // NOTE: right after `npm install` there is no dist/ yet: the first serve builds it (a few seconds), later ones reuse it.
  await ensureViewerBuilt(distDir, (line) => info(opts, line));
  const server = await startServer({ graphFile, distDir, port });
  info(opts, `serving ${graphFile} (Ctrl+C to stop)`);
  cliIo().stdout.write(`${server.url}\n`);
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    void server.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return server;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the viewer for a build on 127.0.0.1 and print its URL')
    .requiredOption('--graph <dir>', 'output directory of "paper-kg build" (holding graph.json), or a graph.json file')
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8377')
    .option('-q, --quiet', 'print nothing but errors and the URL')
    .addOption(new Option('--viewer-dir <dir>', 'where the built viewer lives (tests)').hideHelp())
    .action(async (opts: { graph: string; port: string; quiet?: boolean; viewerDir?: string }) => {
      const port = parsePort(opts.port);
      const graphFile = await resolveGraphFile(opts.graph);
      await serveUntilInterrupted(graphFile, port, opts, opts.viewerDir ? resolve(opts.viewerDir) : DIST_DIR);
    });
}
