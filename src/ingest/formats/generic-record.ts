// Field recognition for the generic CSV and JSONL readers: which column or key is the title, the authors, … and how to read it.
import type { PaperInput } from '../../model/paper.ts';
import type { FormatName, MappableField, ReadItem, ReaderOptions } from '../types.ts';
import { MAPPABLE_FIELDS } from '../types.ts';
import { normaliseDoi, parseArxivId, titleId } from '../../model/ids.ts';
import { arxivAbsUrl, collapse, unique } from './bibliographic.ts';
import { parseDate } from './dates.ts';

/** A record longer than this is refused: real ones are a few KiB, a huge one is a quoting accident or an attack. */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

type Role = MappableField | 'hint';

// Column / key names recognised without a field map, compared after normaliseKey; earlier names win.
const ALIASES: Readonly<Record<Role, readonly string[]>> = Object.freeze({
  id: ['id', 'arxiv id', 'arxivid', 'arxiv', 'eprint', 'paper id', 'key'],
  title: ['title', 'paper title'],
  abstract: ['abstract', 'summary', 'abstract note'],
  authors: ['authors', 'author', 'creators', 'author names'],
  // NOTE: ordered by precision: a full date first, the year as a fallback (Zotero writes both "Date" and "Publication Year").
  date: ['date', 'published', 'published at', 'publication date', 'pub date', 'year', 'publication year'],
  doi: ['doi'],
  url: ['url', 'link'],
  categories: ['keywords', 'tags', 'manual tags', 'automatic tags', 'categories', 'subjects'],
  // Not a paper field: columns that may name the arXiv id ("arXiv: 2003.07441", "arXiv:2003.07441 [cs]").
  hint: ['extra', 'note', 'journal', 'publication title'],
});

/** The names a title column may have (for detection). */
export const ALIAS_TITLES: readonly string[] = ALIASES.title;

