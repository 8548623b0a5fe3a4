// `paper-kg fetch`. NOTE: placeholder until its issue lands.
import type { Command } from 'commander';
import { fail } from './shared.ts';

export function registerFetch(program: Command): void {
  program
    .command('fetch')
    .description('fetch (not implemented yet)')
    .allowUnknownOption()
    .action(() => fail('"fetch" is not implemented yet', 2));
}
