// Reader for arXiv query API responses (Atom feeds, old and new layouts, several feeds saved back to back).
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FormatReader, ReadItem } from '../types.ts';
import type { PaperInput } from '../../model/paper.ts';
import { normaliseDoi, parseArxivId, titleId } from '../../model/ids.ts';
import { PaperKgError } from '../../errors.ts';
import { arxivAbsUrl, collapse, dayDate, decodeLatexAccents, unique } from './bibliographic.ts';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const REPEATED = new Set(['entry', 'author', 'link', 'category']);
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // NOTE: ids such as "2401.10010" must stay strings (strnum would turn them into numbers).
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  captureMetaData: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown> & { [META]?: { startIndex?: number } };

/** One feed of a response file: where it starts, what it says about the query, its entries. */
export interface AtomFeed {
  /** Character offset of the feed's document in the file. */
  offset: number;
  totalResults?: number;
  startIndex?: number;
  entries: Node[];
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return String((v as Record<string, unknown>)['#text'] ?? '');
  return String(v);
}

function intOrUndefined(v: unknown): number | undefined {
  const n = Number(text(v));
  return text(v) !== '' && Number.isFinite(n) ? n : undefined;
}

/**
 * Splits a file into XML documents: the query API's responses are often saved back to back, each with its own
 * prolog, which a strict parser rejects as "junk after the document element".
 */
function splitDocuments(xml: string): Array<{ offset: number; doc: string }> {
  const starts = [0];
  for (let i = xml.indexOf('<?xml', 1); i !== -1; i = xml.indexOf('<?xml', i + 5)) starts.push(i);
  return starts.map((s, k) => ({ offset: s, doc: xml.slice(s, starts[k + 1] ?? xml.length) })).filter((d) => d.doc.trim() !== '');
}

function lineAt(xml: string, offset: number, cache: { pos: number; line: number }): number {
  // Offsets arrive in increasing order, so counting newlines from the last position keeps this linear.
  for (let i = cache.pos; i < offset; i++) if (xml.charCodeAt(i) === 10) cache.line++;
  cache.pos = Math.max(cache.pos, offset);
  return cache.line;
}

/** Parses every feed of an arXiv API response file; throws E_FORMAT_MALFORMED (with line and column) on broken XML. */
export function parseAtomFeeds(xml: string, name: string): AtomFeed[] {
  const feeds: AtomFeed[] = [];
  let lineOffset = 0;
  let prevOffset = 0;
  for (const { offset, doc } of splitDocuments(xml)) {
    for (let i = prevOffset; i < offset; i++) if (xml.charCodeAt(i) === 10) lineOffset++;
    prevOffset = offset;
    const valid = XMLValidator.validate(doc);
    if (valid !== true) {
      const { msg, line, col } = valid.err;
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${name}: line ${line + lineOffset}, column ${col}: ${msg}; expected a well-formed arXiv API Atom response`,
        name,
      );
    }
    const root = parser.parse(doc) as Record<string, Node>;
    const feed = root.feed;
    if (!feed || typeof feed !== 'object') {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${name}: no <feed> element; expected an Atom response of the arXiv query API (export.arxiv.org/api/query)`,
        name,
      );
    }
    feeds.push({
      offset,
      totalResults: intOrUndefined(feed.totalResults),
      startIndex: intOrUndefined(feed.startIndex),
      entries: (feed.entry as Node[] | undefined) ?? [],
    });
  }
  return feeds;
}

/** Why an entry is not a paper (an API error entry, a missing title), or undefined when it is one. */
export function atomEntryProblem(entry: Node): string | undefined {
  const id = text(entry.id);
  if (/\/api\/errors/.test(id)) return `the arXiv API reported an error: ${collapse(text(entry.summary)) || id}`;
  if (!collapse(text(entry.title))) return `entry ${id || '(no id)'} has no title`;
  return undefined;
}

/** Maps one Atom entry to a paper. */
export function atomEntryToPaper(entry: Node, provenance: PaperInput['provenance'][number]): PaperInput {
  const title = decodeLatexAccents(collapse(text(entry.title)));
  const rawId = text(entry.id);
  const arxivId = parseArxivId(rawId);
  const links: PaperInput['links'] = {};
  if (arxivId) links.arxiv = arxivAbsUrl(arxivId);
  for (const l of (entry.link as Node[] | undefined) ?? []) {
    const href = String(l['@href'] ?? '');
    if (!links.pdf && (l['@title'] === 'pdf' || l['@type'] === 'application/pdf') && href) links.pdf = href;
  }
  const doi = normaliseDoi(text(entry.doi));
  if (doi) links.doi = doi;
  const primary = entry.primary_category as Node | undefined;
  const categories = unique([String(primary?.['@term'] ?? ''), ...((entry.category as Node[] | undefined) ?? []).map((c) => String(c['@term'] ?? '').trim())]);
  const names = ((entry.author as Node[] | undefined) ?? []).map((a) => decodeLatexAccents(collapse(text(a.name)))).filter(Boolean);
  return {
    id: arxivId ?? titleId(title),
    title,
    abstract: decodeLatexAccents(collapse(text(entry.summary))),
    authors: { names },
    date: dayDate(text(entry.published)) ?? dayDate(text(entry.updated)),
    links,
    categories,
    provenance: [provenance],
  };
}

export const arxivAtom: FormatReader = {
  name: 'arxiv-atom',
  description: 'arXiv query API responses (Atom XML, as saved from export.arxiv.org/api/query)',
  detect(head) {
    if (!head.includes('<feed') || !head.includes(ATOM_NS)) return 0;
    return /arxiv\.org\/(api|abs|schemas\/atom)/i.test(head) ? 0.95 : 0;
  },
  async *read(source): AsyncIterable<ReadItem> {
    const xml = await source.text();
    const feeds = parseAtomFeeds(xml, source.name);
    const cache = { pos: 0, line: 1 };
    let index = 0;
    for (const feed of feeds) {
      for (const entry of feed.entries) {
        const start = entry[META]?.startIndex;
        const line = start === undefined ? undefined : lineAt(xml, feed.offset + start, cache);
        const problem = atomEntryProblem(entry);
        if (problem) yield { kind: 'skip', index, line, reason: problem };
        else yield { kind: 'paper', index, line, paper: atomEntryToPaper(entry, { file: source.name, format: 'arxiv-atom', line, index }) };
        index++;
      }
    }
  },
};
