// The ingest stage: detects each input's format, reads every record (parsed or reported), merges duplicates.
import { PaperSchema, type Paper } from '../model/paper.ts';
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { READERS, readerFor } from './formats/index.ts';
import { mergePapers } from './merge.ts';
import { MAX_RECORD_CHARS } from './formats/generic-record.ts';
import type { PaperInput } from '../model/paper.ts';
import { resolveIngestOptions, type IngestOptions } from './options.ts';
import type { FormatName, SourceInput } from './types.ts';

export type { FormatName, SourceInput, FormatReader, ReadItem } from './types.ts';
export { FORMAT_NAMES } from './types.ts';
export { IngestOptionsSchema, DEFAULT_INGEST_OPTIONS, resolveIngestOptions, type IngestOptions } from './options.ts';
export { mergePapers } from './merge.ts';
export { READERS } from './formats/index.ts';

export interface IngestMessage {
  level: 'error' | 'warning';
  file: string;
  /** 0-based record index within the file, when the message is about one record. */
  index?: number;
  line?: number;
  message: string;
}

export interface FileReport {
  file: string;
  format?: FormatName;
  /** Records found in the file (parsed + skipped). */
  read: number;
  parsed: number;
  skipped: number;
  /** Parsed records that were merged into a record of an earlier file or position. */
  merged: number;
  /** Set when the file as a whole could not be read; its records are then not counted. */
  error?: { code: string; message: string };
}

export interface IngestResult {
  papers: Paper[];
  files: FileReport[];
  messages: IngestMessage[];
  /** False when any file failed as a whole: the CLI exits non-zero. */
  ok: boolean;
}

const HEAD_BYTES = 64 * 1024;

/** Characters of text a record brings to extraction (title, abstract, author names). */
function recordChars(p: PaperInput): number {
  let n = (typeof p.title === 'string' ? p.title.length : 0) + (typeof p.abstract === 'string' ? p.abstract.length : 0);
  for (const a of p.authors?.names ?? []) n += typeof a === 'string' ? a.length : 0;
  return n;
}

/** Reads the first 64 KiB of a source's text, for detection. */
export async function readHead(source: SourceInput): Promise<string> {
  let head = '';
  for await (const chunk of source.chunks()) {
    head += chunk;
    if (head.length >= HEAD_BYTES) break;
  }
  return head.slice(0, HEAD_BYTES);
}

/** The best-scoring format for a source; throws a PaperKgError when the input is empty, binary or unknown. */
export async function detectFormat(source: SourceInput): Promise<FormatName> {
  const head = await readHead(source);
  if (head.trim() === '') throw new PaperKgError('E_INPUT_EMPTY', `${source.name}: the file is empty; expected paper records`, source.name);
  if (head.includes('\u0000')) {
    throw new PaperKgError(
      'E_INPUT_BINARY',
      `${source.name}: looks binary (contains NUL bytes); expected a text listing (HF page text, JSON, XML, BibTeX, CSV, JSONL)`,
      source.name,
    );
  }
  let best: { name: FormatName; score: number } | undefined;
  for (const r of READERS) {
    const score = r.detect(head, source.name);
    if (score > 0 && (!best || score > best.score)) best = { name: r.name, score };
  }
  if (!best) {
    throw new PaperKgError(
      'E_FORMAT_UNKNOWN',
      `${source.name}: could not tell the format from its content; pass --format with one of: ${READERS.map((r) => r.name).join(', ')}`,
      source.name,
    );
  }
  return best.name;
}

