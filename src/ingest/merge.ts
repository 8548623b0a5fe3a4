// Merges records of the same paper from several sources into one that keeps every provenance.
//
// Two records are the same paper when they share an arXiv id (version dropped), a DOI, or a normalised
// title, but never when their arXiv ids differ, their DOIs differ, or their titles differ beyond normalisation
// (case, accents, punctuation, spacing): such a pair is kept as two papers and reported as a conflict (both
// records and both values), never silently made one chimera. Fields resolve one by one, the first source in
// input order winning ties:
//   id: the arXiv id when any record has one, else the first record's; title: the first record's;
//   abstract: the longest; authors: the first list of names, else the largest count; date: the most
//   precise, a stated date over an inferred one; upvotes: the largest; links: the first value of each;
//   categories: the union in first-seen order; provenance: all, in input order.
import type { Paper } from '../model/paper.ts';
import { normaliseDoi, normaliseTitle, parseArxivId } from '../model/ids.ts';

const PRECISION_RANK = { year: 0, month: 1, day: 2 } as const;

function keysOf(p: Paper): string[] {
  const keys: string[] = [];
  const arxiv = arxivOf(p);
  if (arxiv) keys.push('arxiv:' + arxiv);
  const doi = normaliseDoi(p.links.doi);
  if (doi) keys.push('doi:' + doi);
  const title = normaliseTitle(p.title);
  if (title.length >= 12) keys.push('title:' + title);
  return keys;
}

function arxivOf(p: Paper): string | undefined {
  return parseArxivId(p.links.arxiv) ?? (p.id.startsWith('t-') ? undefined : parseArxivId(p.id));
}

/** Why two records that share a key are not the same paper: the first field that tells them apart, with both values. */
function conflictOf(a: Paper, b: Paper): { field: MergeConflict['field']; a: string; b: string } | undefined {
  const x = arxivOf(a);
  const y = arxivOf(b);
  if (x && y && x !== y) return { field: 'arxiv', a: x, b: y };
  const da = normaliseDoi(a.links.doi);
  const db = normaliseDoi(b.links.doi);
  if (da && db && da !== db) return { field: 'doi', a: a.links.doi!, b: b.links.doi! };
  if (normaliseTitle(a.title) !== normaliseTitle(b.title)) return { field: 'title', a: a.title, b: b.title };
  return undefined;
}

/** Two records that share a key (an arXiv id, a DOI, a title) but disagree on what paper they are: kept apart. */
export interface MergeConflict {
  /** The key they share ("arxiv:2401.00001", "doi:10.…", "title:…"). */
  key: string;
  /** The field that tells them apart, and its value in each record. */
  field: 'arxiv' | 'doi' | 'title';
  /** The record seen first (the first record of the paper it would have joined). */
  first: { file: string; index: number; line?: number; value: string };
  /** The record that was not merged into it. */
  second: { file: string; index: number; line?: number; value: string };
}

function mergeInto(a: Paper, b: Paper): void {
  const aArxiv = !a.id.startsWith('t-');
  if (!aArxiv && !b.id.startsWith('t-')) a.id = b.id;
  if (b.abstract.length > a.abstract.length) a.abstract = b.abstract;
  if (a.authors.names.length === 0 && b.authors.names.length > 0) a.authors = { ...b.authors };
  else if (a.authors.names.length === 0 && (b.authors.count ?? 0) > (a.authors.count ?? 0)) a.authors.count = b.authors.count;
  if (b.date) {
    const better =
      !a.date ||
      PRECISION_RANK[b.date.precision] > PRECISION_RANK[a.date.precision] ||
      (PRECISION_RANK[b.date.precision] === PRECISION_RANK[a.date.precision] && a.date.inferred && !b.date.inferred);
    if (better) a.date = { ...b.date };
  }
  if (b.upvotes !== undefined && (a.upvotes === undefined || b.upvotes > a.upvotes)) a.upvotes = b.upvotes;
  for (const [k, v] of Object.entries(b.links) as [keyof Paper['links'], string | undefined][]) {
    if (v && !a.links[k]) a.links[k] = v;
  }
  for (const c of b.categories) if (!a.categories.includes(c)) a.categories.push(c);
  a.provenance.push(...b.provenance);
}

export interface MergeResult {
  papers: Paper[];
  /** How many records of each file were merged into a record seen before. */
  mergedByFile: Map<string, number>;
  /** Pairs that share a key but were kept apart, in input order. */
  conflicts: MergeConflict[];
}

/** Merges duplicates; linear in the number of records (one map lookup per key). */
export function mergePapers(records: Paper[]): MergeResult {
  const byKey = new Map<string, Paper>();
  const papers: Paper[] = [];
  const mergedByFile = new Map<string, number>();
  const conflicts: MergeConflict[] = [];
  for (const r of records) {
    const keys = keysOf(r);
    let target: Paper | undefined;
    const refused = new Set<Paper>();
    for (const k of keys) {
      const found = byKey.get(k);
      if (!found || refused.has(found)) continue;
      // NOTE: two different arXiv ids are two papers, even when their titles or DOIs agree (a reused title, a DOI
      // copied into the wrong record); one arXiv id with two titles is a wrong id in one of them: neither is merged.
      const c = conflictOf(found, r);
      if (!c) {
        target = found;
        break;
      }
      refused.add(found);
      const at = (p: Paper, value: string) => ({
        file: p.provenance[0].file,
        index: p.provenance[0].index,
        ...(p.provenance[0].line !== undefined ? { line: p.provenance[0].line } : {}),
        value,
      });
      conflicts.push({ key: k, field: c.field, first: at(found, c.a), second: at(r, c.b) });
    }
    if (target && target !== r) {
      mergeInto(target, r);
      const f = r.provenance[0].file;
      mergedByFile.set(f, (mergedByFile.get(f) ?? 0) + 1);
    } else {
      target = r;
      papers.push(r);
    }
    for (const k of keys) if (!byKey.has(k)) byKey.set(k, target);
  }
  // Ids must stay unique even when two different papers hash to one title id.
  const seen = new Map<string, number>();
  for (const p of papers) {
    const n = seen.get(p.id) ?? 0;
    seen.set(p.id, n + 1);
    if (n > 0) p.id = `${p.id}-${n + 1}`;
  }
  return { papers, mergedByFile, conflicts };
}
