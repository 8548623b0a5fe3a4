// The HF Daily Papers record (API JSON and the JSON inside a saved HF page) mapped to a paper: one mapping for both readers.
import type { PaperInput } from '../../model/paper.ts';
import type { ReadItem } from '../types.ts';
import { parseArxivId, titleId } from '../../model/ids.ts';
import { arxivAbsUrl, collapse, unique } from './bibliographic.ts';
import { parseDate } from './dates.ts';
import { PaperKgError } from '../../errors.ts';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** Author names in source order; hidden authors are kept, since HF hides them from its own UI only. */
function authorNames(authors: unknown): string[] {
  if (!Array.isArray(authors)) return [];
  return authors.map((a) => collapse(isObject(a) ? str(a.name) : str(a))).filter(Boolean);
}

/** A URL-looking string, else undefined (the API writes "" or null for "none"). */
function url(v: unknown): string | undefined {
  const s = str(v).trim();
  return /^https?:\/\//i.test(s) ? s : undefined;
}

/**
 * Maps one Daily Papers entry ({paper: {...}, publishedAt, title, ...}, or a bare paper object) to a paper or a skip.
 * Unknown fields are ignored: the API adds fields over time (ai_summary, githubStars, organization, ...).
 */
export function hfRecordToItem(record: unknown, index: number, file: string, format: 'hf-api-json' | 'hf-html'): ReadItem {
  if (!isObject(record)) {
    const got = Array.isArray(record) ? 'an array' : record === null ? 'null' : `a ${typeof record}`;
    return { kind: 'skip', index, reason: `expected a Daily Papers object ({"paper": {...}}), got ${got}` };
  }
  const p = isObject(record.paper) ? record.paper : record;
  const rawId = str(p.id).trim();
  const title = collapse(str(p.title)) || collapse(str(record.title));
  const abstract = collapse(str(p.summary)) || collapse(str(record.summary));
  const label = rawId ? `paper ${rawId}` : 'record';
  if (!title) return { kind: 'skip', index, reason: `${label} has no title (expected paper.title)` };
  if (!abstract) return { kind: 'skip', index, reason: `${label} "${title.slice(0, 60)}" has no abstract (expected paper.summary)` };
  const arxivId = parseArxivId(rawId);
  const links: PaperInput['links'] = {};
  if (arxivId) links.arxiv = arxivAbsUrl(arxivId);
  if (rawId) links.hf = `https://huggingface.co/papers/${encodeURIComponent(rawId)}`;
  const code = url(p.githubRepo);
  if (code) links.code = code;
  const page = url(p.projectPage);
  if (page) links.url = page;
  const upvotes = typeof p.upvotes === 'number' && Number.isInteger(p.upvotes) && p.upvotes >= 0 ? p.upvotes : undefined;
  const keywords = Array.isArray(p.ai_keywords) ? p.ai_keywords.map((k) => collapse(str(k))) : [];
  return {
    kind: 'paper',
    index,
    paper: {
      id: arxivId ?? titleId(title),
      title,
      abstract,
      authors: { names: authorNames(p.authors) },
      // NOTE: paper.publishedAt is the arXiv submission time; the top-level one is only the day HF listed it.
      date: parseDate(p.publishedAt) ?? parseDate(record.publishedAt),
      upvotes,
      links,
      categories: unique(keywords),
      provenance: [{ file, format, index }],
    },
  };
}

const PYTHON_REPR = /^\s*[{[]\s*'|:\s*(?:True|False|None)\b/;

/** Checks that a parsed value is a list of Daily Papers objects, with a precise error when it is not. */
export function expectHfList(value: unknown, file: string): unknown[] {
  const list = Array.isArray(value) ? value : isObject(value) && Array.isArray(value.dailyPapers) ? value.dailyPapers : undefined;
  if (!list) {
    throw new PaperKgError(
      'E_FORMAT_MALFORMED',
      `${file}: expected a JSON array of Daily Papers objects (as /api/daily_papers returns), got ${Array.isArray(value) ? 'an array' : typeof value}`,
      file,
    );
  }
  const firstString = list.find((x) => typeof x === 'string') as string | undefined;
  if (firstString !== undefined && PYTHON_REPR.test(firstString)) {
    throw new PaperKgError(
      'E_FORMAT_MALFORMED',
      `${file}: the array holds Python repr strings ("${firstString.slice(0, 40)}…") rather than JSON objects: ` +
        'the file was written with str(record) instead of json.dump(record). Re-export it with json.dump, or convert each ' +
        'entry with ast.literal_eval and then json.dumps',
      file,
    );
  }
  return list;
}
