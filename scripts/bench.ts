// `npm run bench`: the whole pipeline on synthetic corpora of 1k, 10k and 100k papers, each size in its own process,
// with wall time and peak RSS per stage as a table (stdout) and JSON (.tmp/bench/bench.json, or --json <file>).
// Usage: npm run bench [-- --sizes 1k,10k,100k] [--seed 1] [--json file] [--cpu-prof]
//        npm run bench -- --extract [--papers N]   (extraction throughput alone: scripts/bench/extract.ts)
// NOTE: one child process per size, so each size's peak RSS is its own and a big run cannot slow a small one by a
// heap left behind. Corpora are written once per size and seed under .tmp/bench/ and reused.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (args.includes('--extract') || args.includes('--papers')) {
  await import('./bench/extract.ts');
} else {
  await benchPipeline();
}

function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** "1k" → 1000, "100k" → 100000, "2500" → 2500. */
function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(k|m)?$/i.exec(text.trim());
  if (!m) throw new Error(`--sizes: expected sizes like 1k,10k,100k or 2500, got "${text}"`);
  return Math.round(Number(m[1]) * (m[2] ? (m[2].toLowerCase() === 'k' ? 1e3 : 1e6) : 1));
}

async function benchPipeline(): Promise<void> {
  const { realPapers, writeSyntheticCorpus } = await import('./bench/corpus.ts');
  type SizeResult = import('./bench/run-size.ts').SizeResult;
  const sizes = (option('--sizes') ?? '1k,10k,100k').split(',').map(parseSize);
  const seed = Number(option('--seed') ?? 1);
  const root = join(import.meta.dirname, '..');
  const dir = join(root, '.tmp/bench');
  const jsonOut = option('--json') ?? join(dir, 'bench.json');
  const profile = args.includes('--cpu-prof');
  mkdirSync(dir, { recursive: true });

  let real: Awaited<ReturnType<typeof realPapers>> | undefined;
  const results: Array<{ size: number; result: SizeResult }> = [];
  for (const size of sizes) {
    const corpus = join(dir, `corpus-${size}-seed${seed}.jsonl`);
    if (!existsSync(corpus)) {
      real ??= await realPapers();
      process.stderr.write(`writing ${corpus} (${size} papers resampled from ${real.length} real abstracts)…\n`);
      await writeSyntheticCorpus(`${corpus}.tmp`, size, seed, real);
      renameSync(`${corpus}.tmp`, corpus);
    }
    const out = join(dir, `out-${size}`);
    const resultPath = join(dir, `result-${size}.json`);
    rmSync(resultPath, { force: true });
    process.stderr.write(`running ${size} papers…\n`);
    // NOTE: a heap limit above V8's default (~4 GB here), so a run over the 4 GB target is measured instead of aborted.
    const node = ['--max-old-space-size=12288', '--import', 'tsx', ...(profile ? ['--cpu-prof', '--cpu-prof-dir', join(dir, `prof-${size}`)] : [])];
    const r = spawnSync(process.execPath, [...node, join(root, 'scripts/bench/run-size.ts'), corpus, out, resultPath], { stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(resultPath)) {
      process.stderr.write(`bench: the ${size}-paper run failed (exit ${r.status ?? r.signal})\n`);
      process.exitCode = 1;
      continue;
    }
    results.push({ size, result: JSON.parse(readFileSync(resultPath, 'utf8')) as SizeResult });
    rmSync(out, { recursive: true, force: true });
  }
  if (!results.length) return;

  // NOTE: the load average is part of the result: on a shared machine wall times scale with it.
  const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, load average ${loadavg()[0].toFixed(1)} at the end`;
  const stageNames = results[0].result.stages.map((s) => s.stage);
  const head = ['stage', ...results.map(({ size }) => `${size.toLocaleString('en')} papers`)];
  const cpu = (x: number | null | undefined): string => (x == null || Number.isNaN(x) ? '' : ` (cpu ${x.toFixed(1)})`);
  const cell = (s: { seconds: number; cpuSeconds?: number | null; peakRssMb: number } | undefined): string =>
    s ? `${s.seconds.toFixed(2)} s${cpu(s.cpuSeconds)} · ${Math.round(s.peakRssMb)} MB` : '-';
  const rows = stageNames.map((name) => [name, ...results.map(({ result }) => cell(result.stages.find((s) => s.stage === name)))]);
  rows.push([
    '**total**',
    ...results.map(({ result }) => `**${result.totalSeconds.toFixed(1)} s${cpu(result.totalCpuSeconds)} · ${Math.round(result.peakRssMb)} MB**`),
  ]);
  rows.push([
    'graph',
    ...results.map(({ result }) => `${result.concepts} concepts, ${result.edges} links, ${result.projectionEdges} paper pairs, ${result.themes} themes`),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  process.stdout.write(`\nmachine: ${machine}; wall time (CPU seconds) · peak RSS so far, per stage\n\n`);
  process.stdout.write([line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n');
  if (results.length > 1) {
    const growth = results.slice(1).map(({ size, result }, i) => {
      const prev = results[i];
      return `${prev.size}→${size}: papers ×${(size / prev.size).toFixed(0)}, time ×${(result.totalSeconds / prev.result.totalSeconds).toFixed(1)}`;
    });
    process.stdout.write(`\ngrowth: ${growth.join('; ')}\n`);
  }
  writeFileSync(jsonOut, JSON.stringify({ machine, seed, results }, null, 2) + '\n');
  process.stderr.write(`\nJSON: ${jsonOut}${profile ? `; CPU profiles in ${dir}/prof-<size>/` : ''}\n`);
}
