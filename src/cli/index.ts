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

export function createProgram(): Command {
  const program = new Command('paper-kg')
    .description('Build an explorable knowledge graph of research papers from the listings you have.')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
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

export async function main(argv: string[]): Promise<void> {
  const program = createProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not failures; usage errors were already printed by commander.
      if (err.code !== 'commander.helpDisplayed' && err.code !== 'commander.version' && err.code !== 'commander.help') process.exitCode = err.exitCode || 1;
      return;
    }
    if (err instanceof PaperKgError) {
      process.stderr.write(`paper-kg: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}
