// `paper-kg extract`. NOTE: placeholder until its issue lands.
import type { Command } from 'commander';
import { fail } from './shared.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract (not implemented yet)')
    .allowUnknownOption()
    .action(() => fail('"extract" is not implemented yet', 2));
}
