// `paper-kg start` (npm start): the main job on the bundled corpus. For now it ingests and prints the summary.
import type { Command } from 'commander';
import { readInputs } from './shared.ts';

export const BUNDLED_CORPUS = new URL('../../graph/corpus/hf-daily-papers-fewer-tokens.txt', import.meta.url).pathname;

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('build the map of the bundled corpus and serve the viewer')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (opts: { quiet?: boolean }) => {
      await readInputs([BUNDLED_CORPUS], opts);
    });
}