/** "Abstract Note", "abstract_note" and "ABSTRACT-NOTE" are one name. */
export function normaliseKey(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** Where each field is read from: the keys (columns) to try, in order. */
export type FieldPlan = Partial<Record<Role, string[]>>;

/**
 * Plans which keys feed which field. `keys` are the columns of a CSV header or the keys of one JSON object; a field map
 * entry names its key exactly (or, failing that, case-insensitively) and replaces the recognised names for that field.
 */
export function planFields(keys: readonly string[], fieldMap: ReaderOptions['fieldMap']): FieldPlan {
  const byNorm = new Map<string, string>();
  for (const k of keys) if (!byNorm.has(normaliseKey(k))) byNorm.set(normaliseKey(k), k);
  const plan: FieldPlan = {};
  for (const role of [...MAPPABLE_FIELDS, 'hint'] as Role[]) {
    const mapped = role !== 'hint' ? fieldMap?.[role] : undefined;
    if (mapped !== undefined) {
      plan[role] = [keys.includes(mapped) ? mapped : (byNorm.get(normaliseKey(mapped)) ?? mapped)];
      continue;
    }
    const found = ALIASES[role].map((a) => byNorm.get(a)).filter((k): k is string => k !== undefined);
    if (found.length) plan[role] = found;
  }
  return plan;
}

function text(v: unknown): string {
  if (typeof v === 'string') return collapse(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return '';
}

/** "Last, First" → "First Last"; anything else as written. */
function flipName(name: string): string {
  const parts = name.split(',').map((s) => s.trim());
  return parts.length === 2 && parts[0] && parts[1] ? `${parts[1]} ${parts[0]}` : name.trim();
}

/**
 * Author names from a list (strings, {name}, {given, family}) or one string.
 * NOTE: in a string, ";" separates authors written "Last, First" (Zotero, Scopus); without ";" the authors are split on
 * commas and "and" (arXiv style), except one lone "Last, First" whose last name is one word.
 */
export function authorNames(v: unknown): string[] {
  // paper-kg's own output ({names: [...]}) reads back as it was written.
  if (v && typeof v === 'object' && !Array.isArray(v) && Array.isArray((v as { names?: unknown }).names)) return authorNames((v as { names: unknown[] }).names);
  if (Array.isArray(v)) {
    return v
      .map((a) => {
        if (typeof a === 'string') return collapse(a);
        if (a && typeof a === 'object') {
          const o = a as Record<string, unknown>;
          return text(o.name) || collapse(`${text(o.given ?? o.first ?? o.firstName)} ${text(o.family ?? o.last ?? o.lastName)}`);
        }
        return '';
      })
      .filter(Boolean);
  }
  const s = text(v);
  if (!s) return [];
  if (s.includes(';'))
    return s
      .split(';')
      .map((n) => flipName(n))
      .filter(Boolean);
  const commas = s.split(',').length - 1;
  if (commas === 1 && !/\s+and\s+/.test(s) && /^[^\s,]+,/.test(s)) return [flipName(s)];
  return s
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((n) => n.trim())
    .filter(Boolean);
}

function listValues(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(text).filter(Boolean);
  const s = text(v);
  if (!s) return [];
  return s
    .split(s.includes(';') ? ';' : ',')
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Reads a value by key; in JSON, a key that is not present may be a dot path into nested objects ("paper.title"). */
export function valueAt(record: Record<string, unknown>, key: string): unknown {
  if (key in record) return record[key];
  if (!key.includes('.')) return undefined;
  let cur: unknown = record;
  for (const part of key.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Maps one generic record (a CSV row by column name, or a JSON object) to a paper, a skip, and any warnings. */
export function genericToItems(
  record: Record<string, unknown>,
  plan: FieldPlan,
  where: { file: string; format: FormatName; index: number; line?: number },
): ReadItem[] {
  const { index, line } = where;
  const first = (role: Role): { key?: string; value: unknown } => {
    for (const key of plan[role] ?? []) {
      const value = valueAt(record, key);
      if (value !== undefined && value !== null && value !== '') return { key, value };
    }
    return { value: undefined };
  };
  const title = text(first('title').value);
  if (!title) {
    const reason = plan.title
      ? `no title: ${plan.title.map((k) => `"${k}"`).join(' / ')} is empty or missing`
      : `no title: no "title" key among ${
          Object.keys(record)
            .slice(0, 8)
            .map((k) => `"${k}"`)
            .join(', ') || 'none'
        }; name the key with --field-map title=<key>`;
    return [{ kind: 'skip', index, line, reason }];
  }
  const items: ReadItem[] = [];
  const links: PaperInput['links'] = {};
  const doi = normaliseDoi(text(first('doi').value));
  if (doi) links.doi = doi;
  const url = text(first('url').value);
  if (url) links.url = url;
  const idText = text(first('id').value);
  // NOTE: an id column only counts as an arXiv id when it is one; a reference-manager key ("RLTXINZX") is not.
  const hints = (plan.hint ?? []).map((k) => text(valueAt(record, k))).filter((h) => /arxiv/i.test(h));
  const arxivId =
    parseArxivId(idText) ??
    (/arxiv\.org\//i.test(url) ? parseArxivId(url) : undefined) ??
    (doi && /^10\.48550\/arxiv\./.test(doi) ? parseArxivId(doi) : undefined) ??
    hints.map((h) => parseArxivId(h)).find(Boolean);
  if (arxivId) links.arxiv = arxivAbsUrl(arxivId);
  let date: PaperInput['date'];
  const dateKeys = plan.date ?? [];
  for (const key of dateKeys) {
    const raw = valueAt(record, key);
    if (raw === undefined || raw === null || raw === '') continue;
    date = parseDate(raw && typeof raw === 'object' ? (raw as { value?: unknown }).value : raw);
    if (date) break;
    items.push({
      kind: 'warning',
      index,
      line,
      message: `"${key}" value ${JSON.stringify((typeof raw === 'string' ? raw : JSON.stringify(raw)).slice(0, 40))} is not a date this reader understands (YYYY, YYYY-MM, YYYY-MM-DD, an ISO timestamp, RFC 2822, "Jun 3, 2024"); ${key === dateKeys[dateKeys.length - 1] ? 'date left empty' : 'trying the next date column'}`,
    });
  }
  const categories = unique((plan.categories ?? []).flatMap((k) => listValues(valueAt(record, k))));
  items.push({
    kind: 'paper',
    index,
    line,
    paper: {
      id: arxivId ?? titleId(title),
      title,
      abstract: text(first('abstract').value),
      authors: { names: authorNames(first('authors').value) },
      date,
      links,
      categories,
      provenance: [{ file: where.file, format: where.format, line, index }],
    },
  });
  return items;
}