/** Reads, validates and merges the papers of every source; one bad file never stops the others (bad options throw E_OPTIONS). */
export async function ingest(sources: SourceInput[], options: Partial<IngestOptions> = {}): Promise<IngestResult> {
  const opts = resolveIngestOptions(options);
  const records: Paper[] = [];
  const files: FileReport[] = [];
  const messages: IngestMessage[] = [];
  let ok = true;
  for (const source of sources) {
    const report: FileReport = { file: source.name, read: 0, parsed: 0, skipped: 0, merged: 0 };
    files.push(report);
    const fileRecords: Paper[] = [];
    const fileMessages: IngestMessage[] = [];
    try {
      const format = opts.format ?? (await detectFormat(source));
      report.format = format;
      for await (const item of readerFor(format).read(source, { listingDate: opts.listingDate, fieldMap: opts.fieldMap })) {
        if (item.kind === 'warning') {
          fileMessages.push({ level: 'warning', file: source.name, index: item.index, line: item.line, message: item.message });
          continue;
        }
        report.read++;
        if (item.kind === 'skip') {
          report.skipped++;
          fileMessages.push({ level: 'error', file: source.name, index: item.index, line: item.line, message: item.reason });
          continue;
        }
        // One cap for every format (JSONL and CSV apply it before parsing a line; JSON arrays, XML and BibTeX here): a
        // record of 50 MB of text is a broken file, and extraction on it would run for minutes without a word.
        const chars = recordChars(item.paper);
        if (chars > MAX_RECORD_CHARS) {
          report.skipped++;
          fileMessages.push({
            level: 'error',
            file: source.name,
            index: item.index,
            line: item.line,
            message: `record is ${(chars / (1024 * 1024)).toFixed(1)} MB of text, over the ${MAX_RECORD_CHARS / (1024 * 1024)} MB limit for one record; skipped`,
          });
          continue;
        }
        const parsed = PaperSchema.safeParse(item.paper);
        if (parsed.success) {
          report.parsed++;
          fileRecords.push(parsed.data);
        } else {
          report.skipped++;
          fileMessages.push({
            level: 'error',
            file: source.name,
            index: item.index,
            line: item.line,
            message: `invalid record: ${formatZodIssues(parsed.error.issues)}`,
          });
        }
      }
      // NOTE: a loop, not push(...list): spreading hundreds of thousands of records overflows the call stack.
      for (const r of fileRecords) records.push(r);
      for (const m of fileMessages) messages.push(m);
      // A file that yields no paper is an error for every command (a --field-map naming no column, JSON of another
      // shape): its skipped records are reported above, and the exit code says it.
      if (report.parsed === 0) {
        ok = false;
        const why = report.read === 0 ? `no paper record found in it as ${format}` : `all ${report.read} record(s) were skipped (see above)`;
        const hint = report.read === 0 ? '; check --format' + (format === 'csv' || format === 'jsonl' ? ' and --field-map' : '') : '';
        const message = `${source.name}: yielded no paper: ${why}${hint}`;
        report.error = { code: 'E_INPUT_EMPTY', message };
        messages.push({ level: 'error', file: source.name, message });
      }
    } catch (err) {
      ok = false;
      const e = err instanceof PaperKgError ? err : new PaperKgError('E_INPUT_UNREADABLE', `${source.name}: ${(err as Error).message}`, source.name);
      // NOTE: a streamed format that faults part way (a truncated harvest, a cut JSONL) keeps the records read before
      // the fault, and says so; the file still fails (exit 1). Formats read whole fault before their first record.
      for (const r of fileRecords) records.push(r);
      for (const m of fileMessages) messages.push(m);
      const kept = fileRecords.length ? `; the ${fileRecords.length} record(s) read before it are kept` : '';
      report.error = { code: e.code, message: e.message + kept };
      messages.push({ level: 'error', file: source.name, message: e.message + kept });
    }
  }
  const { papers, mergedByFile, conflicts } = mergePapers(records);
  for (const f of files) f.merged = mergedByFile.get(f.file) ?? 0;
  // Kept apart, and said: a pair that shares an id or a title but not the paper (see merge.ts).
  const FIELD = { arxiv: 'arXiv ids', doi: 'DOIs', title: 'titles' } as const;
  for (const c of conflicts) {
    const where = `${c.first.file} record ${c.first.index}${c.first.line !== undefined ? ` (line ${c.first.line})` : ''}`;
    messages.push({
      level: 'warning',
      file: c.second.file,
      index: c.second.index,
      line: c.second.line,
      message: `not merged with ${where}: they share ${c.key.replace(':', ' ')} but their ${FIELD[c.field]} differ (${JSON.stringify(c.second.value)} here, ${JSON.stringify(c.first.value)} there); kept as two papers`,
    });
  }
  return { papers, files, messages, ok };
}
