// Helpers every CLI command shares: reading inputs with a per-file summary, quiet-aware logging, failures.
import { Option, type Command } from 'commander';
import { ingest, FORMAT_NAMES, type IngestMessage, type IngestOptions, type IngestResult } from '../ingest/index.ts';
import { inputSource } from '../io/files.ts';
import { PaperKgError } from '../errors.ts';
import { cliIo, setExitCode } from './io.ts';

export interface CommonOptions {
  quiet?: boolean;
}

/** Messages for people go to stderr, so stdout stays clean for data (JSONL, JSON). */
export function info(opts: CommonOptions, line: string): void {
  if (!opts.quiet) cliIo().stderr.write(line + '\n');
}

export function fail(message: string, code = 1): void {
  cliIo().stderr.write(`paper-kg: ${message}\n`);
  setExitCode(code);
}

/** Adds the options that choose how inputs are read. */
export function addInputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <name>', 'read every input as this format instead of detecting it').choices([...FORMAT_NAMES]))
    .option('--listing-date <YYYY-MM-DD>', 'listing date of an HF page: completes dates shown without a year')
    .option('--field-map <pairs>', 'CSV/JSONL columns, e.g. "title=Title,abstract=Abstract Note,authors=Author"')
    .option('-q, --quiet', 'print nothing but errors');
}

/** The one mapping from the input options of the CLI to the ingest stage's options (ingest, extract, build, build --update). */
export function ingestOptionsFromCli(opts: InputOptions): Partial<IngestOptions> {
  return { format: opts.format, listingDate: opts.listingDate, fieldMap: parseFieldMap(opts.fieldMap) };
}

export interface InputOptions extends CommonOptions {
  format?: (typeof FORMAT_NAMES)[number];
  listingDate?: string;
  fieldMap?: string;
}

function parseFieldMap(spec: string | undefined): Record<string, string> | undefined {
  if (!spec) return undefined;
  const map: Record<string, string> = {};
  for (const pair of spec.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new PaperKgError('E_OPTIONS', `--field-map: expected field=column pairs separated by commas, got "${pair}"`);
    map[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return map;
}

/** Prints the counts per file (and a FAILED line with the code for a file that failed), then the total. */
export function printFileSummaries(result: IngestResult, opts: CommonOptions): void {
  for (const f of result.files) {
    const status = f.error ? `FAILED (${f.error.code})` : `${f.format}: read ${f.read}, parsed ${f.parsed}, merged ${f.merged}, skipped ${f.skipped}`;
    info(opts, `${f.file}: ${status}`);
  }
  info(opts, `${result.papers.length} papers from ${result.files.length} file(s)`);
}

/** Ingests the inputs and prints, on stderr, every problem and the counts per file. */
export async function readInputs(paths: string[], opts: InputOptions): Promise<IngestResult> {
  const result = await ingest(paths.map(inputSource), ingestOptionsFromCli(opts));
  printIngestMessages(result.messages, opts);
  printFileSummaries(result, opts);
  if (!result.ok) setExitCode(1);
  return result;
}

/** Parses a numeric option, or says which option and what it expected. */
export function parseNumberOption(name: string, value: string, integer: boolean): number {
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)))
    throw new PaperKgError('E_OPTIONS', `--${name}: expected ${integer ? 'an integer' : 'a number'}, got "${value}"`);
  return n;
}

/** Prints every ingest problem on stderr with its file, line and record (warnings only without --quiet). */
export function printIngestMessages(messages: readonly IngestMessage[], opts: CommonOptions): void {
  for (const m of messages) {
    if (m.level === 'warning' && opts.quiet) continue;
    // File-level messages already name their file.
    const where = [m.file, m.line !== undefined ? `line ${m.line}` : undefined, m.index !== undefined ? `record ${m.index}` : undefined]
      .filter(Boolean)
      .join(', ');
    const prefix = m.index === undefined && m.line === undefined ? '' : `${where}: `;
    cliIo().stderr.write(`${m.level}: ${prefix}${m.message}\n`);
  }
}

// C0 controls but the newline (a tab becomes a space), DEL, C1 controls, and the bidi embeddings, overrides, isolates and
// marks (U+061C, U+200E/F, U+202A–E, U+2066–9).
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for a terminal: paper titles are untrusted, and an escape sequence (ESC [ …) or a right-to-left override in one
 * would repaint or reorder what people read. Used on every table query and extract print (JSON output is escaped already).
 */
export function printable(text: string): string {
  return text.replace(/\t/g, ' ').replace(UNPRINTABLE, '');
}
