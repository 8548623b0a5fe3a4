// Issue 13 on real inputs: a two-paper corpus builds, inputs from pipes are read once, a file without papers is an error
// for every command, build honours --field-map, serve checks Host, tables strip control and bidi characters.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToDirectory } from '../../src/io/build.ts';
import { loadGraphDirectory } from '../../src/io/build-dir.ts';
import { fileSource, inputSource } from '../../src/io/files.ts';
import { ingest } from '../../src/ingest/index.ts';
import { main } from '../../src/cli/index.ts';
import { printable } from '../../src/cli/shared.ts';
import { hostAllowed, startServer } from '../../src/serve/index.ts';

const ROOT = join(import.meta.dirname, '../..');
// NOTE: bin/paper-kg.js's CLI bundled into plain JS (test/support/bundles.global.ts): three starts through tsx would cost
// ~1.4 s of CPU each before reading a byte; how the process reads its input is the same.
const CLI = inject('cliBundle');
const DAY = join(ROOT, 'test/fixtures/hf-daily-papers-api/2024-06/2024-06-03.json');
const CSV = join(ROOT, 'test/fixtures/zotero-bibtex-ml/My_Library.csv');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'paper-kg-safety-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in this process; returns the exit code and what it wrote (stdout, stderr). */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => (out.push(String(s)), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => (err.push(String(s)), true)) as typeof process.stderr.write;
  process.exitCode = 0;
  try {
    await main(['node', 'paper-kg', ...args]);
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('a corpus of two papers sharing every concept (issue 13, item 1)', () => {
  it('builds: no self loop, no NaN similarity', async () => {
    const input = join(tmp, 'two.jsonl');
    writeFileSync(
      input,
      '{"title":"Paper one","abstract":"We use a transformer and a diffusion model on ImageNet."}\n' +
        '{"title":"Paper two","abstract":"We use a transformer and a diffusion model on ImageNet."}\n',
    );
    const out = join(tmp, 'two');
    const summary = await buildToDirectory({ inputs: [input], out });
    expect(summary.papers).toBe(2);
    const text = readFileSync(join(out, 'graph.json'), 'utf8');
    expect(text).not.toContain('NaN');
    const graph = await loadGraphDirectory(out);
    expect(graph.graph.edges.every((e) => e.source !== e.target)).toBe(true);
  }, 60_000);
});

describe('inputs read once: stdin as -, /dev/stdin, FIFOs, process substitution (item 5)', () => {
  const expected = async (): Promise<number> => (await ingest([fileSource(DAY)])).papers.length;

  it('a FIFO: the format sniffed from the head, then the same stream parsed', async () => {
    const fifo = join(tmp, 'fifo');
    spawnSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `cat "${DAY}" > "${fifo}"`]);
    const exited = new Promise((ok) => writer.once('exit', ok));
    const r = await ingest([inputSource(fifo)]);
    await exited;
    expect(r.files[0]).toMatchObject({ file: 'fifo', format: 'hf-api-json', parsed: await expected() });
    expect(r.papers.map((p) => p.id)).toEqual((await ingest([fileSource(DAY)])).papers.map((p) => p.id));
  });

  it('`-`, /dev/stdin and <(…) through the CLI', async () => {
    const n = await expected();
    // NOTE: through a shell pipe: Node's own `input` is a socket, which /dev/stdin cannot reopen. The three run at once.
    const bash = (script: string) =>
      new Promise<{ status: number | null; stdout: string; stderr: string }>((ok, ko) => {
        const child = spawn('bash', ['-c', script]);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.on('error', ko);
        child.on('close', (status) => ok({ status, stdout, stderr }));
      });
    const [dash, devStdin, sub] = await Promise.all([
      ...['-', '/dev/stdin'].map((arg) => bash(`cat "${DAY}" | "${process.execPath}" "${CLI}" ingest ${arg}`)),
      bash(`"${process.execPath}" "${CLI}" ingest <(cat "${DAY}")`),
    ]);
    for (const [arg, r] of [
      ['-', dash],
      ['/dev/stdin', devStdin],
    ] as const) {
      expect([arg, r.status, r.stdout.trim().split('\n').length]).toEqual([arg, 0, n]);
      expect(r.stderr).toContain(`stdin: hf-api-json: read ${n}, parsed ${n}`);
    }
    expect([sub.status, sub.stdout.trim().split('\n').length]).toEqual([0, n]);
  }, 60_000);
});

