// Fault injection on real builds: `paper-kg build` processes killed at seeded random moments leave their directory
// holding the old build or the new one (scripts/fault/inject.ts). A file of its own so it runs beside fault.test.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFaultInjection } from '../../scripts/fault/inject.ts';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { CORPUS } from '../support/corpus-build.global.ts';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'paper-kg-fault-cli-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('fault injection on real builds (synthetic corpus, the CLI killed)', () => {
  // NOTE: small (each build is a CLI start); `node --import tsx scripts/fault/inject.ts` runs the same at 10k papers x 20
  // kills (docs/incoming/safety.md has its result). The CLI is bin/paper-kg.js's, bundled into plain JS
  // (test/support/bundles.global.ts): a start through tsx costs ~1.4 s of CPU before the build begins.
  it('100 papers, 2 kills: the directory is the old build or the new one after each', async () => {
    // NOTE: resampled from the bundled corpus's abstracts (ingesting every fixture of ../shared costs ~2.5 s of CPU).
    const real = (await ingest([fileSource(CORPUS)])).papers.filter((p) => p.abstract.length > 200);
    const report = await runFaultInjection({ papers: 100, kills: 2, seed: 3, work: join(tmp, 'real'), real, cli: inject('cliBundle') });
    expect(report.kills).toHaveLength(2);
    expect(report.kills.map((k) => k.after).every((a) => a === 'old' || a === 'new')).toBe(true);
    expect(report.failures).toBe(0);
  }, 240_000);
});
