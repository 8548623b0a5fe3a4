// One bench run in its own process: a synthetic corpus file through every stage, with wall time and peak RSS per stage.
// Usage (the bench runs it): node --import tsx scripts/bench/run-size.ts <corpus.jsonl> <out-dir> <result.json>
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { runPipeline } from '../../src/pipeline.ts';
import type { ProgressReporter } from '../../src/progress.ts';
import { buildCounts, writeOutputs } from '../../src/io/build.ts';
import { BuildWriter, writeBuild } from '../../src/io/build-dir.ts';

export interface StageMeasure {
  stage: string;
  seconds: number;
  /** CPU seconds of the process (user + system; all threads) in the stage: on a shared machine wall time measures the neighbours too. */
  cpuSeconds: number;
  /** Peak RSS of the process so far, in MB, read when the stage ends (getrusage's maxrss: it never goes down). */
  peakRssMb: number;
}

export interface SizeResult {
  papers: number;
  concepts: number;
  edges: number;
  projectionEdges: number;
  themes: number;
  layout: Record<string, unknown>;
  bytes: Record<string, number>;
  stages: StageMeasure[];
  totalSeconds: number;
  totalCpuSeconds: number;
  peakRssMb: number;
}

const peakMb = (): number => process.resourceUsage().maxRSS / 1024;

const [corpus, out, resultPath] = process.argv.slice(2);
if (!corpus || !out || !resultPath) throw new Error('usage: run-size.ts <corpus.jsonl> <out-dir> <result.json>');

const stages: StageMeasure[] = [];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let mark = t0;
let cpuMark = process.cpuUsage();
const cpuSince = (c0: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};
const record = (stage: string): void => {
  const now = performance.now();
  const cpu = cpuSince(cpuMark);
  stages.push({ stage, seconds: (now - mark) / 1000, cpuSeconds: cpu, peakRssMb: peakMb() });
  process.stderr.write(`  ${stage}: ${((now - mark) / 1000).toFixed(2)} s (cpu ${cpu.toFixed(2)} s), peak RSS ${Math.round(peakMb())} MB\n`);
  mark = now;
  cpuMark = process.cpuUsage();
};

const ingested = await ingest([fileSource(corpus)], {});
if (!ingested.ok) throw new Error(`bench: ingest of ${corpus} failed: ${ingested.messages.map((m) => m.message).join('; ')}`);
record('ingest');

// NOTE: the pipeline tells the reporter when each stage stops; its clock gives the same stage times as ctx.timings.
const bench: ProgressReporter = { start: () => {}, update: () => {}, stop: () => {} };
let current = '';
bench.start = (stage) => {
  current = stage;
};
bench.stop = () => record(current);
const ctx = runPipeline(ingested.papers, { progress: bench });

const inputs = [basename(corpus)];
// NOTE: written as `build` writes them (src/io/build.ts writeOutputs through the one build writer): each output made in
// chunks and written as it comes, so a stage's time includes its writing and no output is ever one string.
const bytes: Record<string, number> = {};
const writer = await BuildWriter.open(out, { command: 'bench', force: true });
mark = performance.now();
cpuMark = process.cpuUsage();
await writeBuild(writer, async (w) => ({
  counts: buildCounts(ctx),
  value: await writeOutputs(w, ctx, inputs, {
    onFile: (name, n) => {
      bytes[name] = n;
      record(`export+write ${name}`);
    },
  }),
}));
record('commit');

let concepts = 0;
ctx.graph.forEachNode((_k, a) => {
  if (a.kind !== 'paper') concepts++;
});
const result: SizeResult = {
  papers: ctx.papers.length,
  concepts,
  edges: ctx.graph.size,
  projectionEdges: ctx.projection.graph.size,
  themes: ctx.themes.themes.length,
  layout: { ...ctx.layout },
  bytes,
  stages,
  totalSeconds: (performance.now() - t0) / 1000,
  totalCpuSeconds: cpuSince(cpu0),
  peakRssMb: peakMb(),
};
writeFileSync(resultPath, JSON.stringify(result, null, 2) + '\n');
