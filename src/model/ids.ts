// Stable paper ids: arXiv ids without their version, else a short hash of the normalised title.
import { createHash } from 'node:crypto';

const NEW_ARXIV = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])/;
const OLD_ARXIV = /\b([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?\b/;

/** Extracts a version-less arXiv id from an id, URL or note ("arXiv:2401.01234v2" → "2401.01234"). */
export function parseArxivId(text: string | undefined | null): string | undefined {
  if (!text) return undefined;
  const s = String(text);
  const m = NEW_ARXIV.exec(s);
  if (m) return m[1];
  const o = OLD_ARXIV.exec(s);
  return o ? o[1] : undefined;
}

/** Lower-cases, folds accents and collapses everything but letters and digits, for title matching. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Id of a paper without an arXiv id: "t-" and 10 hex digits of the SHA-1 of its normalised title. */
export function titleId(title: string): string {
  return 't-' + createHash('sha1').update(normaliseTitle(title)).digest('hex').slice(0, 10);
}

/** Normalises a DOI to its lower-case bare form ("https://doi.org/10.1/X" → "10.1/x"). */
export function normaliseDoi(doi: string | undefined | null): string | undefined {
  if (!doi) return undefined;
  const m = /10\.\d{4,9}\/\S+/.exec(String(doi));
  return m ? m[0].replace(/[.,;]+$/, '').toLowerCase() : undefined;
}
