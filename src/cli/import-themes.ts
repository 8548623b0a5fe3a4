// `paper-kg import-themes --graph <dir> <communities.csv>`: themes from a partition computed elsewhere (Neo4j GDS).
import type { Command } from 'commander';
import { importThemesDirectory } from '../io/import-themes.ts';
import { info } from './shared.ts';
import { cliIo } from './io.ts';

const list = (xs: string[], n = 5): string => xs.slice(0, n).join(', ') + (xs.length > n ? `, … (${xs.length - n} more)` : '');

export function registerImportThemes(program: Command): void {
  program
    .command('import-themes')
    .description('rewrite a build\'s themes from a key,community CSV (e.g. Neo4j GDS Louvain/Leiden, see communities.cypher of "paper-kg export")')
    .argument('<partition>', 'CSV with a header naming "key" and "community" (plain CSV or cypher-shell --format plain)')
    .requiredOption('--graph <dir>', 'build directory (graph.json and papers.jsonl)')
    .option('-o, --out <dir>', 'write the re-themed build here instead of over --graph')
    .option('--force', 'write into an --out that is not empty and not a paper-kg build (its files are kept)')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (partition: string, opts: { graph: string; out?: string; quiet?: boolean; force?: boolean }) => {
      const { report: r, themes, files } = await importThemesDirectory({ dir: opts.graph, partition, out: opts.out, force: opts.force });
      info(
        opts,
        `${r.rows} rows: ${r.papers} papers in ${r.communities} communities${r.conceptRows ? `, ${r.conceptRows} concept rows left out (a concept's theme follows its papers)` : ''}`,
      );
      // NOTE: problems are warnings, not failures: the build is still complete (the papers go to "other"), but never silent.
      if (r.unknownKeys.length)
        cliIo().stderr.write(
          `warning: ${r.unknownKeys.length} key(s) are no node of the build, ignored: ${list(r.unknownKeys.map((u) => `${u.key} (line ${u.line})`))}\n`,
        );
      if (r.missingPapers.length)
        cliIo().stderr.write(`warning: ${r.missingPapers.length} paper(s) of the build are not in the partition, put in "other": ${list(r.missingPapers)}\n`);
      info(opts, `${themes.length} themes, modularity ${r.modularity.toFixed(3)} (on paper-kg's themes graph):`);
      for (const t of themes) info(opts, `  ${t.id.padEnd(5)} ${String(t.size).padStart(4)}  ${t.name}`);
      info(opts, `wrote ${files.join(', ')} to ${opts.out ?? opts.graph}`);
    });
}
