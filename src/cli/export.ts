// `paper-kg export`: writes a build in another system's import format (Neo4j bulk import + GDS Cypher).
import { Option, type Command } from 'commander';
import { join } from 'node:path';
import { loadGraphDirectory } from '../io/build-dir.ts';
import { writeFileAtomic } from '../io/files.ts';
import { toNeo4j, type CommunityAlgorithm } from '../neo4j/index.ts';
import { info } from './shared.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write a build for another system: Neo4j bulk-import CSVs and a Cypher script for GDS communities')
    .requiredOption('--graph <dir>', 'build directory holding graph.json')
    .addOption(new Option('--format <name>', 'target format').choices(['neo4j']).default('neo4j'))
    .addOption(new Option('--algorithm <name>', 'community detection the Cypher script runs').choices(['leiden', 'louvain']).default('leiden'))
    .requiredOption('-o, --out <dir>', 'folder to write the files into')
    .option('-q, --quiet', 'print nothing but errors')
    .action(async (opts: { graph: string; out: string; algorithm: CommunityAlgorithm; quiet?: boolean }) => {
      const graph = await loadGraphDirectory(opts.graph);
      const files = toNeo4j(graph, opts.algorithm);
      for (const [name, content] of Object.entries(files)) await writeFileAtomic(join(opts.out, name), content);
      info(opts, `wrote ${Object.keys(files).join(', ')} to ${opts.out}`);
      info(
        opts,
        `next: cd ${opts.out} && sh import.sh && cypher-shell -f communities.cypher, export the communities as communities.cypher says, then paper-kg import-themes --graph ${opts.graph} communities.csv`,
      );
    });
}
