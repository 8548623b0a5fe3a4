// Merges records of the same paper from several sources into one that keeps every provenance.
//
// Two records are the same paper when they share an arXiv id (version dropped), a DOI, or a normalised
// title, but never when their arXiv ids differ. Conflicts resolve field by field, the first source in input
// order winning ties:
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

function compatible(a: Paper, b: Paper): boolean {
  const x = arxivOf(a);
  const y = arxivOf(b);
  return !x || !y || x === y;
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
}

/** Merges duplicates; linear in the number of records (one map lookup per key). */
export function mergePapers(records: Paper[]): MergeResult {
  const byKey = new Map<string, Paper>();
  const papers: Paper[] = [];
  const mergedByFile = new Map<string, number>();
  for (const r of records) {
    const keys = keysOf(r);
    let target: Paper | undefined;
    for (const k of keys) {
      const found = byKey.get(k);
      // NOTE: two different arXiv ids are two papers, even when their titles or DOIs agree (a reused title, a
      // DOI copied into the wrong record): the title and DOI keys only join records the arXiv ids do not tell apart.
      if (found && compatible(found, r)) {
        target = found;
        break;
      }
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
  return { papers, mergedByFile };
}
