// `paper-kg serve`. NOTE: placeholder until its issue lands.
import type { Command } from 'commander';
import { fail } from './shared.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve (not implemented yet)')
    .allowUnknownOption()
    .action(() => fail('"serve" is not implemented yet', 2));
}
