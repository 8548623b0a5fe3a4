// Small helpers the bibliographic readers share (arXiv, BibTeX, CSL-JSON): whitespace, dates, arXiv links.
import type { PaperDate } from '../../model/paper.ts';

/** Collapses runs of whitespace (hard wraps, indentation, tabs) to single spaces and trims. */
export function collapse(text: string | undefined | null): string {
  if (!text) return '';
  const s = String(text);
  // NOTE: most text has only single plain spaces, and replacing each of them with itself cost ~0.4 s per 10k abstracts.
  return NEEDS_COLLAPSE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** Whitespace that collapse would change: a run of two or more, or any whitespace other than a plain space. */
const NEEDS_COLLAPSE = /\s\s|[^\S ]/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A day-precision date from an ISO timestamp or date ("2026-04-21T14:07:39Z" → "2026-04-21"). */
export function dayDate(iso: string | undefined | null): PaperDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso ?? '').trim());
  return m ? { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day', inferred: false } : undefined;
}

/** A date from year, month and day numbers, as precise as the parts given; undefined when they are not a real date. */
export function partsDate(year: unknown, month?: unknown, day?: unknown): PaperDate | undefined {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 1000 || y > 9999) return undefined;
  const m = Number(month);
  if (month === undefined || month === null || month === '' || !Number.isInteger(m) || m < 1 || m > 12) {
    return { value: String(y), precision: 'year', inferred: false };
  }
  const d = Number(day);
  if (day === undefined || day === null || day === '' || !Number.isInteger(d) || d < 1 || d > 31) {
    return { value: `${y}-${pad(m)}`, precision: 'month', inferred: false };
  }
  return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', inferred: false };
}

/** The canonical abstract-page URL of an arXiv id (no version, https). */
export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** The canonical PDF URL of an arXiv id (no version, https). */
export function arxivPdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

/** Removes duplicates, keeping the first occurrence (source order is meaningful: the primary category first). */
export function unique(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (v && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

// LaTeX accent commands → combining marks; arXiv metadata keeps authors' TeX ("Landauer-B\"uttiker", "Bal\'azs").
const ACCENTS: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
};
const BRACED_ACCENT = /\{\\(["'`^~=.]|[uvHckr](?=[\s{]))\s*(?:\{\s*(\\i|[A-Za-z])\s*\}|(\\i|[A-Za-z]))\}/g;
const BARE_ACCENT = /\\(["'`^~=.])\s*(?:\{\s*(\\i|[A-Za-z])\s*\}|(\\i|[A-Za-z]))|\\([uvHckr])(?:\{\s*(\\i|[A-Za-z])\s*\}|\s+(\\i|[A-Za-z]))/g;
const LETTERS: Record<string, string> = { '\\ss': 'ß', '\\o': 'ø', '\\O': 'Ø', '\\l': 'ł', '\\L': 'Ł', '\\ae': 'æ', '\\AE': 'Æ', '\\aa': 'å', '\\AA': 'Å' };

function accent(mark: string, letter: string): string {
  return ((letter === '\\i' ? 'ı' : letter) + ACCENTS[mark]).normalize('NFC').replace('ı\u0308'.normalize('NFC'), 'ï');
}

/** Decodes LaTeX accents and a few special letters in plain text ("B\"uttiker" → "Büttiker"); math is left alone. */
export function decodeLatexAccents(text: string): string {
  if (!text.includes('\\')) return text;
  return (
    text
      .replace(BRACED_ACCENT, (_, m: string, a?: string, b?: string) => accent(m, (a ?? b)!))
      .replace(BARE_ACCENT, (_, m1?: string, a1?: string, b1?: string, m2?: string, a2?: string, b2?: string) => accent((m1 ?? m2)!, (a1 ?? b1 ?? a2 ?? b2)!))
      // NOTE: TeX swallows the space after a control word ("Stra\\ss e" is "Straße").
      .replace(
        /\{(\\(?:ss|o|O|l|L|ae|AE|aa|AA))\}|(\\(?:ss|o|O|l|L|ae|AE|aa|AA))(?:\{\}| (?=[a-z])|(?![A-Za-z]))/g,
        (m, a?: string, b?: string) => LETTERS[(a ?? b)!] ?? m,
      )
  );
}
