// A child process for the fault-injection test: writes one of two deterministic builds through the build writer, in
// many small chunks (so a kill lands anywhere in the writing), then commits.
// Usage: node --import tsx test/io/fault-child.ts <out> <a|b>
import { setImmediate as tick } from 'node:timers/promises';
import { BuildWriter, writeBuild } from '../../src/io/build-dir.ts';

/** The files of build `variant`: b has one more file (in overview/), a has one b lacks, both share names with other bytes. */
export function faultBuildFiles(variant: 'a' | 'b'): Array<{ path: string; chunks: number }> {
  const common = ['graph.json', 'graph.gexf', 'graph.graphml', 'nodes.csv', 'edges.csv', 'papers.jsonl'].map((path) => ({ path, chunks: 40 }));
  return variant === 'a'
    ? [...common, { path: 'update-report.json', chunks: 2 }]
    : [...common, { path: 'overview/t1.json', chunks: 10 }, { path: 'overview.json', chunks: 2 }];
}

async function* chunks(variant: string, path: string, n: number): AsyncGenerator<string> {
  for (let i = 0; i < n; i++) {
    yield `${variant}:${path}:${i}:`.padEnd(16 * 1024, variant) + '\n';
    await tick();
  }
}

export async function writeFaultBuild(out: string, variant: 'a' | 'b'): Promise<void> {
  const writer = await BuildWriter.open(out, { command: `fault ${variant}` });
  await writeBuild(writer, async (w) => {
    for (const f of faultBuildFiles(variant)) {
      // NOTE: the writer takes sync iterables of text; an async source is collected per chunk so time passes between writes.
      const parts: string[] = [];
      for await (const c of chunks(variant, f.path, f.chunks)) parts.push(c);
      await w.write(f.path, parts);
      await tick();
    }
    return { counts: { papers: variant === 'a' ? 1 : 2, concepts: 0, edges: 0, themes: 0 }, value: undefined };
  });
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await writeFaultBuild(process.argv[2], process.argv[3] as 'a' | 'b');
