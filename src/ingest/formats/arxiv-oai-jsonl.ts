// Reader for the arXiv OAI metadata snapshot (Kaggle "arxiv-metadata-oai-snapshot.json"), streamed line by line.
import type { FormatReader, ReadItem, SourceInput } from '../types.ts';
import type { PaperDate, PaperInput } from '../../model/paper.ts';
import { normaliseDoi, parseArxivId, titleId } from '../../model/ids.ts';
import { arxivAbsUrl, collapse, dayDate, decodeLatexAccents, unique } from './bibliographic.ts';

/** Yields the lines of a source with their 1-based numbers, without holding more than one chunk and one line. */
export async function* sourceLines(source: SourceInput): AsyncIterable<{ text: string; line: number }> {
  let rest = '';
  let line = 1;
  for await (const chunk of source.chunks()) {
    rest += chunk;
    // NOTE: walk with a cursor and cut once per chunk; slicing per line would copy the chunk once per line.
    let from = 0;
    let nl: number;
    while ((nl = rest.indexOf('\n', from)) !== -1) {
      yield { text: rest.slice(from, nl).replace(/\r$/, ''), line: line++ };
      from = nl + 1;
    }
    rest = rest.slice(from);
  }
  if (rest) yield { text: rest.replace(/\r$/, ''), line };
}

interface SnapshotRecord {
  id?: unknown;
  title?: unknown;
  abstract?: unknown;
  authors?: unknown;
  authors_parsed?: unknown;
  categories?: unknown;
  doi?: unknown;
  versions?: unknown;
  update_date?: unknown;
}

/** "Mon, 2 Apr 2007 19:18:42 GMT" (RFC 2822, always GMT in the snapshot) → "2007-04-02". */
function rfc2822Date(s: unknown): PaperDate | undefined {
  if (typeof s !== 'string') return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : dayDate(new Date(t).toISOString());
}

function authorNames(r: SnapshotRecord): string[] {
  if (Array.isArray(r.authors_parsed)) {
    return r.authors_parsed
      .map((a) =>
        Array.isArray(a)
          ? [a[1], a[0], a[2]]
              .map((x) => collapse(typeof x === 'string' ? x : ''))
              .filter(Boolean)
              .join(' ')
          : '',
      )
      .map(decodeLatexAccents)
      .filter(Boolean);
  }
  // NOTE: without authors_parsed the snapshot's one-string list is split the way arXiv writes it: commas and "and".
  if (typeof r.authors === 'string')
    return decodeLatexAccents(collapse(r.authors))
      .split(/,\s*|\s+and\s+/)
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

function toPaper(r: SnapshotRecord, title: string, provenance: PaperInput['provenance'][number]): PaperInput {
  const arxivId = parseArxivId(typeof r.id === 'string' ? r.id : undefined);
  const links: PaperInput['links'] = {};
  if (arxivId) links.arxiv = arxivAbsUrl(arxivId);
  const doi = normaliseDoi(typeof r.doi === 'string' ? r.doi : undefined);
  if (doi) links.doi = doi;
  const first = Array.isArray(r.versions) ? (r.versions[0] as { created?: unknown } | undefined) : undefined;
  return {
    id: arxivId ?? titleId(title),
    title,
    abstract: decodeLatexAccents(collapse(typeof r.abstract === 'string' ? r.abstract : '')),
    authors: { names: authorNames(r) },
    date: rfc2822Date(first?.created) ?? dayDate(typeof r.update_date === 'string' ? r.update_date : undefined),
    links,
    categories: typeof r.categories === 'string' ? unique(collapse(r.categories).split(' ')) : [],
    provenance: [provenance],
  };
}

export const arxivOaiJsonl: FormatReader = {
  name: 'arxiv-oai-jsonl',
  description: 'the arXiv OAI metadata snapshot (Kaggle arxiv-metadata-oai-snapshot.json, JSON Lines), streamed',
  detect(head) {
    const firstLine = head.split('\n', 1)[0].trim();
    if (!firstLine.startsWith('{')) return 0;
    try {
      const o = JSON.parse(firstLine) as Record<string, unknown>;
      return 'authors_parsed' in o || ('versions' in o && 'categories' in o) ? 0.9 : 0;
    } catch {
      // A first line longer than the head, or not JSON: the key names still tell.
      return /"authors_parsed"\s*:/.test(firstLine) ? 0.9 : 0;
    }
  },
  async *read(source): AsyncIterable<ReadItem> {
    let index = 0;
    for await (const { text, line } of sourceLines(source)) {
      if (!text.trim()) continue;
      const i = index++;
      let r: SnapshotRecord;
      try {
        r = JSON.parse(text) as SnapshotRecord;
      } catch (e) {
        yield { kind: 'skip', index: i, line, reason: `not valid JSON (${(e as Error).message}); expected one snapshot record per line` };
        continue;
      }
      if (!r || typeof r !== 'object' || Array.isArray(r)) {
        yield { kind: 'skip', index: i, line, reason: 'expected a JSON object per line' };
        continue;
      }
      const title = decodeLatexAccents(collapse(typeof r.title === 'string' ? r.title : ''));
      if (!title) {
        yield { kind: 'skip', index: i, line, reason: `record ${typeof r.id === 'string' ? r.id : '(no id)'} has no title` };
        continue;
      }
      yield { kind: 'paper', index: i, line, paper: toPaper(r, title, { file: source.name, format: 'arxiv-oai-jsonl', line, index: i }) };
    }
  },
};
