// `paper-kg build`. NOTE: placeholder until its issue lands.
import type { Command } from 'commander';
import { fail } from './shared.ts';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('build (not implemented yet)')
    .allowUnknownOption()
    .action(() => fail('"build" is not implemented yet', 2));
}
