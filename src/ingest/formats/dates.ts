// Parses the dates listings write ("2024", "2024-06", "2024-06-03", ISO timestamps, RFC 2822, "Jun 3, 2024") into a PaperDate.
import type { PaperDate } from '../../model/paper.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const ISO = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$/i;
// "Mon, 3 Jun 2024 17:50:01 GMT", "3 June 2024", "3 Jun. 2024".
const DAY_MONTH_YEAR = new RegExp(`^(?:[a-z]{3},?\\s+)?(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})(?:\\s+\\d{1,2}:\\d{2}.*)?$`, 'i');
// "June 3, 2024", "Jun 3 2024".
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})$`, 'i');
// "June 2024", "Jun. 2024".
const MONTH_YEAR = new RegExp(`^${MONTH},?\\s+(\\d{4})$`, 'i');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Builds a date as precise as the parts given; undefined when they do not make a real calendar date. */
function fromParts(year: number, month?: number, day?: number): PaperDate | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  // NOTE: Zotero writes unknown parts as zeros ("2019-00-00"): a zero month or day means "not given", not an error.
  if (!month) return { value: String(year), precision: 'year', inferred: false };
  if (month < 1 || month > 12) return undefined;
  if (!day) return { value: `${year}-${pad(month)}`, precision: 'month', inferred: false };
  const t = new Date(Date.UTC(year, month - 1, day));
  if (t.getUTCMonth() !== month - 1 || t.getUTCDate() !== day) return undefined;
  return { value: `${year}-${pad(month)}-${pad(day)}`, precision: 'day', inferred: false };
}

/**
 * A PaperDate from a date as a listing writes it, as precise as it is written; undefined when not understood.
 * NOTE: an ISO timestamp keeps the calendar day it is written with (no time-zone shift), so "2024-06-03T23:30:00-05:00"
 * stays June 3, the day the source states.
 */
export function parseDate(value: unknown): PaperDate | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? fromParts(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.trim().replace(/\s+/g, ' ');
  if (!s || s.length > 64) return undefined;
  let m = ISO.exec(s);
  if (m) return fromParts(Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined);
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return fromParts(Number(m[3]), MONTHS.indexOf(m[2].toLowerCase()) + 1, Number(m[1]));
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return fromParts(Number(m[3]), MONTHS.indexOf(m[1].toLowerCase()) + 1, Number(m[2]));
  m = MONTH_YEAR.exec(s);
  if (m) return fromParts(Number(m[2]), MONTHS.indexOf(m[1].toLowerCase()) + 1);
  return undefined;
}
