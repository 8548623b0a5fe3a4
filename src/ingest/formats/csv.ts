// Reader for generic CSV (and TSV) listings, streamed; columns recognised by name or given with a field map.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { FormatReader, ReadItem } from '../types.ts';
import { PaperKgError } from '../../errors.ts';
import { ALIAS_TITLES, MAX_RECORD_CHARS, genericToItems, normaliseKey, planFields } from './generic-record.ts';

const DELIMITERS = [',', '\t', ';'] as const;

/** The first line's delimiter: the candidate that occurs most often outside double quotes. */
function sniffDelimiter(firstLine: string): string {
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best: string = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = unquoted.split(d).length - 1;
    if (n > most) ((best = d), (most = n));
  }
  return best;
}

function firstLineOf(head: string): string {
  const s = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const nl = s.search(/\r?\n/);
  return nl === -1 ? s : s.slice(0, nl);
}

function headerCells(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
}

function lineBreaks(record: string[]): number {
  let n = 0;
  for (const field of record) for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) n++;
  return n;
}

function megabytes(chars: number): string {
  return `${(chars / (1024 * 1024)).toFixed(1)} MB`;
}

export const csv: FormatReader = {
  name: 'csv',
  description: 'CSV or TSV with a header row (Zotero exports work as they are; other columns via --field-map)',
  detect(head) {
    const line = firstLineOf(head);
    if (!line.trim() || /^\s*[{[<@%#]/.test(line)) return 0;
    const delimiter = sniffDelimiter(line);
    const cells = headerCells(line, delimiter);
    if (cells.length < 2) return 0;
    if (cells.some((c) => ALIAS_TITLES.includes(normaliseKey(c)))) return 0.6;
    return cells.length >= 3 ? 0.15 : 0;
  },
  async *read(source, options): AsyncIterable<ReadItem> {
    let delimiter = ',';
    for await (const chunk of source.chunks()) {
      // NOTE: only the first line is needed; a head of one chunk holds it unless the header is absurdly long.
      delimiter = sniffDelimiter(firstLineOf(chunk));
      break;
    }
    const parser = parse({ bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, info: true });
    const input = Readable.from(source.chunks());
    input.on('error', (e) => parser.destroy(e));
    input.pipe(parser);
    let header: string[] | undefined;
    let plan: ReturnType<typeof planFields> = {};
    let index = 0;
    let nextLine = 1;
    try {
      let emptyBefore = 0;
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { empty_lines: number } }>) {
        // NOTE: a record starts after the previous one and the blank lines skipped since. Its own line breaks are counted
        // in its fields, since csv-parse's info.lines counts a CRLF inside quotes as two lines.
        const line = nextLine + (info.empty_lines - emptyBefore);
        emptyBefore = info.empty_lines;
        nextLine = line + 1 + lineBreaks(record);
        if (!header) {
          header = record.map((c) => c.trim());
          plan = planFields(header, options.fieldMap);
          for (const [field, column] of Object.entries(options.fieldMap ?? {})) {
            if (column !== undefined && !plan[field as keyof typeof plan]?.every((k) => header!.includes(k))) {
              throw new PaperKgError(
                'E_OPTIONS',
                `${source.name}: --field-map ${field}=${column}: no such column; the columns are ${header.map((h) => `"${h}"`).join(', ')}`,
                source.name,
              );
            }
          }
          if (!plan.title) {
            throw new PaperKgError(
              'E_FORMAT_MALFORMED',
              `${source.name}: no title column in the header (${header
                .slice(0, 12)
                .map((h) => `"${h}"`)
                .join(', ')}${header.length > 12 ? ', …' : ''}); expected a column named Title, or pass --field-map title=<column>`,
              source.name,
            );
          }
          continue;
        }
        const i = index++;
        const size = record.reduce((n, c) => n + c.length, 0);
        if (size > MAX_RECORD_CHARS) {
          const widest = record.reduce((w, c, k) => (c.length > record[w].length ? k : w), 0);
          yield {
            kind: 'skip',
            index: i,
            line,
            reason: `row is ${megabytes(size)} long (column "${header[widest] ?? widest + 1}": ${megabytes(record[widest].length)}), over the ${megabytes(MAX_RECORD_CHARS)} limit; a stray quote may have merged many rows into one`,
          };
          continue;
        }
        const row: Record<string, string> = {};
        for (let k = 0; k < header.length; k++) if (record[k] !== undefined && !(header[k] in row)) row[header[k]] = record[k];
        yield* genericToItems(row, plan, { file: source.name, format: 'csv', index: i, line });
      }
    } catch (e) {
      if (e instanceof PaperKgError) throw e;
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${source.name}: not valid CSV near line ${nextLine}: ${(e as Error).message}; check the quoting (a field with a comma, quote or line break must be in double quotes, its quotes doubled)`,
        source.name,
      );
    } finally {
      input.destroy();
      parser.destroy();
    }
  },
};
