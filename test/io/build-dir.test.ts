// The build writer and reader (src/io/build-dir.ts): manifest, --out checks, --force, lock, mixed builds, disk full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { buildToDirectory, updateDirectory } from '../../src/io/build.ts';
import {
  BuildWriter,
  checkBuildDirectory,
  loadBuildForRewrite,
  loadGraphDirectory,
  outputError,
  MANIFEST_FILE,
  type BuildManifest,
} from '../../src/io/build-dir.ts';
import { PaperKgError } from '../../src/errors.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/hf-daily-papers-api/2024-06');
const DAY_A = join(FIXTURES, '2024-06-03.json');
const DAY_B = join(FIXTURES, '2024-06-04.json');

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'paper-kg-builddir-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const manifestOf = (dir: string): BuildManifest => JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BuildManifest;
async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(PaperKgError);
    return (e as PaperKgError).code;
  }
  return 'no error';
}

describe('a build writes manifest.json: every file with its size and sha256, the counts', () => {
  it('matches the files written, and leaves nothing beside --out', async () => {
    const parent = join(tmp, 'plain');
    const out = join(parent, 'out');
    const summary = await buildToDirectory({ inputs: [DAY_A], out });
    const m = manifestOf(out);
    expect(m).toMatchObject({
      format: 'paper-kg-build',
      version: 1,
      command: 'build',
      counts: { papers: summary.papers, concepts: summary.concepts, edges: summary.edges, themes: summary.themes.length },
    });
    expect(m.files.map((f) => f.path)).toEqual(['edges.csv', 'first-frame.json', 'graph.gexf', 'graph.graphml', 'graph.json', 'nodes.csv', 'papers.jsonl']);
    for (const f of m.files) expect([f.path, sha(join(out, f.path)), readFileSync(join(out, f.path)).length]).toEqual([f.path, f.sha256, f.bytes]);
    expect(readdirSync(out).sort()).toEqual([...m.files.map((f) => f.path), MANIFEST_FILE].sort());
    expect(readdirSync(parent)).toEqual(['out']);
    // The same inputs give the same manifest, byte for byte (no dates in it).
    const again = join(tmp, 'plain-again');
    await buildToDirectory({ inputs: [DAY_A], out: again });
    expect(readFileSync(join(again, MANIFEST_FILE), 'utf8')).toBe(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
  }, 60_000);
});

describe('the writer writes text in pieces of any size', () => {
  it('the same bytes, size and sha256 as the text joined: many batches, a piece bigger than a batch, multi-byte characters', async () => {
    // ~3.5 MB over several 1 MB batches: small pieces with 2-, 3- and 4-byte characters, a 2 MB piece, an empty piece.
    const pieces: string[] = [];
    for (let i = 0; i < 20_000; i++) pieces.push(`<n id="${i}">é – 𝛼 ${'x'.repeat(i % 97)}</n>\n`);
    pieces.push('', 'y'.repeat(2 << 20), 'ü');
    for (let i = 0; i < 5_000; i++) pieces.push(`${i},€\n`);
    const text = pieces.join('');
    const out = join(tmp, 'pieces');
    const writer = await BuildWriter.open(out, { command: 'test' });
    expect(await writer.write('big.txt', pieces)).toBe(Buffer.byteLength(text));
    expect(await writer.write('one.txt', 'a string 🙂')).toBe(Buffer.byteLength('a string 🙂'));
    const manifest = await writer.commit({ papers: 0, concepts: 0, edges: 0, themes: 0 });
    expect(readFileSync(join(out, 'big.txt')).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(readFileSync(join(out, 'one.txt'), 'utf8')).toBe('a string 🙂');
    expect(manifest.files.find((f) => f.path === 'big.txt')).toEqual({ path: 'big.txt', bytes: Buffer.byteLength(text), sha256: sha(join(out, 'big.txt')) });
  });

  it('a failing source aborts the build: the error comes through, nothing is left', async () => {
    const out = join(tmp, 'failing');
    const writer = await BuildWriter.open(out, { command: 'test' });
    const failing = function* (): Generator<string> {
      for (let i = 0; i < 50_000; i++) yield 'z'.repeat(100);
      throw new Error('the source broke');
    };
    await expect(writer.write('x.txt', failing())).rejects.toThrow(/the source broke/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(tmp).filter((n) => n.includes('failing'))).toEqual([]);
  });
});

describe('--out is checked before the pipeline runs', () => {
  it('a file, a path through a file: E_OUTPUT_UNWRITABLE at once (the inputs are not even read)', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, 'x');
    // NOTE: a missing input would fail the build later; the output error comes first.
    expect(await codeOf(buildToDirectory({ inputs: [join(tmp, 'missing.json')], out: file }))).toBe('E_OUTPUT_UNWRITABLE');
    expect(await codeOf(buildToDirectory({ inputs: [join(tmp, 'missing.json')], out: join(file, 'sub') }))).toBe('E_OUTPUT_UNWRITABLE');
    await expect(buildToDirectory({ inputs: [DAY_A], out: file })).rejects.toThrow(/is a file; expected a directory/);
  });

  it('a directory that is not empty and not a build: E_OUTPUT_NOT_BUILD; with force its files stay', async () => {
    const out = join(tmp, 'users');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'nodes.csv'), 'my own nodes');
    expect(await codeOf(buildToDirectory({ inputs: [join(tmp, 'missing.json')], out }))).toBe('E_OUTPUT_NOT_BUILD');
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toBe('my own nodes');
    await buildToDirectory({ inputs: [DAY_A], out, force: true });
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toMatch(/^Id,Label,/);
  }, 60_000);

  it('read-only file system: E_OUTPUT_UNWRITABLE; disk full: E_OUTPUT_FULL, the previous build untouched, nothing left over', async () => {
    // A real tmpfs when this machine lets us mount one (root in a container); else /dev/full gives the same ENOSPC.
    const mnt = join(tmp, 'mnt');
    mkdirSync(mnt);
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=600k', 'tmpfs', mnt], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
    try {
      if (mounted) {
        const out = join(mnt, 'out');
        // A small build fits, a bigger one does not.
        await buildToDirectory({ inputs: [DAY_A], out });
        const before = manifestOf(out);
        const err = (await buildToDirectory({ inputs: [DAY_A, DAY_B, join(FIXTURES, '2024-06-05.json'), join(FIXTURES, '2024-06-06.json')], out }).catch(
          (e: unknown) => e,
        )) as PaperKgError;
        expect(err.code).toBe('E_OUTPUT_FULL');
        expect(err.message).toMatch(/ENOSPC.*no space left on the device.*untouched/);
        expect(manifestOf(out)).toEqual(before);
        await checkBuildDirectory(out, { verify: 'hash' });
        expect(readdirSync(mnt)).toEqual(['out']);
        execFileSync('mount', ['-o', 'remount,ro', mnt]);
        expect(await codeOf(buildToDirectory({ inputs: [DAY_A], out }))).toBe('E_OUTPUT_UNWRITABLE');
        expect(await codeOf(buildToDirectory({ inputs: [DAY_A], out: join(mnt, 'new') }))).toBe('E_OUTPUT_UNWRITABLE');
      } else {
        const out = join(tmp, 'full');
        await buildToDirectory({ inputs: [DAY_A], out });
        const before = manifestOf(out);
        const enospc = await writeFile('/dev/full', 'x').catch((e: unknown) => e);
        const writer = await BuildWriter.open(out, { command: 'test' });
        const failing = function* (): Generator<string> {
          yield 'a';
          throw enospc;
        };
        expect(await codeOf(writer.write('graph.json', failing()))).toBe('E_OUTPUT_FULL');
        expect(manifestOf(out)).toEqual(before);
        expect(readdirSync(tmp).filter((n) => n.includes('paper-kg'))).toEqual([]);
      }
    } finally {
      if (mounted) execFileSync('umount', [mnt]);
    }
    expect(outputError(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'be written', '/x').code).toBe('E_OUTPUT_FULL');
  }, 120_000);
});

