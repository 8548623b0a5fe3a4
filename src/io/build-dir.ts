// The one writer and the one reader of a build directory: outputs staged beside --out, hashed into a manifest, swapped in whole under a lock; read back only when whole.
//
// Write protocol (why each step):
//   1. preflight, before any work: --out is a directory (or can be made), writable, and either empty, a paper-kg build
//      (it has manifest.json) or forced; no live lock.
//   2. lock (`.<out>.paper-kg-lock` beside --out, O_EXCL, pid inside): a second build into the same directory is refused.
//      It is taken when the outputs start to be written, not during the (synchronous) pipeline, so Ctrl-C stays
//      immediate there and leaves nothing behind.
//   3. every output is streamed into the staging directory `.<out>.paper-kg-staging` beside --out (same file system, so
//      renames are atomic), its bytes counted and its sha256 taken as it is written; manifest.json is written last.
//   4. commit point: the staging directory is renamed to `.<out>.paper-kg-commit`. Before it the old build is untouched;
//      after it the new build wins: its files are renamed into --out, the files of the old manifest that the new one
//      lacks are removed (nothing else ever is), the new manifest.json is renamed in last.
//   5. a build killed anywhere (even SIGKILL) is finished or rolled back by the next command that opens the directory
//      (`recoverBuildDirectory`): an uncommitted staging directory is deleted, a committed one is rolled forward.
//      SIGINT / SIGTERM while writing clean up at once.
import { createHash } from 'node:crypto';
import { constants as fsConstants, rmSync } from 'node:fs';
import { access, mkdir, open, readFile, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { GraphJsonSchema, type GraphJson } from '../model/graph-json.ts';
import type { Paper } from '../model/paper.ts';
import { PAPERS_FILE, parsePapersJsonl } from '../update/papers.ts';

export const MANIFEST_FILE = 'manifest.json';
export const GRAPH_FILE = 'graph.json';

export const ManifestSchema = z.object({
  format: z.literal('paper-kg-build'),
  version: z.literal(1),
  /** The command that wrote the build: "build", "build --update" or "import-themes". */
  command: z.string(),
  counts: z.object({ papers: z.number().int(), concepts: z.number().int(), edges: z.number().int(), themes: z.number().int() }),
  /** Every file of the build but the manifest, sorted by path (relative, "/" separated). */
  files: z.array(z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BuildManifest = z.infer<typeof ManifestSchema>;

/** The hidden names beside --out (one set per output directory). */
export function buildDirPaths(out: string): { out: string; staging: string; commit: string; lock: string } {
  const abs = resolve(out);
  const parent = dirname(abs);
  const base = basename(abs);
  return {
    out: abs,
    staging: join(parent, `.${base}.paper-kg-staging`),
    commit: join(parent, `.${base}.paper-kg-commit`),
    lock: join(parent, `.${base}.paper-kg-lock`),
  };
}

const errnoOf = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;

/** An output error with a code and a hint people can act on (never a stack trace). */
export function outputError(e: unknown, what: string, out: string): PaperKgError {
  if (e instanceof PaperKgError) return e;
  const code = errnoOf(e);
  const hint =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'no space left on the device; free some space or choose another --out (the previous build, if any, is untouched)'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied; choose a directory you can write to, or fix its permissions'
        : code === 'EROFS'
          ? 'the file system is read-only; choose another --out'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? 'a path on the way is a file, not a directory; choose another --out'
            : code === 'EXDEV'
              ? `--out is a mount point; build into a directory inside it`
              : 'check the path and the disk';
  const errorCode = code === 'ENOSPC' || code === 'EDQUOT' ? 'E_OUTPUT_FULL' : 'E_OUTPUT_UNWRITABLE';
  return new PaperKgError(errorCode, `${out}: cannot ${what} (${code ?? (e as Error)?.message}); ${hint}`, out);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

async function readLock(lock: string): Promise<LockInfo | undefined> {
  try {
    return JSON.parse(await readFile(lock, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/** A lock is live when its process still runs on this host (a lock of another host is taken as live: we cannot tell). */
function lockIsLive(info: LockInfo | undefined): boolean {
  if (!info || typeof info.pid !== 'number') return false;
  if (info.host !== hostname()) return true;
  if (info.pid === process.pid) return false;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return errnoOf(e) === 'EPERM';
  }
}

function lockedError(out: string, lock: string, info: LockInfo): PaperKgError {
  return new PaperKgError(
    'E_OUTPUT_LOCKED',
    `${out}: another paper-kg build (pid ${info.pid} on ${info.host}, since ${info.started}) is writing into it; wait for it to end, or delete ${lock} if no build runs`,
    out,
  );
}

/** Reads a manifest; undefined when there is none, an E_BUILD_MALFORMED error when it is not one. */
export async function readManifest(dir: string): Promise<BuildManifest | undefined> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (errnoOf(e) === 'ENOENT') return undefined;
    throw new PaperKgError('E_BUILD_MISSING', `${path}: cannot be read (${errnoOf(e) ?? (e as Error).message})`, path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PaperKgError(
      'E_BUILD_MALFORMED',
      `${path}: not valid JSON (${(e as Error).message}); rebuild the directory with "paper-kg build <inputs…> --out ${dir}"`,
      path,
    );
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success)
    throw new PaperKgError(
      'E_BUILD_MALFORMED',
      `${path}: not a paper-kg build manifest (${formatZodIssues(parsed.error.issues.slice(0, 3))}); rebuild the directory with "paper-kg build"`,
      path,
    );
  return parsed.data;
}

/** Rolls a committed build forward into `out` (idempotent: a second run after a crash finishes the first). */
async function applyCommit(out: string, commit: string): Promise<void> {
  const next = await readManifest(commit).catch(() => undefined);
  if (next) {
    const old = await readManifest(out).catch(() => undefined);
    await mkdir(out, { recursive: true });
    for (const f of next.files) {
      const from = join(commit, f.path);
      if (!(await exists(from))) continue; // moved before a crash
      await mkdir(dirname(join(out, f.path)), { recursive: true });
      await rename(from, join(out, f.path));
    }
    const keep = new Set(next.files.map((f) => f.path));
    const emptied = new Set<string>();
    for (const f of old?.files ?? []) {
      if (keep.has(f.path)) continue;
      await rm(join(out, f.path), { force: true });
      if (f.path.includes('/')) emptied.add(dirname(f.path));
    }
    // A folder the old build made (overview/) goes when it is left empty; one with the user's files in it stays.
    for (const d of emptied) await rmdir(join(out, d)).catch(() => undefined);
    await rename(join(commit, MANIFEST_FILE), join(out, MANIFEST_FILE));
  }
  await rm(commit, { recursive: true, force: true });
}

/**
 * Finishes or rolls back a build that was killed (see the protocol above). Waits up to `waitMs` for a live build's
 * swap to end. Returns what it did, for messages and tests.
 */
export async function recoverBuildDirectory(out: string, waitMs = 10_000): Promise<'none' | 'rolled-forward' | 'rolled-back'> {
  const p = buildDirPaths(out);
  const deadline = Date.now() + waitMs;
  for (;;) {
    const info = await readLock(p.lock);
    if (!lockIsLive(info) || info!.pid === process.pid) break;
    // A live build is writing: its staging directory is its own, and a commit it is applying is only read once done.
    if (!(await exists(p.commit))) return 'none';
    if (Date.now() > deadline) throw lockedError(p.out, p.lock, info!);
    await new Promise((r) => setTimeout(r, 50));
  }
  let did: 'none' | 'rolled-forward' | 'rolled-back' = 'none';
  try {
    if (await exists(p.commit)) {
      await applyCommit(p.out, p.commit);
      did = 'rolled-forward';
    }
    if (await exists(p.staging)) {
      await rm(p.staging, { recursive: true, force: true });
      if (did === 'none') did = 'rolled-back';
    }
    const info = await readLock(p.lock);
    if ((await exists(p.lock)) && !lockIsLive(info)) await rm(p.lock, { force: true });
  } catch (e) {
    throw new PaperKgError(
      'E_BUILD_INCOMPLETE',
      `${p.out}: a build was interrupted and could not be finished (${errnoOf(e) ?? (e as Error).message}); make the directory and the one holding it writable and run the command again`,
      p.out,
    );
  }
  return did;
}

export interface BuildWriterOptions {
  /** Allow an --out that is not empty and not a paper-kg build: its files are kept, ours are written beside them. */
  force?: boolean;
  /** Recorded in the manifest. */
  command: string;
}

/** What the preflight found in --out. */
export interface OutputState {
  out: string;
  /** The build it holds now, if it is one. */
  manifest?: BuildManifest;
}

/**
 * A build from before manifests: its graph.json starts as paper-kg writes it. NOTE: only the head is read (graph.json
 * is hundreds of MB at 100k papers). Its files are replaced; none is removed (there is no list of them).
 */
async function isBuildWithoutManifest(dir: string): Promise<boolean> {
  try {
    const fh = await open(join(dir, GRAPH_FILE), 'r');
    try {
      const { buffer, bytesRead } = await fh.read(Buffer.alloc(256), 0, 256, 0);
      return /^\{"version":1,"meta":\{"generator":"paper-kg"/.test(buffer.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
}

/**
 * Checks --out before any work: it must be a directory (or creatable), writable, empty or a paper-kg build (or
 * `force`), with no build writing into it. Throws E_OUTPUT_* errors with a hint.
 */
export async function checkOutputDirectory(out: string, force = false): Promise<OutputState> {
  const p = buildDirPaths(out);
  let st;
  try {
    st = await stat(p.out);
  } catch (e) {
    if (errnoOf(e) === 'ENOTDIR') throw outputError(e, 'be created', p.out);
    if (errnoOf(e) !== 'ENOENT') throw outputError(e, 'be read', p.out);
  }
  if (st && !st.isDirectory())
    throw new PaperKgError('E_OUTPUT_UNWRITABLE', `${p.out}: is a file; expected a directory for the build (pass a folder to --out)`, p.out);
  // The staging directory and the lock live beside --out: its parent must exist (it is made) and be writable.
  try {
    await mkdir(dirname(p.out), { recursive: true });
    await access(dirname(p.out), fsConstants.W_OK);
    if (st) await access(p.out, fsConstants.W_OK);
  } catch (e) {
    throw outputError(e, st ? 'be written' : 'be created', p.out);
  }
  const lockInfo = await readLock(p.lock);
  if (lockIsLive(lockInfo) && lockInfo!.pid !== process.pid) throw lockedError(p.out, p.lock, lockInfo!);
  await recoverBuildDirectory(p.out);
  if (!st) return { out: p.out };
  const manifest = await readManifest(p.out).catch(() => undefined);
  if (manifest) return { out: p.out, manifest };
  if (await isBuildWithoutManifest(p.out)) return { out: p.out };
  const entries = (await readdir(p.out)).filter((n) => n !== '.DS_Store');
  if (entries.length > 0 && !force) {
    const shown = entries.sort().slice(0, 5).join(', ') + (entries.length > 5 ? `, … (${entries.length} entries)` : '');
    throw new PaperKgError(
      'E_OUTPUT_NOT_BUILD',
      `${p.out}: is not empty and holds no paper-kg build (no ${MANIFEST_FILE}; it has ${shown}); choose an empty or new directory, or pass --force to write the build beside these files (none of them is removed; files of the same name are replaced)`,
      p.out,
    );
  }
  return { out: p.out };
}

/** Bytes gathered before a write: ~1 MB, so a 400 MB output is ~400 writes. */
const WRITE_BATCH = 1 << 20;

/**
 * Writes text to `file` as UTF-8, telling `onBytes` each encoded batch in order (the hash and byte count). `texts` may be
 * small pieces (an element, a line) or big chunks: each is encoded straight into a ~1 MB batch buffer.
 * NOTE: before, each ~64k-character chunk was a string joined from hundreds of pieces, then encoded three times
 * (writeFile, hash.update(string), Buffer.byteLength): joining and encoding cost ~40 % of writing an output. The next
 * batch is encoded while the previous one is written (one write in flight). A piece is never split, so a surrogate pair
 * stays whole (no exporter splits one across pieces).
 */
async function writeEncoded(file: string, texts: Iterable<string>, onBytes: (buf: Buffer) => void): Promise<void> {
  const fh = await open(file, 'w');
  let pending: Promise<void> = Promise.resolve();
  const writeAll = async (data: Buffer): Promise<void> => {
    let rest = data;
    while (rest.length) {
      // A short write (rare on files) leaves the tail to write again.
      const { bytesWritten } = await fh.write(rest);
      rest = rest.subarray(bytesWritten);
    }
  };
  const flush = async (data: Buffer): Promise<void> => {
    onBytes(data);
    await pending;
    pending = writeAll(data);
  };
  try {
    let batch = Buffer.allocUnsafe(WRITE_BATCH);
    let used = 0;
    for (const text of texts) {
      // NOTE: a UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
      if (text.length * 3 > batch.length - used) {
        if (used > 0) {
          await flush(batch.subarray(0, used));
          batch = Buffer.allocUnsafe(WRITE_BATCH);
          used = 0;
        }
        if (text.length * 3 > batch.length) {
          await flush(Buffer.from(text, 'utf8'));
          continue;
        }
      }
      used += batch.write(text, used, 'utf8');
    }
    if (used > 0) await flush(batch.subarray(0, used));
    await pending;
  } catch (e) {
    // A failing text source leaves no write running on the handle being closed.
    await pending.catch(() => {});
    throw e;
  } finally {
    await fh.close();
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Streams the outputs of one build into the staging directory, then swaps them into --out (see the protocol above). */
export class BuildWriter {
  readonly out: string;
  readonly previous?: BuildManifest;
  private readonly paths: ReturnType<typeof buildDirPaths>;
  private readonly command: string;
  private readonly entries = new Map<string, { path: string; bytes: number; sha256: string }>();
  private locked = false;
  private done = false;
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    try {
      this.cleanupSync();
    } catch {
      // Left for the next command to clean (see cleanupSync); the process still ends as interrupted.
    }
    process.stderr.write(`paper-kg: interrupted (${signal}); ${this.out} is left as it was\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  private constructor(state: OutputState, command: string) {
    this.out = state.out;
    this.previous = state.manifest;
    this.paths = buildDirPaths(state.out);
    this.command = command;
  }

  /** Preflight (checkOutputDirectory) and a writer; nothing is written until the first `write`. */
  static async open(out: string, options: BuildWriterOptions): Promise<BuildWriter> {
    return new BuildWriter(await checkOutputDirectory(out, options.force), options.command);
  }

  /** Takes the lock and makes a clean staging directory (the first write does it). */
  private async begin(): Promise<void> {
    if (this.locked) return;
    const { lock, staging } = this.paths;
    const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
    for (let attempt = 0; ; attempt++) {
      try {
        const fh = await open(lock, 'wx');
        await fh.writeFile(JSON.stringify(info) + '\n');
        await fh.close();
        break;
      } catch (e) {
        if (errnoOf(e) !== 'EEXIST') throw outputError(e, 'be locked', this.out);
        const other = await readLock(lock);
        if (attempt > 0 || lockIsLive(other)) throw lockedError(this.out, lock, other ?? { pid: -1, host: '?', started: '?' });
        await rm(lock, { force: true }); // stale: its build is gone
      }
    }
    this.locked = true;
    for (const s of SIGNALS) process.on(s, this.onSignal);
    try {
      await rm(staging, { recursive: true, force: true });
      await mkdir(staging, { recursive: true });
    } catch (e) {
      await this.abort();
      throw outputError(e, 'be staged', this.out);
    }
  }

  /** Writes one output (text or chunks of text, streamed); returns its size in bytes. `path` is relative ("overview/t1.json"). */
  async write(path: string, data: string | Iterable<string>): Promise<number> {
    if (this.done) throw new Error(`BuildWriter: ${path} written after commit or abort`);
    if (path === MANIFEST_FILE || path.startsWith('/') || path.split('/').some((s) => s === '..' || s === ''))
      throw new Error(`BuildWriter: bad output path "${path}"`);
    await this.begin();
    const hash = createHash('sha256');
    let bytes = 0;
    const file = join(this.paths.staging, path.split('/').join(sep));
    try {
      await mkdir(dirname(file), { recursive: true });
      await writeEncoded(file, typeof data === 'string' ? [data] : data, (buf) => {
        hash.update(buf);
        bytes += buf.length;
      });
    } catch (e) {
      await this.abort();
      throw outputError(e, `be written (${path})`, this.out);
    }
    this.entries.set(path, { path, bytes, sha256: hash.digest('hex') });
    return bytes;
  }

  /** Writes the manifest and swaps the staged build into --out; the old build's files the new one lacks are removed. */
  async commit(counts: BuildManifest['counts']): Promise<BuildManifest> {
    await this.begin();
    const files = [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const manifest: BuildManifest = { format: 'paper-kg-build', version: 1, command: this.command, counts, files };
    try {
      await writeFile(join(this.paths.staging, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
      await rename(this.paths.staging, this.paths.commit); // the commit point
    } catch (e) {
      await this.abort();
      throw outputError(e, 'be written (manifest)', this.out);
    }
    try {
      await applyCommit(this.out, this.paths.commit);
    } catch (e) {
      // NOTE: past the commit point the new build wins: the journal stays, and the next command finishes the swap.
      this.release();
      throw new PaperKgError(
        'E_BUILD_INCOMPLETE',
        `${this.out}: the new build was written but not all swapped in (${errnoOf(e) ?? (e as Error).message}); run the command again, or any paper-kg command on the directory, to finish it`,
        this.out,
      );
    }
    // NOTE: the lock goes before the signal handlers do: a SIGINT in between would end the process with the lock left.
    await rm(this.paths.lock, { force: true });
    this.release();
    return manifest;
  }

  /** Deletes the staging directory and the lock; --out stays as it was. */
  async abort(): Promise<void> {
    if (this.done) return;
    if (this.locked) {
      // NOTE: the handlers stay until both are gone (a signal meanwhile removes them synchronously, as while writing).
      await rm(this.paths.staging, { recursive: true, force: true });
      await rm(this.paths.lock, { force: true });
    }
    this.release();
  }

  private release(): void {
    this.done = true;
    for (const s of SIGNALS) process.off(s, this.onSignal);
  }

  private cleanupSync(): void {
    if (!this.locked) return;
    // NOTE: a signal during the swap (commit directory present) leaves the journal for the next command to finish.
    // A write still running on libuv's threads can add a file to the staging directory while it is being removed
    // (ENOTEMPTY): retried, and whatever is left is the next command's to clean, as after a SIGKILL; the lock goes anyway.
    try {
      rmSync(this.paths.staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } finally {
      rmSync(this.paths.lock, { force: true });
    }
  }
}

/** Runs `fn` with a writer and commits its build; any error aborts the writer (nothing of --out changes) and is rethrown. */
export async function writeBuild<T>(
  writer: BuildWriter,
  fn: (w: BuildWriter) => Promise<{ counts: BuildManifest['counts']; value: T }>,
): Promise<{ manifest: BuildManifest; value: T }> {
  let result;
  try {
    result = await fn(writer);
  } catch (e) {
    await writer.abort();
    throw e;
  }
  const manifest = await writer.commit(result.counts);
  return { manifest, value: result.value };
}

// ---------------------------------------------------------------------------------------------------------------------
// Reading

export interface ReadBuildOptions {
  /** 'size' (default: cheap, every file's size against the manifest) or 'hash' (sha256 of every file: what a rewrite checks first). */
  verify?: 'size' | 'hash';
}

function mixedError(dir: string, detail: string): PaperKgError {
  return new PaperKgError(
    'E_BUILD_MIXED',
    `${dir}: its files are not from one build (${detail}); rebuild it with "paper-kg build <inputs…> --out ${dir}" (the inputs of its graph.json meta.inputs)`,
    dir,
  );
}

async function sha256File(path: string): Promise<string> {
  const { createReadStream } = await import('node:fs');
  const hash = createHash('sha256');
  for await (const buf of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(buf as Buffer);
  return hash.digest('hex');
}

/**
 * Checks that a build directory is whole: an interrupted build is finished or rolled back first, then every file of the
 * manifest must be there with its size (and with `verify: 'hash'` its sha256). Returns the manifest, or undefined for a
 * build from before manifests (it is read as it is). Throws E_BUILD_MISSING / E_BUILD_MALFORMED / E_BUILD_MIXED.
 */
export async function checkBuildDirectory(dir: string, options: ReadBuildOptions = {}): Promise<BuildManifest | undefined> {
  await recoverBuildDirectory(dir);
  const manifest = await readManifest(dir);
  if (!manifest) return undefined;
  for (const f of manifest.files) {
    const path = join(dir, f.path);
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw mixedError(dir, `${f.path} is listed in ${MANIFEST_FILE} but missing`);
    }
    if (size !== f.bytes) throw mixedError(dir, `${f.path} has ${size} bytes, ${MANIFEST_FILE} says ${f.bytes}`);
    if (options.verify === 'hash' && (await sha256File(path)) !== f.sha256) throw mixedError(dir, `${f.path} does not have the sha256 ${MANIFEST_FILE} gives`);
  }
  return manifest;
}

/** Reads and validates graph.json of a build directory (what query, serve and export work on). */
export async function loadGraphDirectory(dir: string, options: ReadBuildOptions = {}): Promise<GraphJson> {
  await checkBuildDirectory(dir, options);
  return readGraphJson(dir);
}

/** The text of one file of a build directory; one that cannot be read is E_BUILD_MISSING, its message ending with `fix`. */
async function readBuildFile(dir: string, name: string, fix: string): Promise<{ path: string; text: string }> {
  const path = join(dir, name);
  try {
    return { path, text: await readFile(path, 'utf8') };
  } catch (e) {
    throw new PaperKgError('E_BUILD_MISSING', `${path}: cannot be read (${errnoOf(e) ?? (e as Error).message}); ${fix}`, path);
  }
}

async function readGraphJson(dir: string): Promise<GraphJson> {
  const { path, text } = await readBuildFile(dir, GRAPH_FILE, `build it first with "paper-kg build <inputs…> --out ${dir}"`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new PaperKgError('E_BUILD_MALFORMED', `${path}: is not valid JSON (${(e as Error).message}); rebuild it with "paper-kg build"`, path);
  }
  const parsed = GraphJsonSchema.safeParse(json);
  if (!parsed.success)
    throw new PaperKgError(
      'E_BUILD_MALFORMED',
      `${path}: is not a paper-kg graph.json (${formatZodIssues(parsed.error.issues.slice(0, 3))}); rebuild it with "paper-kg build"`,
      path,
    );
  return parsed.data;
}

/** Reads papers.jsonl of a build directory; a build without one predates updates and must be rebuilt. */
export async function loadBuildPapers(dir: string): Promise<Paper[]> {
  const { path, text } = await readBuildFile(
    dir,
    PAPERS_FILE,
    `a build keeps its papers in ${PAPERS_FILE} since updates came in: rebuild it once with "paper-kg build <inputs…> --out ${dir}"`,
  );
  return parsePapersJsonl(text, path);
}

/**
 * A build to rewrite (build --update, import-themes): every file hashed against the manifest, then graph.json and
 * papers.jsonl read and checked to hold the same papers (what also catches a mixed build from before manifests).
 */
export async function loadBuildForRewrite(dir: string): Promise<{ graph: GraphJson; papers: Paper[]; manifest?: BuildManifest }> {
  const manifest = await checkBuildDirectory(dir, { verify: 'hash' });
  const graph = await readGraphJson(dir);
  const papers = await loadBuildPapers(dir);
  const inGraph = graph.graph.nodes.filter((n) => n.attributes.kind === 'paper').length;
  if (inGraph !== papers.length) throw mixedError(dir, `${GRAPH_FILE} has ${inGraph} papers, ${PAPERS_FILE} ${papers.length}`);
  if (manifest && manifest.counts.papers !== papers.length)
    throw mixedError(dir, `${MANIFEST_FILE} counts ${manifest.counts.papers} papers, ${PAPERS_FILE} has ${papers.length}`);
  return { graph, papers, manifest };
}
