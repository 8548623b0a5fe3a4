// `paper-kg extract`: concepts with their evidence and reported results, as JSON or a readable table.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { addInputOptions, readInputs, info, printable, type InputOptions } from './shared.ts';
import { extract, loadVocabulary } from '../extract/index.ts';
import { PaperKgError } from '../errors.ts';
import { cliIo } from './io.ts';

interface ExtractCliOptions extends InputOptions {
  json?: boolean;
  vocabulary?: string[];
}

async function readVocabularyFile(path: string): Promise<{ source: string; data: string }> {
  try {
    return { source: basename(path), data: await readFile(path, 'utf8') };
  } catch (e) {
    throw new PaperKgError(
      'E_VOCABULARY',
      `${basename(path)}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the --vocabulary path`,
      basename(path),
    );
  }
}

export function registerExtract(program: Command): void {
  addInputOptions(
    program
      .command('extract')
      .description('extract concepts (with evidence spans) and reported results from paper listings')
      .argument('<inputs...>', 'listing files')
      .option('--json', 'print a JSON array, one object per paper: {id, title, concepts, results}')
      .option('--vocabulary <file>', 'a vocabulary JSON file merged over the bundled one (repeatable)', (v: string, acc: string[] = []) => [...acc, v]),
  ).action(async (inputs: string[], opts: ExtractCliOptions) => {
    const extras = await Promise.all((opts.vocabulary ?? []).map(readVocabularyFile));
    const vocabulary = loadVocabulary(...extras);
    const { papers } = await readInputs(inputs, opts);
    const result = extract(papers, { vocabulary });
    if (opts.json) {
      cliIo().stdout.write(JSON.stringify(result.papers, null, 2) + '\n');
      return;
    }
    const write = (line: string): unknown => cliIo().stdout.write(printable(line));
    for (const p of result.papers) {
      write(`${p.id}  ${p.title}\n`);
      for (const c of p.concepts) {
        const where = c.spans.map((s) => `${s.field}:${s.start}-${s.end}`).join(' ');
        write(`  ${c.kind.padEnd(9)} ${c.label.padEnd(32)} ${c.source.padEnd(10)} ${where}\n`);
      }
      for (const r of p.results) {
        write(
          `  result    ${String(r.value) + r.unit}${r.delta ? ' (delta)' : ''}  metric=${r.metric ?? '-'}  benchmark=${r.benchmark ?? '-'}  "${r.span.text}"\n`,
        );
      }
      cliIo().stdout.write('\n');
    }
    info(opts, `${result.papers.length} papers, ${result.concepts.length} concepts`);
  });
}
