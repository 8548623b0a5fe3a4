// Throughput of the pipeline stages on a synthetic corpus resampled from the real abstracts (one core, one run).
// Usage: npm run bench -- --extract [--papers 100000] [--seed 1] [--json out.json]
// Add a stage by appending to STAGES below: each gets the same papers and reports seconds, MB/s and papers/s.
// NOTE: CPU seconds (process.cpuUsage) are reported next to wall seconds: on a shared machine the wall clock mostly
// measures the neighbours; MB/s and papers/s are computed from CPU time.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import type { Paper } from '../../src/model/paper.ts';
import { extract } from '../../src/extract/index.ts';
import { createRng } from '../../src/graph/rng.ts';

// ---------------------------------------------------------------- options
const args = process.argv.slice(2);
const num = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`${name}: expected a positive number, got "${args[i + 1]}"`);
  return v;
};
const PAPERS = num('--papers', 100_000);
const SEED = num('--seed', 1);
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

// ---------------------------------------------------------------- real abstracts
const SHARED = '../shared';
const sources = [fileSource(join(SHARED, 'corpus/hf-daily-papers-fewer-tokens.txt'))];
for (const month of ['2024-06', '2025-03']) {
  const dir = join(SHARED, 'fixtures/hf-daily-papers-api', month);
  for (const f of readdirSync(dir).sort()) sources.push(fileSource(join(dir, f)));
}
const real = (await ingest(sources)).papers.filter((p) => p.abstract.length > 200);

// ---------------------------------------------------------------- synthetic corpus
// NOTE: sentences are resampled (not whole abstracts copied) so phrase statistics stay realistic while texts differ.
const rng = createRng(SEED);
const sentences = real.flatMap((p) => p.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/));
const titles = real.map((p) => p.title);
const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
const template = real[0]!;
const papers: Paper[] = [];
for (let i = 0; i < PAPERS; i++) {
  const n = 5 + Math.floor(rng() * 6);
  const abstract = Array.from({ length: n }, () => pick(sentences)).join(' ');
  papers.push({ ...template, id: `synthetic-${i}`, title: pick(titles), abstract });
}
const bytes = papers.reduce((s, p) => s + Buffer.byteLength(p.title) + Buffer.byteLength(p.abstract), 0);

// ---------------------------------------------------------------- stages
interface Stage {
  name: string;
  run(papers: Paper[]): unknown;
}
const STAGES: Stage[] = [
  { name: 'extract (all rules + mining + results)', run: (ps) => extract(ps) },
  { name: 'extract (vocabulary only)', run: (ps) => extract(ps, { patterns: false, acronyms: false, results: false, mine: false }) },
];

// ---------------------------------------------------------------- run
interface StageResult {
  stage: string;
  papers: number;
  mb: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** Of cpuSeconds, the kernel's share: page faults of a growing heap show up here. */
  sysSeconds: number;
  mbPerSecond: number;
  papersPerSecond: number;
}

function runStage(stage: Stage): StageResult {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  stage.run(papers);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  return {
    stage: stage.name,
    papers: papers.length,
    mb: bytes / 1e6,
    wallSeconds: wall,
    cpuSeconds: cpu,
    sysSeconds: c.system / 1e6,
    mbPerSecond: bytes / 1e6 / cpu,
    papersPerSecond: papers.length / cpu,
  };
}

process.stdout.write(`${papers.length} synthetic papers, ${(bytes / 1e6).toFixed(1)} MB (from ${real.length} real abstracts, seed ${SEED})\n\n`);
process.stdout.write('stage                                     wall s    cpu s  (sys s)   MB/s (cpu)  papers/s (cpu)\n');
extract(papers.slice(0, 2000)); // warm-up: compile the matcher, let the JIT settle
const results: StageResult[] = [];
for (const stage of STAGES) {
  const r = runStage(stage);
  results.push(r);
  process.stdout.write(
    `${r.stage.padEnd(40)} ${r.wallSeconds.toFixed(2).padStart(7)}  ${r.cpuSeconds.toFixed(2).padStart(7)}  ${`(${r.sysSeconds.toFixed(2)})`.padStart(7)}  ${r.mbPerSecond.toFixed(1).padStart(10)}  ${Math.round(r.papersPerSecond).toString().padStart(14)}\n`,
  );
}
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ papers: papers.length, mb: bytes / 1e6, seed: SEED, node: process.version, results }, null, 2) + '\n');