describe('the lock', () => {
  it('refuses a second build while one writes (a live pid), and takes over a stale one (a dead pid)', async () => {
    const out = join(tmp, 'locked');
    const lock = join(tmp, '.locked.paper-kg-lock');
    const sleeper = spawn('sleep', ['30']);
    try {
      writeFileSync(lock, JSON.stringify({ pid: sleeper.pid, host: hostname(), started: '2026-01-01T00:00:00Z' }));
      const err = (await buildToDirectory({ inputs: [DAY_A], out }).catch((e: unknown) => e)) as PaperKgError;
      expect(err.code).toBe('E_OUTPUT_LOCKED');
      expect(err.message).toContain(`pid ${sleeper.pid}`);
    } finally {
      sleeper.kill('SIGKILL');
    }
    await new Promise((r) => sleeper.once('exit', r));
    await buildToDirectory({ inputs: [DAY_A], out });
    expect(existsSync(lock)).toBe(false);
    await checkBuildDirectory(out, { verify: 'hash' });
  }, 60_000);
});

describe('a mixed build directory is refused with E_BUILD_MIXED', () => {
  let a: string;
  let b: string;
  beforeAll(async () => {
    a = join(tmp, 'mix-a');
    b = join(tmp, 'mix-b');
    await buildToDirectory({ inputs: [DAY_A], out: a });
    await buildToDirectory({ inputs: [DAY_A, DAY_B], out: b });
  }, 120_000);

  it('graph.json of another build beside the papers: query (sizes), --update and import-themes (hashes) refuse it', async () => {
    const mixed = join(tmp, 'mixed');
    cpSync(a, mixed, { recursive: true });
    copyFileSync(join(b, 'graph.json'), join(mixed, 'graph.json'));
    expect(await codeOf(loadGraphDirectory(mixed))).toBe('E_BUILD_MIXED');
    expect(await codeOf(updateDirectory({ dir: mixed, inputs: [join(FIXTURES, '2024-06-05.json')] }))).toBe('E_BUILD_MIXED');
    // Nothing was written: the mixed directory is as it was.
    expect(sha(join(mixed, 'graph.json'))).toBe(sha(join(b, 'graph.json')));
  });

  it('same sizes, other bytes: the hash check of a rewrite finds it', async () => {
    const mixed = join(tmp, 'mixed-bytes');
    cpSync(a, mixed, { recursive: true });
    const csv = readFileSync(join(mixed, 'nodes.csv'), 'utf8');
    writeFileSync(join(mixed, 'nodes.csv'), csv.slice(0, -2) + (csv.at(-2) === 'x' ? 'y' : 'x') + '\n');
    await loadGraphDirectory(mixed); // sizes agree: a query reads it
    await expect(loadBuildForRewrite(mixed)).rejects.toThrow(/nodes\.csv does not have the sha256/);
  });

  it('a build from before manifests: graph.json and papers.jsonl of different builds disagree on the papers', async () => {
    const mixed = join(tmp, 'mixed-legacy');
    cpSync(a, mixed, { recursive: true });
    rmSync(join(mixed, MANIFEST_FILE));
    copyFileSync(join(b, 'papers.jsonl'), join(mixed, 'papers.jsonl'));
    const err = (await loadBuildForRewrite(mixed).catch((e: unknown) => e)) as PaperKgError;
    expect(err.code).toBe('E_BUILD_MIXED');
    expect(err.message).toMatch(/graph\.json has \d+ papers, papers\.jsonl \d+/);
  });

  it('an update removes only files of the old manifest: a user file stays, update-report.json goes with the next full build', async () => {
    const dir = join(tmp, 'upd');
    cpSync(a, dir, { recursive: true });
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await updateDirectory({ dir, inputs: [DAY_B] });
    expect(manifestOf(dir).files.map((f) => f.path)).toContain('update-report.json');
    await buildToDirectory({ inputs: [DAY_A], out: dir });
    expect(existsSync(join(dir, 'update-report.json'))).toBe(false);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  }, 120_000);
});
