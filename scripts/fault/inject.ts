// Fault injection for the build writer: kills `paper-kg build` processes at seeded random moments and checks that the
// output directory is always one whole build (the old one or the new one, by manifest hashes), never a mix.
// Usage: node --import tsx scripts/fault/inject.ts [--papers 10000] [--kills 20] [--seed 1] [--work /tmp/dir]
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { createRng } from '../../src/graph/rng.ts';
import { MANIFEST_FILE, checkBuildDirectory, recoverBuildDirectory, type BuildManifest } from '../../src/io/build-dir.ts';
import { realPapers, writeSyntheticCorpus } from '../bench/corpus.ts';
import type { Paper } from '../../src/model/paper.ts';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/paper-kg.js');

export interface KillRecord {
  /** When the signal was sent: at a random moment of the whole run, or a random moment after the outputs began to be written. */
  mode: 'any time' | 'while writing';
  /** Milliseconds after the spawn the signal was sent (undefined: the build ended first), and the signal. */
  afterMs?: number;
  signal: 'SIGKILL' | 'SIGINT' | 'SIGTERM';
  /** Which build the directory held right after the kill, before any recovery ("swap" = a commit journal was left: the next command finishes it). */
  found: 'old' | 'new' | 'swap' | 'mixed';
  /** What the next command's recovery did, and which build the directory held after it. */
  recovery: 'none' | 'rolled-forward' | 'rolled-back';
  after: 'old' | 'new' | 'mixed';
  /** Hidden staging / commit / lock entries and *.tmp files left after recovery (must be none). */
  orphans: string[];
  exitCode: number | null;
}

export interface FaultReport {
  papers: number;
  fullBuildMs: number;
  kills: KillRecord[];
  /** Kills whose directory was ever found mixed or left orphans: must be 0. */
  failures: number;
}

function filesOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Which reference build the directory holds exactly (every file, its bytes, nothing more), or "mixed". */
export function whichBuild(dir: string, refs: Record<'old' | 'new', BuildManifest>): 'old' | 'new' | 'mixed' {
  if (!existsSync(join(dir, MANIFEST_FILE))) return 'mixed';
  const files = filesOf(dir);
  for (const name of ['old', 'new'] as const) {
    const m = refs[name];
    const expected = [...m.files.map((f) => f.path), MANIFEST_FILE].sort();
    if (files.join('\n') !== expected.join('\n')) continue;
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BuildManifest;
    if (JSON.stringify(manifest) !== JSON.stringify(m)) continue;
    if (m.files.every((f) => sha(join(dir, f.path)) === f.sha256)) return name;
  }
  return 'mixed';
}

export function orphansBeside(dir: string): string[] {
  const parent = join(dir, '..');
  const hidden = readdirSync(parent).filter((n) => n.includes('.paper-kg-'));
  const tmp = existsSync(dir) ? filesOf(dir).filter((f) => f.endsWith('.tmp')) : [];
  return [...hidden, ...tmp];
}

/**
 * Runs a build in a child process; with `kill`, signals it `afterMs` after the spawn, or (`afterWritingMs`) that long
 * after its staging directory appears, i.e. while it writes its outputs or swaps them in.
 */
function runBuild(
  cli: string,
  input: string,
  out: string,
  kill?: { afterMs?: number; afterWritingMs?: number; signal: KillRecord['signal'] },
): Promise<{ ms: number; code: number | null; killedAtMs?: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, 'build', input, '--out', out, '-q'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killedAtMs: number | undefined;
    child.stderr.on('data', (d) => (stderr += d));
    const fire = (): void => {
      killedAtMs = Math.round(performance.now() - t0);
      child.kill(kill!.signal);
    };
    let timer: NodeJS.Timeout | undefined;
    let poll: NodeJS.Timeout | undefined;
    if (kill?.afterMs !== undefined) timer = setTimeout(fire, kill.afterMs);
    else if (kill?.afterWritingMs !== undefined) {
      const staging = join(out, '..', `.${basename(out)}.paper-kg-staging`);
      poll = setInterval(() => {
        if (!existsSync(staging)) return;
        clearInterval(poll);
        poll = undefined;
        timer = setTimeout(fire, kill.afterWritingMs);
      }, 2);
    }
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      if (!kill && code !== 0) reject(new Error(`build failed (${code}): ${stderr}`));
      else resolve({ ms: performance.now() - t0, code, killedAtMs });
    });
  });
}

/**
 * Builds two corpora (A: `papers` synthetic papers, B: the same plus 5%) once each for reference, then, `kills` times,
 * starts a build of the other corpus into the target directory and kills it at a seeded random moment (mostly SIGKILL,
 * every third SIGINT or SIGTERM), and checks the directory.
 */
