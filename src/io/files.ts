// File-system edges of the pipeline: sources read from disk, outputs written atomically.
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { PaperKgError } from '../errors.ts';
import type { SourceInput } from '../ingest/types.ts';

function decodeError(name: string, buf?: Uint8Array): PaperKgError {
  // NOTE: bytes that are not UTF-8 and include NULs are a binary file (an image, a PDF, a zip), not a text in another encoding.
  if (buf?.includes(0)) {
    return new PaperKgError(
      'E_INPUT_BINARY',
      `${name}: looks binary (not UTF-8 text, contains NUL bytes); expected a text listing (HF page text, JSON, XML, BibTeX, CSV, JSONL)`,
      name,
    );
  }
  return new PaperKgError('E_INPUT_ENCODING', `${name}: is not valid UTF-8; re-save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)`, name);
}

/** A SourceInput over a file; decoding is strict UTF-8 so a wrongly encoded file is reported, not garbled. */
export function fileSource(path: string): SourceInput {
  const name = basename(path);
  return {
    name,
    async text() {
      let buf: Buffer;
      try {
        buf = await readFile(path);
      } catch (e) {
        throw new PaperKgError(
          'E_INPUT_UNREADABLE',
          `${name}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`,
          name,
        );
      }
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
      } catch {
        throw decodeError(name, buf);
      }
    },
    async *chunks() {
      const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
      try {
        yield* decodeStream(name, stream, '; check the path');
      } finally {
        stream.destroy();
      }
    },
  };
}

/** UTF-8 text of a byte stream, chunk by chunk; bad bytes are decodeError's, a read failure E_INPUT_UNREADABLE (+ hint). */
async function* decodeStream(name: string, stream: AsyncIterable<unknown>, hint: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    for await (const buf of stream) {
      try {
        yield decoder.decode(buf as Buffer, { stream: true });
      } catch {
        throw decodeError(name, buf as Buffer);
      }
    }
    yield decoder.decode();
  } catch (e) {
    if (e instanceof PaperKgError) throw e;
    throw new PaperKgError('E_INPUT_UNREADABLE', `${name}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})${hint}`, name);
  }
}

/**
 * A SourceInput over a stream that can be read only once (stdin, a FIFO, process substitution): the chunks read to
 * detect the format are kept and replayed to the reader, which then goes on with the same stream.
 */
export function streamSource(name: string, open: () => Readable): SourceInput {
  let iterator: AsyncIterator<string> | undefined;
  let kept: string[] = [];
  let consumers = 0;
  const chunks = async function* (): AsyncGenerator<string> {
    consumers++;
    // NOTE: the first reader (format detection) reads a head and stops; the second (the format's reader) gets that head
    // again, then the rest. A third would find the stream gone: say so rather than read nothing.
    if (consumers > 2) throw new PaperKgError('E_INPUT_UNREADABLE', `${name}: a stream (stdin, a pipe) can be read only once`, name);
    const keep = consumers === 1;
    const replay = kept;
    kept = [];
    for (const c of replay) yield c;
    iterator ??= decodeStream(name, open(), '')[Symbol.asyncIterator]();
    for (;;) {
      // NOTE: next() by hand, never return(): a consumer that stops early must not close the stream for the next one.
      const r = await iterator.next();
      if (r.done) return;
      if (keep) kept.push(r.value);
      yield r.value;
    }
  };
  return {
    name,
    async text() {
      let out = '';
      for await (const c of chunks()) out += c;
      return out.charCodeAt(0) === 0xfeff ? out.slice(1) : out;
    },
    chunks,
  };
}

/**
 * The source for one command-line input: `-` is stdin; a path that is not a regular file (/dev/stdin on a pipe, a FIFO,
 * bash's <(…)) is read once as a stream; a regular file as a file.
 */
export function inputSource(path: string): SourceInput {
  if (path === '-') return streamSource('stdin', () => process.stdin);
  let regular = true;
  try {
    regular = statSync(path).isFile();
  } catch {
    // Missing or unreadable: fileSource reports it with its code.
  }
  if (regular) return fileSource(path);
  const name = path === '/dev/stdin' || path === '/proc/self/fd/0' ? 'stdin' : basename(path);
  return streamSource(name, () => createReadStream(path, { highWaterMark: 256 * 1024 }));
}

/** A SourceInput over text in memory (tests, the viewer, stdin). */
export function textSource(name: string, text: string): SourceInput {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return {
    name,
    text: async () => clean,
    async *chunks() {
      for (let i = 0; i < clean.length; i += 256 * 1024) yield clean.slice(i, i + 256 * 1024);
    },
  };
}

/**
 * Writes a file atomically: a temp file beside it, then a rename, so an interrupted build leaves no half file. `data`
 * may be chunks of text (an exporter's), written as they come.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
