// Reader for BibTeX / BibLaTeX files (Zotero, JabRef, hand-written), parsed by @retorquere/bibtex-parser.
import { parse, type Entry, type Creator } from '@retorquere/bibtex-parser';
import type { FormatReader, ReadItem } from '../types.ts';
import type { PaperDate, PaperInput } from '../../model/paper.ts';
import { normaliseDoi, parseArxivId, titleId } from '../../model/ids.ts';
import { arxivAbsUrl, collapse, partsDate, unique } from './bibliographic.ts';

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Markup the parser emits for \emph, \textbf, \textsuperscript… and case protection: the paper model holds plain text.
const MARKUP = /<\/?(?:i|b|sup|sub|sc|span|nc)(?:\s[^<>]*)?>/g;
// NOTE: the parser turns every field's LaTeX into Unicode, which costs ~15 ms an entry; fields the paper model does not
// use (file, copyright, isbn, pages…) are read verbatim instead, which halves the time on a Zotero export.
const DECODED_FIELDS = /^(?!(title|author|abstract|keywords|month|year|date|journal|journaltitle|note|howpublished|number|eprint|archiveprefix|eprinttype)$)/i;
const ENTRY_HEAD = /^@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)/;

function plain(s: string | undefined): string {
  // NOTE: the parser builds accents as combining marks ("a" + U+0301); NFC makes them the letters people type.
  return collapse(s?.replace(MARKUP, '')).normalize('NFC');
}

function creatorName(c: Creator): string {
  if (c.name) return plain(c.name);
  return plain([c.firstName, c.prefix, c.lastName, c.suffix].filter(Boolean).join(' '));
}

function bibDate(fields: Record<string, unknown>): PaperDate | undefined {
  const date = typeof fields.date === 'string' ? fields.date : undefined;
  const m = date && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (m) return partsDate(m[1], m[2], m[3]);
  const year = typeof fields.year === 'string' ? /\d{4}/.exec(fields.year)?.[0] : undefined;
  if (!year) return undefined;
  const rawMonth = typeof fields.month === 'string' ? fields.month.trim().toLowerCase() : '';
  const month = /^\d{1,2}$/.test(rawMonth) ? Number(rawMonth) : MONTH_NAMES.indexOf(rawMonth.slice(0, 3)) + 1 || undefined;
  return partsDate(year, month);
}

/** The arXiv id from eprint, or from a note / journal / url that names arXiv ("arXiv: 2003.07441", "arXiv:2003.07441 [cs]"). */
function bibArxivId(f: Record<string, unknown>): string | undefined {
  const s = (k: string) => (typeof f[k] === 'string' ? (f[k] as string) : '');
  const prefix = (s('archiveprefix') + s('eprinttype')).toLowerCase();
  if (s('eprint') && (!prefix || prefix.includes('arxiv'))) {
    const id = parseArxivId(s('eprint'));
    if (id) return id;
  }
  for (const k of ['note', 'journal', 'journaltitle', 'howpublished', 'number']) {
    if (/arxiv/i.test(s(k))) {
      const id = parseArxivId(s(k));
      if (id) return id;
    }
  }
  return /arxiv\.org\//i.test(s('url')) ? parseArxivId(s('url')) : undefined;
}

/** The first DOI-like field: Zotero may write a truncated `doi` and the full one in a duplicate field. */
function bibDoi(f: Record<string, unknown>): string | undefined {
  for (const [k, v] of Object.entries(f)) {
    if ((k === 'doi' || k.startsWith('doi+duplicate')) && typeof v === 'string') {
      const doi = normaliseDoi(v);
      if (doi && /^10\.\d{4,9}\/./.test(doi)) return doi;
    }
  }
  return undefined;
}

function toPaper(e: Entry, title: string, provenance: PaperInput['provenance'][number]): PaperInput {
  const f = e.fields as Record<string, unknown>;
  const arxivId = bibArxivId(f);
  const links: PaperInput['links'] = {};
  if (arxivId) links.arxiv = arxivAbsUrl(arxivId);
  const doi = bibDoi(f);
  if (doi) links.doi = doi;
  if (typeof f.url === 'string' && f.url) links.url = f.url.trim();
  const keywords = Array.isArray(f.keywords) ? (f.keywords as string[]) : [];
  return {
    id: arxivId ?? titleId(title),
    title,
    abstract: plain(typeof f.abstract === 'string' ? f.abstract : ''),
    authors: { names: (e.fields.author ?? []).map(creatorName).filter(Boolean) },
    date: bibDate(f),
    links,
    categories: unique(keywords.map(plain)),
    provenance: [provenance],
  };
}

