// The paper-kg command line: a thin shell over the library, one file per command.
import { Command, CommanderError } from 'commander';
import { PaperKgError } from '../errors.ts';
import { registerIngest } from './ingest.ts';
import { registerExtract } from './extract.ts';
import { registerBuild } from './build.ts';
import { registerQuery } from './query.ts';
import { registerServe } from './serve.ts';
import { registerStart } from './start.ts';
import { registerFetch } from './fetch.ts';
import { registerExport } from './export.ts';
import { registerImportThemes } from './import-themes.ts';
import { cliIo, withCliIo, type CliStream } from './io.ts';

export function createProgram(): Command {
  const program = new Command('paper-kg')
    .description('Build an explorable knowledge graph of research papers from the listings you have.')
    .showHelpAfterError('(run with --help for usage)')
    // NOTE: looked up per write, so help and usage errors go to the streams of the run in progress.
    .configureOutput({ writeOut: (s) => cliIo().stdout.write(s), writeErr: (s) => cliIo().stderr.write(s) })
    // NOTE: set before the commands are added, which inherit it: `paper-kg ingest --help` must not call process.exit.
    .exitOverride();
  registerIngest(program);
  registerExtract(program);
  registerBuild(program);
  registerQuery(program);
  registerServe(program);
  registerStart(program);
  registerFetch(program);
  registerExport(program);
  registerImportThemes(program);
  return program;
}

export interface RunOptions {
  stdout: CliStream;
  stderr: CliStream;
  /** Working directory of the run (relative paths are read from it); the process's by default. */
  cwd?: string;
  /** Environment the commands read; the process's by default. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Runs the CLI on `argv` (without "node paper-kg", e.g. ['build', 'x.txt', '--out', 'g']) writing to the given streams,
 * and resolves to its exit code. Tests call it in-process; bin/paper-kg.js calls it with the process's streams.
 * NOTE: a `cwd` other than the process's changes the process's directory for the run: runs with different cwds must
 * not overlap.
 */
export async function run(argv: readonly string[], options: RunOptions): Promise<number> {
  const io = { stdout: options.stdout, stderr: options.stderr, env: options.env ?? process.env, exitCode: 0 };
  const before = process.cwd();
  if (options.cwd && options.cwd !== before) process.chdir(options.cwd);
  try {
    await withCliIo(io, () => parse(['node', 'paper-kg', ...argv]));
  } finally {
    if (process.cwd() !== before) process.chdir(before);
  }
  return io.exitCode;
}

/** The process's entry: `argv` as in process.argv; sets process.exitCode. */
export async function main(argv: string[]): Promise<void> {
  const code = await run(argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
  if (code) process.exitCode = code;
}

async function parse(argv: string[]): Promise<void> {
  const io = cliIo();
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not failures; usage errors were already printed by commander.
      if (err.code !== 'commander.helpDisplayed' && err.code !== 'commander.version' && err.code !== 'commander.help') io.exitCode = err.exitCode || 1;
      return;
    }
    if (err instanceof PaperKgError) {
      io.stderr.write(`paper-kg: ${err.message}\n`);
      io.exitCode = 1;
      return;
    }
    throw err;
  }
}