describe('a file that yields no paper is an error for every command (item 8)', () => {
  it('ingest and extract exit 1 with --field-map naming no column, or JSON of another shape', async () => {
    const shape = join(tmp, 'shape.jsonl');
    writeFileSync(shape, '{"name":"not a paper"}\n{"name":"nor this"}\n');
    for (const cmd of ['ingest', 'extract']) {
      const r = await cli(cmd, CSV, '--field-map', 'title=nope', '-q');
      expect([cmd, r.code]).toEqual([cmd, 1]);
      const s = await cli(cmd, shape, '-q');
      expect([cmd, s.code]).toEqual([cmd, 1]);
      expect(s.stderr).toMatch(/shape\.jsonl: yielded no paper: all 2 record\(s\) were skipped/);
    }
  }, 60_000);
});

describe('build --field-map is honoured (issue 14) through the one CLI-to-ingest mapping', () => {
  it('a CSV with its own column names builds with --field-map, and without it says to pass one', async () => {
    const csv = readFileSync(CSV, 'utf8').replace('"Title"', '"Heading"').replace('"Abstract Note"', '"Summary"');
    const input = join(tmp, 'renamed.csv');
    writeFileSync(input, csv);
    const without = await cli('build', input, '--out', join(tmp, 'fm-none'), '-q');
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/field-map/);
    const r = await cli('build', input, '--out', join(tmp, 'fm'), '--field-map', 'title=Heading,abstract=Summary', '-q');
    expect(r.code).toBe(0);
    expect((await loadGraphDirectory(join(tmp, 'fm'))).meta.papers).toBeGreaterThan(150);
  }, 120_000);
});

describe('serve answers only for 127.0.0.1 and localhost (item 9)', () => {
  it('421 for another Host (DNS rebinding), 200 for its own names', async () => {
    const dist = join(tmp, 'dist');
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
    const server = await startServer({ graphFile: join(ROOT, 'graph/graph.json'), distDir: dist, port: 0 });
    const get = (host: string): Promise<number> =>
      new Promise((ok, ko) => {
        const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: host } }, (res) => {
          res.resume();
          ok(res.statusCode ?? 0);
        });
        req.on('error', ko);
        req.end();
      });
    try {
      expect(await get('attacker.example')).toBe(421);
      expect(await get(`attacker.example:${server.port}`)).toBe(421);
      expect(await get(`127.0.0.1:${server.port + 1}`)).toBe(421);
      expect(await get(`127.0.0.1:${server.port}`)).toBe(200);
      expect(await get(`localhost:${server.port}`)).toBe(200);
      expect(await get('localhost')).toBe(200);
    } finally {
      await server.close();
    }
    expect(hostAllowed('[::1]:8377', 8377)).toBe(true);
    expect(hostAllowed('localhost.attacker.example', 8377)).toBe(false);
    expect(hostAllowed(undefined, 8377)).toBe(false);
  });
});

describe('tables strip control and bidi-override characters (item 9)', () => {
  it('printable removes ESC sequences starters, C1, bidi overrides and isolates; keeps text and newlines', () => {
    expect(printable('a\u001b[31mred\u001b[0m\tb\u202eevil\u2066x\u2069\u0085\n')).toBe('a[31mred[0m bevilx\n');
  });

  it('query and extract tables of a paper titled with escapes print none of them', async () => {
    const input = join(tmp, 'evil.jsonl');
    const evil = 'Diffusion \u001b]8;;http://x\u0007model\u202e gnidaer';
    writeFileSync(
      input,
      JSON.stringify({ title: evil, abstract: 'We use a transformer and a diffusion model on ImageNet and COCO.' }) +
        '\n' +
        JSON.stringify({ title: 'Another paper', abstract: 'A transformer trained on ImageNet and COCO.' }) +
        '\n',
    );
    const out = join(tmp, 'evil');
    await buildToDirectory({ inputs: [input], out });
    const q = await cli('query', 'theme', 'other', '--graph', out);
    const e = await cli('extract', input, '-q');
    for (const r of [q, e]) {
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Diffusion ]8;;http://xmodel gnidaer');
      expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }
  }, 60_000);
});
