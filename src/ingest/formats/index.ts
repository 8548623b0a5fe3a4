// The registry of format readers, in the order detection prefers them when two score the same.
import type { FormatName, FormatReader } from '../types.ts';
import { hfPageText } from './hf-page-text.ts';
import { hfApiJson } from './hf-api-json.ts';
import { hfHtml } from './hf-html.ts';
import { arxivAtom } from './arxiv-atom.ts';
import { arxivOaiPmh } from './arxiv-oai-pmh.ts';
import { arxivOaiJsonl } from './arxiv-oai-jsonl.ts';
import { bibtex } from './bibtex.ts';
import { cslJson } from './csl-json.ts';
import { csv } from './csv.ts';
import { jsonl } from './jsonl.ts';

export const READERS: readonly FormatReader[] = Object.freeze([
  hfPageText,
  hfApiJson,
  hfHtml,
  arxivAtom,
  arxivOaiPmh,
  arxivOaiJsonl,
  bibtex,
  cslJson,
  csv,
  jsonl,
]);

export function readerFor(name: FormatName): FormatReader {
  const r = READERS.find((x) => x.name === name);
  if (!r) throw new Error(`paper-kg: no reader for format "${name}"`);
  return r;
}
