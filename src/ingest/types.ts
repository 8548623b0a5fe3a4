// Contracts between the ingest stage and its format readers.
import type { PaperInput } from '../model/paper.ts';

export const FORMAT_NAMES = [
  'hf-page-text',
  'hf-api-json',
  'hf-html',
  'arxiv-atom',
  'arxiv-oai-pmh',
  'arxiv-oai-jsonl',
  'bibtex',
  'csl-json',
  'csv',
  'jsonl',
] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/** One input, however it is stored: readers never touch the file system, so the viewer can reuse them. */
export interface SourceInput {
  /** Base name, used in provenance and messages (never an absolute path). */
  name: string;
  /** The whole text (decoded as UTF-8, BOM removed); for formats parsed whole. */
  text(): Promise<string>;
  /** The text as it streams in, in chunks of arbitrary size; for large JSONL / XML inputs. */
  chunks(): AsyncIterable<string>;
}

export type ReadItem =
  | { kind: 'paper'; paper: PaperInput; index: number; line?: number }
  | { kind: 'skip'; index: number; line?: number; reason: string }
  /** Something worth telling that does not stop the record (an inferred year, a mangled span). */
  | { kind: 'warning'; index: number; line?: number; message: string };

export interface ReaderOptions {
  /** The listing date of an HF page ("YYYY-MM-DD"), used to complete dates shown without a year. */
  listingDate?: string;
  /** For CSV / JSONL: paper field → source column / key. */
  fieldMap?: Partial<Record<MappableField, string>>;
}

export const MAPPABLE_FIELDS = ['id', 'title', 'abstract', 'authors', 'date', 'url', 'doi', 'categories'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

export interface FormatReader {
  name: FormatName;
  /** One line for --help. */
  description: string;
  /** How likely the text (its first 64 KiB) is of this format: 0 = not at all, 1 = certain. */
  detect(head: string, fileName: string): number;
  /** Yields every record of the source, parsed or skipped with a reason. Throws IngestError when the file as a whole is unreadable. */
  read(source: SourceInput, options: ReaderOptions): AsyncIterable<ReadItem>;
}
