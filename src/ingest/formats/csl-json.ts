// Reader for CSL-JSON bibliographies (Zotero, Manubot, pandoc-citeproc exports): an array of CSL items.
import { decodeHTML } from 'entities';
import type { FormatReader, ReadItem } from '../types.ts';
import type { PaperDate, PaperInput } from '../../model/paper.ts';
import { normaliseDoi, parseArxivId, titleId } from '../../model/ids.ts';
import { PaperKgError } from '../../errors.ts';
import { arxivAbsUrl, collapse, partsDate, unique } from './bibliographic.ts';

// Crossref abstracts arrive as JATS XML (<jats:p>, <jats:title>, <jats:sup>…); publishers add plain HTML inline tags.
const INLINE_TAGS = /<\/?(?:jats:)?(?:i|b|em|strong|sup|sub|sc|scp|italic|bold|underline|span|inline-formula|monospace)(?:\s[^<>]*)?\/?>/gi;
const BLOCK_TAGS = /<\/?(?:jats:[\w-]+|p|br|div|title|sec|list|list-item|label)(?:\s[^<>]*)?\/?>/gi;

type CslName = { given?: unknown; family?: unknown; literal?: unknown; 'dropping-particle'?: unknown; 'non-dropping-particle'?: unknown; suffix?: unknown };
type CslItem = Record<string, unknown>;

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** Plain text of a CSL field that may carry JATS or HTML markup and entities. */
export function stripMarkup(s: string): string {
  // NOTE: tags become spaces, so a section title and its paragraph ("Importance</jats:title><jats:p>Large…") stay apart.
  return collapse(decodeHTML(s.replace(INLINE_TAGS, '').replace(BLOCK_TAGS, ' ')));
}

function personName(n: CslName): string {
  if (n.literal) return collapse(str(n.literal));
  return collapse([n.given, n['dropping-particle'], n['non-dropping-particle'], n.family, n.suffix].map(str).filter(Boolean).join(' '));
}

function cslDate(v: unknown): PaperDate | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const d = v as { 'date-parts'?: unknown; raw?: unknown; literal?: unknown };
  const parts = Array.isArray(d['date-parts']) ? d['date-parts'][0] : undefined;
  if (Array.isArray(parts) && parts.length) return partsDate(parts[0], parts[1], parts[2]);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(str(d.raw) || str(d.literal));
  return m ? partsDate(m[1], m[2], m[3]) : undefined;
}

/** arXiv items: `number` or URL when the container is arXiv, the arXiv DOI (10.48550/arXiv.…), an arxiv.org URL. */
function cslArxivId(item: CslItem): string | undefined {
  const onArxiv = /^arxiv/i.test(str(item['container-title'])) || /^arxiv/i.test(str(item.publisher));
  if (onArxiv) {
    const id = parseArxivId(str(item.number)) ?? parseArxivId(str(item.URL));
    if (id) return id;
  }
  const doi = normaliseDoi(str(item.DOI));
  if (doi?.startsWith('10.48550/arxiv.')) return parseArxivId(doi.slice('10.48550/arxiv.'.length));
  if (/arxiv\.org\/(abs|pdf)\//i.test(str(item.URL))) return parseArxivId(str(item.URL));
  const standard = /standard_id:\s*arxiv:(\S+)/i.exec(str(item.note));
  return standard ? parseArxivId(standard[1]) : undefined;
}

/** Categories: CSL `keyword` (comma-separated) and DataCite-style `categories` ("Machine Learning (cs.LG)" → "cs.LG"). */
function cslCategories(item: CslItem): string[] {
  const out: string[] = [];
  if (Array.isArray(item.categories)) {
    for (const c of item.categories) {
      const s = collapse(str(c));
      out.push(/\(([a-z-]+(?:\.[A-Za-z-]+)?)\)$/.exec(s)?.[1] ?? s);
    }
  }
  for (const k of str(item.keyword).split(/[,;]/)) out.push(collapse(k));
  return unique(out);
}

function toPaper(item: CslItem, title: string, provenance: PaperInput['provenance'][number]): PaperInput {
  const arxivId = cslArxivId(item);
  const links: PaperInput['links'] = {};
  if (arxivId) links.arxiv = arxivAbsUrl(arxivId);
  const doi = normaliseDoi(str(item.DOI));
  if (doi) links.doi = doi;
  if (str(item.URL)) links.url = str(item.URL).trim();
  const authors = Array.isArray(item.author) ? (item.author as CslName[]).map(personName).filter(Boolean) : [];
  return {
    id: arxivId ?? titleId(title),
    title,
    abstract: stripMarkup(str(item.abstract)),
    authors: { names: authors },
    date: cslDate(item.issued),
    links,
    categories: cslCategories(item),
    provenance: [provenance],
  };
}

export const cslJson: FormatReader = {
  name: 'csl-json',
  description: 'CSL-JSON bibliographies (an array of CSL items, e.g. from Zotero or Manubot)',
  detect(head) {
    const t = head.trimStart();
    if (!t.startsWith('[') && !t.startsWith('{')) return 0;
    const cslType =
      /"type"\s*:\s*"(article|article-journal|article-magazine|paper-conference|report|book|chapter|thesis|webpage|manuscript|post|dataset|entry-encyclopedia|speech)"/.test(
        t,
      );
    const cslFields = /"(issued|container-title|date-parts)"\s*:/.test(t) || /"family"\s*:/.test(t);
    return cslType && cslFields ? 0.9 : 0;
  },
  async *read(source): AsyncIterable<ReadItem> {
    let data: unknown;
    try {
      data = JSON.parse(await source.text());
    } catch (e) {
      throw new PaperKgError('E_FORMAT_MALFORMED', `${source.name}: not valid JSON (${(e as Error).message}); expected a CSL-JSON array of items`, source.name);
    }
    // A single item, or {items: [...]} as some tools wrap it, is read like an array.
    const items = Array.isArray(data)
      ? data
      : data && typeof data === 'object' && Array.isArray((data as { items?: unknown }).items)
        ? (data as { items: unknown[] }).items
        : data && typeof data === 'object'
          ? [data]
          : undefined;
    if (!items)
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${source.name}: expected a CSL-JSON array of items, got ${data === null ? 'null' : typeof data}`,
        source.name,
      );
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as CslItem;
      if (!item || typeof item !== 'object' || Array.isArray(item)) {
        yield { kind: 'skip', index, reason: 'expected a CSL item (a JSON object)' };
        continue;
      }
      const title = stripMarkup(str(item.title));
      if (!title) {
        yield { kind: 'skip', index, reason: `item "${str(item.id) || '(no id)'}" has no title` };
        continue;
      }
      yield { kind: 'paper', index, paper: toPaper(item, title, { file: source.name, format: 'csl-json', index }) };
    }
  },
};
