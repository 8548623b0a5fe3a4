// Reader for a saved Hugging Face papers page (HTML): the Daily Papers JSON in the DailyPapers component's data-props.
import { decodeHTMLAttribute } from 'entities';
import type { FormatReader, ReadItem } from '../types.ts';
import { PaperKgError } from '../../errors.ts';
import { expectHfList, hfRecordToItem } from './hf-record.ts';
import { parseJsonText } from './hf-api-json.ts';

const MARKER = 'data-target="DailyPapers"';

/** The raw (still HTML-escaped) data-props value of the DailyPapers element, or undefined. */
function dataProps(html: string): string | undefined {
  const at = html.indexOf(MARKER);
  if (at === -1) return undefined;
  const tagStart = html.lastIndexOf('<', at);
  // NOTE: in a quoted attribute every '"' of the JSON is escaped (&quot;), so the next '"' closes the value; '>' may
  // appear raw inside it, so the tag's end cannot be found by looking for '>'.
  const re = /\sdata-props="([^"]*)"/g;
  re.lastIndex = tagStart;
  return re.exec(html)?.[1];
}

export const hfHtml: FormatReader = {
  name: 'hf-html',
  description: 'a saved Hugging Face papers page (HTML), read from its embedded Daily Papers data',
  detect(head) {
    if (head.includes(MARKER)) return 0.95;
    return /<html[\s>]/i.test(head) && /huggingface\.co/i.test(head) ? 0.6 : 0;
  },
  async *read(source): AsyncIterable<ReadItem> {
    const raw = dataProps(await source.text());
    if (raw === undefined) {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${source.name}: no Daily Papers data found; expected a page saved from https://huggingface.co/papers with a ` +
          `<div … ${MARKER} data-props="…"> element (save the page as "HTML only", or use the API JSON instead)`,
        source.name,
      );
    }
    const props = parseJsonText(decodeHTMLAttribute(raw), source.name, 'the data-props attribute to hold HTML-escaped JSON');
    const list = expectHfList(props, source.name);
    for (let i = 0; i < list.length; i++) yield hfRecordToItem(list[i], i, source.name, 'hf-html');
  },
};
