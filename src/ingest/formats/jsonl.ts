// Reader for generic JSON Lines listings (one paper object per line), streamed line by line.
import type { FormatReader, ReadItem, SourceInput } from '../types.ts';
import { ALIAS_TITLES, MAX_RECORD_CHARS, genericToItems, normaliseKey, planFields } from './generic-record.ts';

interface BoundedLine {
  text: string;
  line: number;
  /** Set instead of text when the line is longer than the limit: its length, the text having been dropped. */
  tooLong?: number;
}

/**
 * Yields the lines of a source with their 1-based numbers, holding at most one chunk and one line of up to `max` chars;
 * a longer line is skipped over (not kept) and reported by its length.
 */
export async function* boundedLines(source: SourceInput, max: number): AsyncIterable<BoundedLine> {
  let rest = '';
  let line = 1;
  let dropping = 0;
  for await (const chunk of source.chunks()) {
    let from = 0;
    let nl: number;
    while ((nl = chunk.indexOf('\n', from)) !== -1) {
      if (dropping) {
        yield { text: '', line: line++, tooLong: dropping + nl - from };
        dropping = 0;
      } else {
        const text = rest + chunk.slice(from, nl);
        rest = '';
        if (text.length > max) yield { text: '', line: line++, tooLong: text.length };
        else yield { text: text.endsWith('\r') ? text.slice(0, -1) : text, line: line++ };
      }
      from = nl + 1;
    }
    const tail = chunk.length - from;
    if (dropping) dropping += tail;
    else if (rest.length + tail > max) ((dropping = rest.length + tail), (rest = ''));
    else rest += chunk.slice(from);
  }
  if (dropping) yield { text: '', line, tooLong: dropping };
  else if (rest) yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line };
}

const TITLE_KEY = new RegExp(`"(${ALIAS_TITLES.join('|')})"\\s*:`, 'i');

export const jsonl: FormatReader = {
  name: 'jsonl',
  description: 'JSON Lines, one paper object per line (title, abstract, authors, date, id; other keys via --field-map)',
  detect(head) {
    const first =
      head
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim() ?? '';
    if (!first.startsWith('{')) return 0;
    let o: unknown;
    try {
      o = JSON.parse(first);
    } catch {
      // A first line longer than the head (or broken): its key names still tell.
      return TITLE_KEY.test(first) ? 0.5 : 0;
    }
    if (!o || typeof o !== 'object' || Array.isArray(o)) return 0;
    // NOTE: 0.5 and below, so that a specific JSONL reader (the arXiv snapshot, 0.9) wins on its own records.
    return Object.keys(o).some((k) => ALIAS_TITLES.includes(normaliseKey(k))) ? 0.5 : 0.2;
  },
  async *read(source, options): AsyncIterable<ReadItem> {
    let index = 0;
    for await (const { text, line, tooLong } of boundedLines(source, MAX_RECORD_CHARS)) {
      if (tooLong === undefined && !text.trim()) continue;
      const i = index++;
      if (tooLong !== undefined) {
        yield {
          kind: 'skip',
          index: i,
          line,
          reason: `line is ${(tooLong / (1024 * 1024)).toFixed(1)} MB long, over the ${MAX_RECORD_CHARS / (1024 * 1024)} MB limit for one record; skipped without reading it`,
        };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        yield { kind: 'skip', index: i, line, reason: `not valid JSON (${(e as Error).message}); expected one JSON object per line` };
        continue;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        yield {
          kind: 'skip',
          index: i,
          line,
          reason: `expected a JSON object per line, got ${Array.isArray(value) ? 'an array' : (JSON.stringify(value)?.slice(0, 20) ?? typeof value)}`,
        };
        continue;
      }
      const record = value as Record<string, unknown>;
      yield* genericToItems(record, planFields(Object.keys(record), options.fieldMap), { file: source.name, format: 'jsonl', index: i, line });
    }
  },
};
