// Fault injection on the build writer: a child killed at seeded random moments leaves the directory holding the old build
// or the new one (every file's sha256 against a reference manifest), never a mix, and nothing behind once the next command
// ran. The same on real `paper-kg build` processes is fault-cli.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createRng } from '../../src/graph/rng.ts';
import { MANIFEST_FILE, checkBuildDirectory, recoverBuildDirectory, type BuildManifest } from '../../src/io/build-dir.ts';
import { orphansBeside, whichBuild } from '../../scripts/fault/inject.ts';
import { writeFaultBuild } from './fault-child.ts';

let tmp: string;
/** fault-child.ts bundled into plain JS (test/support/bundles.global.ts): the children start in ~0.1 s instead of ~1 s through tsx. */
const childScript = inject('faultChild');
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'paper-kg-fault-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the child; kills it `afterWritingMs` after its staging directory appears. Resolves with the ms it ran after the staging showed. */
function killWhileWriting(
  out: string,
  variant: 'a' | 'b',
  afterWritingMs: number | undefined,
  signal: NodeJS.Signals,
): Promise<{ killed: boolean; writingMs: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, out, variant], { stdio: ['ignore', 'ignore', 'pipe'] });
    const staging = join(out, '..', `.${basename(out)}.paper-kg-staging`);
    let killed = false;
    let sawStaging = 0;
    let timer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => {
      if (!existsSync(staging)) return;
      clearInterval(poll);
      sawStaging = performance.now();
      if (afterWritingMs !== undefined)
        timer = setTimeout(() => {
          killed = child.exitCode === null;
          child.kill(signal);
        }, afterWritingMs);
    }, 1);
    child.on('error', reject);
    child.on('exit', () => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ killed, writingMs: sawStaging ? performance.now() - sawStaging : 0 });
    });
  });
}

describe('fault injection on the build writer (a child writing one of two builds, killed while it writes)', () => {
  it('12 kills (SIGKILL, SIGINT, SIGTERM) at seeded random moments: always the old build or the new one, no orphan', async () => {
    const refs = {} as Record<'a' | 'b', BuildManifest>;
    for (const v of ['a', 'b'] as const) {
      await writeFaultBuild(join(tmp, `ref-${v}`), v);
      refs[v] = JSON.parse(readFileSync(join(tmp, `ref-${v}`, MANIFEST_FILE), 'utf8')) as BuildManifest;
    }
    const out = join(tmp, 'parent', 'out');
    mkdirSync(join(tmp, 'parent'));
    cpSync(join(tmp, 'ref-a'), out, { recursive: true });
    const rng = createRng(7);
    let holds: 'a' | 'b' = 'a';
    // How long the child writes once its staging directory is there (no kill), to spread the kills over it.
    const { writingMs } = await killWhileWriting(join(tmp, 'parent', 'probe'), 'b', undefined, 'SIGKILL');
    rmSync(join(tmp, 'parent', 'probe'), { recursive: true });
    const seen = { old: 0, new: 0, killed: 0, rolledForward: 0, rolledBack: 0 };
    for (let k = 0; k < 12; k++) {
      const next: 'a' | 'b' = holds === 'a' ? 'b' : 'a';
      const signal = (['SIGKILL', 'SIGKILL', 'SIGINT', 'SIGTERM'] as const)[k % 4];
      // Moments over 0–1.6x the writing time after the staging directory appeared (the swap is its last moments; a kill
      // after the end finds the new build).
      const { killed } = await killWhileWriting(out, next, Math.round(rng() * writingMs * 1.6), signal);
      if (killed) seen.killed++;
      const refsNow = { old: refs[holds], new: refs[next] };
      const found = whichBuild(out, refsNow);
      const commitLeft = existsSync(join(tmp, 'parent', '.out.paper-kg-commit'));
      // Right after the kill: whole, or a swap the next command finishes (a commit journal).
      expect(found !== 'mixed' || commitLeft, `kill ${k}: mixed and no commit journal`).toBe(true);
      // SIGINT / SIGTERM clean up at once: no staging directory, no lock, even before any recovery.
      if (signal !== 'SIGKILL' && killed && !commitLeft) expect(orphansBeside(out), `kill ${k} (${signal}) left`).toEqual([]);
      const recovery = await recoverBuildDirectory(out);
      if (recovery === 'rolled-forward') seen.rolledForward++;
      if (recovery === 'rolled-back') seen.rolledBack++;
      await checkBuildDirectory(out, { verify: 'hash' });
      const after = whichBuild(out, refsNow);
      expect(after, `kill ${k} (${signal})`).not.toBe('mixed');
      expect(orphansBeside(out), `kill ${k} (${signal})`).toEqual([]);
      if (after !== 'mixed') seen[after]++;
      if (after === 'new') holds = next;
    }
    // The kills did land while writing, and both outcomes happened.
    expect(seen.killed).toBeGreaterThanOrEqual(3);
    expect(seen.old).toBeGreaterThan(0);
    expect(seen.new).toBeGreaterThan(0);
  }, 120_000);
});
