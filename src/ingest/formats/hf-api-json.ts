// Reader for the Hugging Face Daily Papers API JSON (/api/daily_papers): one JSON array of entries per day.
import type { FormatReader, ReadItem } from '../types.ts';
import { PaperKgError } from '../../errors.ts';
import { expectHfList, hfRecordToItem } from './hf-record.ts';

/** JSON.parse with the error turned into a PaperKgError that names the file and says what was expected. */
export function parseJsonText(text: string, file: string, expected: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const hint = /end of (JSON )?input|Unterminated/i.test((e as Error).message) ? ' (the file looks truncated: download or save it again)' : '';
    throw new PaperKgError('E_FORMAT_MALFORMED', `${file}: not valid JSON: ${(e as Error).message}${hint}; expected ${expected}`, file);
  }
}

export const hfApiJson: FormatReader = {
  name: 'hf-api-json',
  description: 'Hugging Face Daily Papers API JSON (/api/daily_papers?date=…), one array per day',
  detect(head) {
    const start = head.trimStart();
    if (!start.startsWith('[') && !start.startsWith('{')) return 0;
    if (/"paper"\s*:\s*\{/.test(head) && /"(publishedAt|upvotes|summary)"\s*:/.test(head)) return 0.95;
    if (/"dailyPapers"\s*:\s*\[/.test(head)) return 0.9;
    // NOTE: a buggy harvest writes Python reprs ("{'paper': {...}}"); claim them so the reader can say so.
    if (start.startsWith('[') && /^\[\s*"\{'paper':/.test(start)) return 0.9;
    return 0;
  },
  async *read(source): AsyncIterable<ReadItem> {
    const list = expectHfList(parseJsonText(await source.text(), source.name, 'a JSON array of Daily Papers objects'), source.name);
    for (let i = 0; i < list.length; i++) yield hfRecordToItem(list[i], i, source.name, 'hf-api-json');
  },
};
