// Reader for text copied from a Hugging Face Daily Papers page in a browser (the bundled corpus's format).
import type { FormatReader, ReadItem } from '../types.ts';
import { titleId } from '../../model/ids.ts';
import { PaperKgError } from '../../errors.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// "Oct 7, 2024", "Mar 11", "Apr 15 4" (upvotes after the date), "Dec 11, 2024 2".
const DATE_LINE = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (\d{1,2})(?:, (\d{4}))?(?:\s+(\d+))?$/;
const AUTHORS_LINE = /^[•·*-]?\s*(\d+) authors?$/;
const DOT_LINE = /^[·•]$/;
// Chrome of the page that a copy picks up before the first paper.
const HEADER_LINES = new Set([
  'new',
  'get trending papers in your email inbox!',
  'subscribe',
  'daily papers',
  'byak and the research community',
  'previous',
  'next',
]);
// NOTE: the artefact holds a no-break space (U+00A0), as the page renders it.
const EMAIL_ARTEFACT = /\[email(?:\s|\u00a0)protected\]/;

interface Line {
  text: string;
  line: number;
}

interface Block {
  title: Line;
  abstract?: Line;
  authors?: Line;
  date?: Line;
}

/** Splits page text into non-empty trimmed lines with their 1-based line numbers. */
function toLines(text: string): Line[] {
  const out: Line[] = [];
  const raw = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i].trim();
    if (t) out.push({ text: t, line: i + 1 });
  }
  return out;
}

function isMeta(lines: Line[], i: number): boolean {
  const t = lines[i]?.text;
  if (t === undefined) return false;
  return AUTHORS_LINE.test(t) || DOT_LINE.test(t) || DATE_LINE.test(t) || DOT_LINE.test(lines[i + 1]?.text ?? '');
}

/** Groups lines into papers: title, abstract, then optional authors/organisation, "·" and date lines. */
function toBlocks(lines: Line[]): { blocks: Block[]; listingDate?: Line } {
  let i = 0;
  let listingDate: Line | undefined;
  // Skip the page chrome and the lone listing date ("Oct 28") that precede the first title.
  while (i < lines.length) {
    const t = lines[i].text;
    if (HEADER_LINES.has(t.toLowerCase())) i++;
    else if (DATE_LINE.test(t) && !listingDate) ((listingDate = lines[i]), i++);
    else break;
  }
  const blocks: Block[] = [];
  while (i < lines.length) {
    const block: Block = { title: lines[i++] };
    if (i < lines.length && !isMeta(lines, i)) block.abstract = lines[i++];
    while (i < lines.length && isMeta(lines, i)) {
      const l = lines[i++];
      if (DATE_LINE.test(l.text)) {
        block.date = l;
        break;
      }
      if (!DOT_LINE.test(l.text)) block.authors = l;
    }
    blocks.push(block);
  }
  return { blocks, listingDate };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export const hfPageText: FormatReader = {
  name: 'hf-page-text',
  description: 'text copied from a Hugging Face Daily Papers page',
  detect(head) {
    const lines = head.split(/\r?\n/).map((l) => l.trim());
    const authorLines = lines.filter((l) => AUTHORS_LINE.test(l)).length;
    const dots = lines.filter((l) => DOT_LINE.test(l)).length;
    const header = lines.some((l) => l === 'Daily Papers' || l === 'byAK and the research community');
    if (header && (authorLines || dots)) return 0.95;
    if (authorLines >= 2 && dots >= 2) return 0.8;
    return 0;
  },
  async *read(source, options): AsyncIterable<ReadItem> {
    const text = await source.text();
    const { blocks } = toBlocks(toLines(text));
    if (blocks.length === 0) {
      throw new PaperKgError(
        'E_INPUT_EMPTY',
        `${source.name}: no papers found in the page text. Expected a title line, an abstract line, then "N authors", "·" and a date line per paper.`,
        source.name,
      );
    }
    // The page writes the year only for dates outside the current year, so the current year is the listing
    // date's, else one after the newest year written out.
    let currentYear: number | undefined;
    let yearReason = '';
    if (options.listingDate) {
      currentYear = Number(options.listingDate.slice(0, 4));
      yearReason = `from --listing-date ${options.listingDate}`;
    } else {
      let newest = 0;
      for (const b of blocks) {
        const m = b.date && DATE_LINE.exec(b.date.text);
        if (m?.[3]) newest = Math.max(newest, Number(m[3]));
      }
      if (newest) {
        currentYear = newest + 1;
        yearReason = `one after the newest year shown (${newest}); set --listing-date to override`;
      }
    }
    let warnedYear = false;
    for (let index = 0; index < blocks.length; index++) {
      const b = blocks[index];
      const line = b.title.line;
      if (!b.abstract) {
        yield { kind: 'skip', index, line, reason: `"${b.title.text.slice(0, 60)}" has no abstract line after it; expected a title followed by its abstract` };
        continue;
      }
      const abstract = b.abstract.text;
      if (EMAIL_ARTEFACT.test(abstract)) {
        yield {
          kind: 'warning',
          index,
          line: b.abstract.line,
          message: `abstract contains "[email protected]", an e-mail-obfuscation artefact of the page where the original text had an "@" (e.g. accuracy@0.5); kept as copied`,
        };
      }
      let date: { value: string; precision: 'day'; inferred: boolean } | undefined;
      let upvotes: number | undefined;
      if (b.date) {
        const m = DATE_LINE.exec(b.date.text)!;
        const month = MONTHS.indexOf(m[1].toLowerCase()) + 1;
        let year = m[3] ? Number(m[3]) : currentYear;
        const inferred = !m[3];
        if (year === undefined) {
          year = new Date().getUTCFullYear();
          if (!warnedYear) {
            warnedYear = true;
            yield {
              kind: 'warning',
              index,
              line: b.date.line,
              message: `dates without a year and no year anywhere on the page: assumed ${year}; set --listing-date YYYY-MM-DD`,
            };
          }
        }
        if (inferred && !warnedYear && yearReason) {
          warnedYear = true;
          yield { kind: 'warning', index, line: b.date.line, message: `dates shown without a year were given the year ${year}, ${yearReason}` };
        }
        date = { value: `${year}-${pad(month)}-${pad(Number(m[2]))}`, precision: 'day', inferred };
        // NOTE: the page shows an upvote count beside the date only when it is not zero.
        upvotes = m[4] ? Number(m[4]) : 0;
      }
      const authorsMatch = b.authors && AUTHORS_LINE.exec(b.authors.text);
      const title = b.title.text;
      yield {
        kind: 'paper',
        index,
        line,
        paper: {
          id: titleId(title),
          title,
          abstract,
          authors: authorsMatch ? { names: [], count: Number(authorsMatch[1]) } : { names: [] },
          date,
          upvotes,
          links: codeLink(abstract),
          categories: [],
          provenance: [{ file: source.name, format: 'hf-page-text', line, index }],
        },
      };
    }
  },
};

/** The first GitHub URL in an abstract is the paper's code link. */
function codeLink(abstract: string): { code?: string } {
  const m = /https?:\/\/github\.com\/[\w.-]+\/[\w.-]+/.exec(abstract);
  return m ? { code: m[0].replace(/\.+$/, '') } : {};
}
