// Throughput of the pipeline stages on a synthetic corpus resampled from the real abstracts (one core, one run).
// Usage: node --import tsx scripts/bench.ts [--papers 100000] [--seed 1]
// Add a stage by appending to STAGES below: each gets the same papers and reports MB/s and papers/s.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../src/ingest/index.ts';
import { fileSource } from '../src/io/files.ts';
import type { Paper } from '../src/model/paper.ts';
import { extract } from '../src/extract/index.ts';

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
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rng = mulberry32(SEED);
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
process.stdout.write(`${papers.length} synthetic papers, ${(bytes / 1e6).toFixed(1)} MB (from ${real.length} real abstracts, seed ${SEED})\n\n`);
process.stdout.write('stage                                        seconds     MB/s   papers/s\n');
extract(papers.slice(0, 200)); // warm-up: compile the matcher, let the JIT settle
for (const stage of STAGES) {
  const t0 = performance.now();
  stage.run(papers);
  const s = (performance.now() - t0) / 1000;
  process.stdout.write(`${stage.name.padEnd(44)} ${s.toFixed(2).padStart(7)}  ${(bytes / 1e6 / s).toFixed(1).padStart(7)}  ${Math.round(papers.length / s).toString().padStart(9)}\n`);
}
