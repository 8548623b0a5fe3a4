// Progress: the pipeline reports every stage in order; bars on a terminal, nothing without a TTY or with --quiet.
import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline, STAGES } from '../../src/pipeline.ts';
import { SILENT_PROGRESS, type ProgressReporter } from '../../src/progress.ts';
import { createCliProgress } from '../../src/cli/progress.ts';
import { TINY_PAPERS, TINY_EXTRACTION } from '../graph/tiny.ts';

const ROOT = join(import.meta.dirname, '../..');
// cli-progress's shades_classic bar, and the escape / carriage-return codes a bar redraws with.
const BAR_CHARACTERS = /[\u2588\u2591\r\u001b]/;

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  let text = '';
  const w = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  Object.assign(w, { isTTY, columns: 100, rows: 30 });
  return { stream: w as unknown as NodeJS.WriteStream, text: () => text };
}

describe('pipeline progress', () => {
  it('starts and stops every stage once, in order, with updates inside [0, total]', () => {
    const events: string[] = [];
    let total = 0;
    let bad = 0;
    const recorder: ProgressReporter = {
      start(stage, t) {
        events.push(`start ${stage}`);
        total = t;
      },
      update(done) {
        if (done < 0 || done > total) bad++;
      },
      stop() {
        events.push('stop');
      },
    };
    runPipeline(TINY_PAPERS, { seed: 1, progress: recorder }, TINY_EXTRACTION);
    expect(events).toEqual(STAGES.flatMap((s) => [`start ${s}`, 'stop']));
    expect(bad).toBe(0);
  });

  it('rejects a progress option that is not a reporter', () => {
    expect(() => runPipeline(TINY_PAPERS, { progress: 3 as unknown as ProgressReporter }, TINY_EXTRACTION)).toThrow(/progress/);
  });
});

describe('CLI progress bars', () => {
  it('are silent without a TTY, with --quiet and under CI', () => {
    expect(createCliProgress({}, fakeStream(true).stream, { CI: 'true' })).toBe(SILENT_PROGRESS);
    expect(createCliProgress({}, fakeStream(false).stream)).toBe(SILENT_PROGRESS);
    expect(createCliProgress({ quiet: true }, fakeStream(true).stream)).toBe(SILENT_PROGRESS);
  });

  it('draw a bar per stage with counts and ETA on a TTY', () => {
    const { stream, text } = fakeStream(true);
    const progress = createCliProgress({}, stream, {});
    progress.start('extract', 200);
    progress.update(50);
    progress.update(200);
    progress.stop();
    expect(text()).toMatch(/extract\s+\[/);
    expect(text()).toContain('200/200');
    expect(text()).toContain('ETA');
    expect(text()).toMatch(BAR_CHARACTERS);
  });

  // NOTE: the one test that spawns bin/paper-kg.js (the others run the CLI in-process): the real entry, exit code and
  // streams of a process. One HF day (6 papers) keeps it short.
  it('paper-kg build with stderr not a TTY prints its summary and no bar characters', () => {
    const out = mkdtempSync(join(tmpdir(), 'paper-kg-progress-'));
    try {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'bin/paper-kg.js'), 'build', join(ROOT, 'test/fixtures/hf-daily-papers-api/2024-06/2024-06-03.json'), '--out', out],
        {
          encoding: 'utf8',
          env: { ...process.env, CI: '' },
        },
      );
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/6 papers/);
      expect(existsSync(join(out, 'graph.json'))).toBe(true);
      expect(r.stderr).not.toMatch(BAR_CHARACTERS);
      expect(r.stdout).toBe('');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