/** 1-based line of a character offset; offsets must come in increasing order. */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset) => {
    for (; pos < offset; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

export const bibtex: FormatReader = {
  name: 'bibtex',
  description: 'BibTeX / BibLaTeX (.bib), e.g. a Zotero or JabRef export',
  detect(head) {
    const entries = head.match(
      /^\s*@\s*(article|inproceedings|incollection|book|misc|techreport|phdthesis|mastersthesis|online|unpublished|proceedings|report|thesis|conference|inbook|booklet|manual|preamble|string|comment)\s*[{(]/gim,
    );
    if (!entries) return 0;
    return entries.length >= 2 || /^\s*@\w+\s*\{[^,\s]+,\s*$/m.test(head) ? 0.9 : 0.6;
  },
  async *read(source): AsyncIterable<ReadItem> {
    const text = await source.text();
    const macroProblems = new Map<string, string[]>();
    const lib = parse(text, {
      // NOTE: titles are kept as written; sentence-casing would lower-case acronyms the braces protected.
      sentenceCase: false,
      english: false,
      caseProtection: false,
      verbatimFields: [DECODED_FIELDS, 'url', 'doi'],
      unsupported: (_node, tex, entry) => {
        const list = macroProblems.get(entry.key) ?? [];
        list.push(tex);
        macroProblems.set(entry.key, list);
        return tex;
      },
    });
    const lineOf = lineCounter(text);
    // Entries the parser choked on come back with an empty `input`; their text is in the matching error, in order.
    const structural = lib.errors.filter((er) => er.input && ENTRY_HEAD.test(er.input.trim()));
    const other = lib.errors.filter((er) => !structural.includes(er));
    let cursor = 0;
    let index = 0;
    for (const e of lib.entries) {
      const i = index++;
      let input = e.input;
      let failure: string | undefined;
      if (!input) {
        const k = structural.findIndex((er) => ENTRY_HEAD.exec(er.input!.trim())?.[2] === e.key);
        if (k >= 0) {
          input = structural[k].input!;
          failure = structural[k].error;
          structural.splice(k, 1);
        }
      }
      const at = input ? text.indexOf(input.trim(), cursor) : -1;
      const line = at >= 0 ? lineOf(at) : undefined;
      if (at >= 0) cursor = at + 1;
      const where = `entry "${e.key}"`;
      if (failure) {
        yield { kind: 'skip', index: i, line, reason: `${where} could not be parsed: ${failure}; check its braces, quotes and commas` };
        continue;
      }
      const title = plain(typeof e.fields.title === 'string' ? e.fields.title : '');
      if (!title) {
        yield { kind: 'skip', index: i, line, reason: `${where} (@${e.type}) has no title` };
        continue;
      }
      const unknown = macroProblems.get(e.key);
      if (unknown) yield { kind: 'warning', index: i, line, message: `${where}: unknown LaTeX command(s) ${unique(unknown).join(', ')} kept as written` };
      yield { kind: 'paper', index: i, line, paper: toPaper(e, title, { file: source.name, format: 'bibtex', line, index: i }) };
    }
    // Entries so broken that the parser dropped them: reported with the key and line their text shows.
    for (const er of structural) {
      const head = ENTRY_HEAD.exec(er.input!.trim());
      const at = text.indexOf(er.input!.trim());
      yield {
        kind: 'skip',
        index: index++,
        line: at >= 0 ? text.slice(0, at).split('\n').length : undefined,
        reason: `entry "${head?.[2] ?? '?'}" could not be parsed: ${er.error}; check its braces, quotes and commas`,
      };
    }
    for (const er of other) {
      yield { kind: 'warning', index: Math.max(index - 1, 0), message: `BibTeX: ${er.error}${er.input ? ` (near "${er.input.slice(0, 40)}")` : ''}` };
    }
  },
};