export async function runFaultInjection(options: {
  papers: number;
  kills: number;
  seed: number;
  work?: string;
  log?: (line: string) => void;
  /** The real papers the synthetic ones are resampled from (default: every real abstract in ../shared, realPapers()). */
  real?: Paper[];
  /** The CLI's entry, run with node (default bin/paper-kg.js; the tests pass the same CLI bundled into plain JS). */
  cli?: string;
}): Promise<FaultReport> {
  const cli = options.cli ?? CLI;
  const { papers, kills, seed } = options;
  const log = options.log ?? (() => {});
  const work = options.work ?? join(tmpdir(), `paper-kg-fault-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const real = options.real ?? (await realPapers());
  const inputs = { old: join(work, 'a.jsonl'), new: join(work, 'b.jsonl') };
  await Promise.all([writeSyntheticCorpus(inputs.old, papers, seed, real), writeSyntheticCorpus(inputs.new, Math.round(papers * 1.05), seed + 1, real)]);
  // Reference builds, each in its own directory. NOTE: both at once (two processes); the kills take the longer's times.
  const refs = {} as Record<'old' | 'new', BuildManifest>;
  let fullBuildMs = 0;
  let writeMs = 0;
  const reference = async (name: 'old' | 'new'): Promise<void> => {
    const dir = join(work, `ref-${name}`);
    const staging = join(work, `.ref-${name}.paper-kg-staging`);
    let sawStaging: number | undefined;
    const t0 = performance.now();
    const poll = setInterval(() => {
      if (sawStaging === undefined && existsSync(staging)) sawStaging = performance.now();
    }, 2);
    const { ms } = await runBuild(cli, inputs[name], dir);
    clearInterval(poll);
    fullBuildMs = Math.max(fullBuildMs, ms);
    writeMs = Math.max(writeMs, sawStaging === undefined ? 100 : performance.now() - sawStaging);
    refs[name] = JSON.parse(readFileSync(join(work, `ref-${name}`, MANIFEST_FILE), 'utf8')) as BuildManifest;
    log(
      `reference build ${name}: ${refs[name].counts.papers} papers in ${(ms / 1000).toFixed(1)} s (writing ${Math.round(writeMs)} ms; started ${Math.round(performance.now() - t0 - ms)} ms late)`,
    );
  };
  await Promise.all([reference('old'), reference('new')]);
  const target = join(work, 'parent', 'out');
  mkdirSync(join(work, 'parent'), { recursive: true });
  cpSync(join(work, 'ref-old'), target, { recursive: true });
  let holds: 'old' | 'new' = 'old';
  const rng = createRng(seed);
  const records: KillRecord[] = [];
  for (let k = 0; k < kills; k++) {
    const next: 'old' | 'new' = holds === 'old' ? 'new' : 'old';
    const refsNow = { old: refs[holds], new: refs[next] };
    // NOTE: a third of the kills at any moment of the run; the others while the outputs are written or swapped in (a
    // kill during the pipeline finds nothing written yet), at up to 1.2x the reference build's writing time after it began.
    const signal: KillRecord['signal'] = k % 3 === 2 ? (k % 2 ? 'SIGINT' : 'SIGTERM') : 'SIGKILL';
    const mode: KillRecord['mode'] = k % 3 === 0 ? 'any time' : 'while writing';
    const kill =
      mode === 'any time' ? { afterMs: Math.round(rng() * fullBuildMs * 1.1), signal } : { afterWritingMs: Math.round(rng() * writeMs * 1.2), signal };
    const { code, killedAtMs: afterMs } = await runBuild(cli, inputs[next], target, kill);
    const swapLeft = existsSync(join(work, 'parent', '.out.paper-kg-commit'));
    const now = whichBuild(target, refsNow);
    const found: KillRecord['found'] = now === 'mixed' && swapLeft ? 'swap' : now;
    const recovery = await recoverBuildDirectory(target);
    await checkBuildDirectory(target, { verify: 'hash' });
    const after = whichBuild(target, refsNow);
    const orphans = orphansBeside(target);
    const record: KillRecord = {
      mode,
      afterMs,
      signal,
      found: found === 'old' || found === 'new' || found === 'swap' ? found : 'mixed',
      recovery,
      after,
      orphans,
      exitCode: code,
    };
    records.push(record);
    log(
      `kill ${k + 1}/${kills}: ${signal} (${mode}) ${afterMs === undefined ? 'too late: the build had ended' : `after ${afterMs} ms`} → found ${record.found}, recovery ${recovery}, then ${after}${orphans.length ? `, orphans ${orphans.join(' ')}` : ''}`,
    );
    if (after === 'new') holds = next;
  }
  const failures = records.filter((r) => r.found === 'mixed' || r.after === 'mixed' || r.orphans.length > 0).length;
  if (!options.work) rmSync(work, { recursive: true, force: true });
  return { papers, fullBuildMs, kills: records, failures };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const arg = (name: string, dflt: number): number => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : dflt;
  };
  const workAt = process.argv.indexOf('--work');
  const report = await runFaultInjection({
    papers: arg('papers', 10_000),
    kills: arg('kills', 20),
    seed: arg('seed', 1),
    work: workAt > 0 ? process.argv[workAt + 1] : undefined,
    log: (l) => process.stderr.write(l + '\n'),
  });
  const count = (f: (r: KillRecord) => boolean): number => report.kills.filter(f).length;
  process.stdout.write(
    JSON.stringify(
      {
        papers: report.papers,
        fullBuildSeconds: +(report.fullBuildMs / 1000).toFixed(1),
        kills: report.kills.length,
        whileWriting: count((r) => r.mode === 'while writing'),
        endedBeforeTheKill: count((r) => r.afterMs === undefined),
        foundOld: count((r) => r.found === 'old'),
        foundNew: count((r) => r.found === 'new'),
        foundSwapJournal: count((r) => r.found === 'swap'),
        rolledForward: count((r) => r.recovery === 'rolled-forward'),
        rolledBack: count((r) => r.recovery === 'rolled-back'),
        failures: report.failures,
      },
      null,
      2,
    ) + '\n',
  );
  process.exitCode = report.failures ? 1 : 0;
}
