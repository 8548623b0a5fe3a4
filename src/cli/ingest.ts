// `paper-kg ingest`: reads listings and writes the merged papers as JSON Lines.
import type { Command } from 'commander';
import { addInputOptions, readInputs, type InputOptions } from './shared.ts';
import { writeFileAtomic } from '../io/files.ts';
import { cliIo } from './io.ts';

export function registerIngest(program: Command): void {
  addInputOptions(
    program
      .command('ingest')
      .description('read paper listings (any supported format), merge duplicates, print JSON Lines')
      .argument('<inputs...>', 'listing files')
      .option('-o, --out <file>', 'write the JSON Lines here instead of stdout'),
  ).action(async (inputs: string[], opts: InputOptions & { out?: string }) => {
    const { papers } = await readInputs(inputs, opts);
    const jsonl = papers.map((p) => JSON.stringify(p)).join('\n') + (papers.length ? '\n' : '');
    if (opts.out) await writeFileAtomic(opts.out, jsonl);
    else cliIo().stdout.write(jsonl);
  });
}
