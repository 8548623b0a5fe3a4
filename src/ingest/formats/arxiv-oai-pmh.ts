// Reader for arXiv OAI-PMH ListRecords responses in the `arXiv` metadata format, streamed (harvests run to GBs).
import { SaxesParser } from 'saxes';
import type { FormatReader, ReadItem } from '../types.ts';
import type { PaperInput } from '../../model/paper.ts';
import { normaliseDoi, parseArxivId, titleId } from '../../model/ids.ts';
import { PaperKgError } from '../../errors.ts';
import { arxivAbsUrl, collapse, dayDate, decodeLatexAccents, unique } from './bibliographic.ts';

const ARXIV_OAI_NS = 'http://arxiv.org/OAI/arXiv/';

interface RecordState {
  line: number;
  deleted: boolean;
  identifier: string;
  hasArxivMetadata: boolean;
  fields: Record<string, string>;
  authors: string[];
  author: { keyname: string; forenames: string; suffix: string } | undefined;
}

function toPaper(r: RecordState, provenance: PaperInput['provenance'][number]): PaperInput {
  const title = decodeLatexAccents(collapse(r.fields.title));
  const arxivId = parseArxivId(r.fields.id) ?? parseArxivId(r.identifier);
  const links: PaperInput['links'] = {};
  if (arxivId) links.arxiv = arxivAbsUrl(arxivId);
  const doi = normaliseDoi(r.fields.doi);
  if (doi) links.doi = doi;
  return {
    id: arxivId ?? titleId(title),
    title,
    abstract: decodeLatexAccents(collapse(r.fields.abstract)),
    authors: { names: r.authors },
    // NOTE: <created> is the first version's date; <updated> (the latest version) would move old papers forward.
    date: dayDate(r.fields.created),
    links,
    categories: unique(collapse(r.fields.categories).split(' ')),
    provenance: [provenance],
  };
}

export const arxivOaiPmh: FormatReader = {
  name: 'arxiv-oai-pmh',
  description: 'arXiv OAI-PMH ListRecords responses (metadataPrefix=arXiv), streamed',
  detect(head) {
    if (!head.includes('<OAI-PMH')) return 0;
    return head.includes(ARXIV_OAI_NS) ? 0.95 : 0.4;
  },
  async *read(source): AsyncIterable<ReadItem> {
    const parser = new SaxesParser({ xmlns: false, position: true });
    const out: ReadItem[] = [];
    const stack: string[] = [];
    let record: RecordState | undefined;
    let textBuf = '';
    let index = 0;
    let oaiError: string | undefined;
    let sawRoot = false;
    let parseError: Error | undefined;

    parser.on('error', (e) => {
      parseError ??= e;
    });
    parser.on('opentag', (tag) => {
      // NOTE: the arXiv metadata uses a default namespace, so local names are the element names.
      const name = tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name;
      if (stack.length === 0) sawRoot = name === 'OAI-PMH';
      stack.push(name);
      textBuf = '';
      if (name === 'record') {
        record = { line: parser.line, deleted: false, identifier: '', hasArxivMetadata: false, fields: {}, authors: [], author: undefined };
      } else if (name === 'error' && stack[stack.length - 2] === 'OAI-PMH') {
        oaiError = String(tag.attributes.code ?? 'error');
      } else if (record) {
        if (name === 'header' && tag.attributes.status === 'deleted') record.deleted = true;
        else if (name === 'arXiv') record.hasArxivMetadata = true;
        else if (name === 'author') record.author = { keyname: '', forenames: '', suffix: '' };
      }
    });
    parser.on('text', (t) => {
      textBuf += t;
    });
    parser.on('cdata', (t) => {
      textBuf += t;
    });
    parser.on('closetag', () => {
      const name = stack.pop() ?? '';
      const parent = stack[stack.length - 1];
      const value = textBuf;
      textBuf = '';
      if (name === 'error' && parent === 'OAI-PMH' && oaiError) {
        oaiError = `${oaiError}: ${collapse(value)}`;
        return;
      }
      if (!record) return;
      if (name === 'record') {
        const r = record;
        record = undefined;
        const i = index++;
        const title = collapse(r.fields.title);
        if (r.deleted)
          out.push({ kind: 'skip', index: i, line: r.line, reason: `record ${r.identifier || '(no identifier)'} is marked deleted in the OAI-PMH header` });
        else if (!r.hasArxivMetadata)
          out.push({
            kind: 'skip',
            index: i,
            line: r.line,
            reason: `record ${r.identifier || '(no identifier)'} has no <arXiv> metadata; harvest with metadataPrefix=arXiv`,
          });
        else if (!title) out.push({ kind: 'skip', index: i, line: r.line, reason: `record ${r.identifier || r.fields.id || '(no identifier)'} has no title` });
        else out.push({ kind: 'paper', index: i, line: r.line, paper: toPaper(r, { file: source.name, format: 'arxiv-oai-pmh', line: r.line, index: i }) });
        return;
      }
      if (name === 'identifier' && parent === 'header') record.identifier = collapse(value);
      else if (record.author && (name === 'keyname' || name === 'forenames' || name === 'suffix')) record.author[name] = collapse(value);
      else if (name === 'author' && record.author) {
        const { keyname, forenames, suffix } = record.author;
        const full = decodeLatexAccents([forenames, keyname, suffix].filter(Boolean).join(' '));
        if (full) record.authors.push(full);
        record.author = undefined;
      } else if (parent === 'arXiv') record.fields[name] = value;
    });

    for await (const chunk of source.chunks()) {
      parser.write(chunk);
      // NOTE: the records completed before a fault are yielded first: a truncated harvest keeps them (ingest says so).
      yield* out.splice(0, out.length);
      if (parseError) break;
    }
    if (!parseError) parser.close();
    yield* out.splice(0, out.length);
    if (parseError) {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${source.name}: ${parseError.message} (after ${index} records); expected well-formed OAI-PMH XML`,
        source.name,
      );
    }
    if (!sawRoot) {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${source.name}: the root element is not <OAI-PMH>; expected an OAI-PMH ListRecords response (export.arxiv.org/oai2?verb=ListRecords&metadataPrefix=arXiv)`,
        source.name,
      );
    }
    if (oaiError && !oaiError.startsWith('noRecordsMatch')) {
      throw new PaperKgError('E_FORMAT_MALFORMED', `${source.name}: the OAI-PMH response is an error (${oaiError}); harvest again`, source.name);
    }
  },
};
