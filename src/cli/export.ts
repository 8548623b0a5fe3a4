// `paper-kg export`. NOTE: placeholder until its issue lands.
import type { Command } from 'commander';
import { fail } from './shared.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export (not implemented yet)')
    .allowUnknownOption()
    .action(() => fail('"export" is not implemented yet', 2));
}
