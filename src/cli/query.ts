// `paper-kg query`. NOTE: placeholder until its issue lands.
import type { Command } from 'commander';
import { fail } from './shared.ts';

export function registerQuery(program: Command): void {
  program
    .command('query')
    .description('query (not implemented yet)')
    .allowUnknownOption()
    .action(() => fail('"query" is not implemented yet', 2));
}
