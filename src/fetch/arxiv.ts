// Pages through the arXiv query API politely (≤ 100 results a request, ≥ 3 s apart) and keeps each Atom page verbatim.
import { PaperKgError } from '../errors.ts';
import { atomEntryProblem, parseAtomFeeds } from '../ingest/formats/arxiv-atom.ts';
import { httpGet, type FetchDeps } from './http.ts';
import { resolveFetchOptions, type FetchOptions } from './options.ts';

export const ARXIV_SORT_BY = ['relevance', 'lastUpdatedDate', 'submittedDate'] as const;
export const ARXIV_SORT_ORDER = ['ascending', 'descending'] as const;

export interface ArxivQuery {
  /** arXiv search_query syntax, e.g. "cat:cs.LG AND abs:graph". */
  query: string;
  /** Most results to fetch in all. */
  max: number;
  sortBy?: (typeof ARXIV_SORT_BY)[number];
  sortOrder?: (typeof ARXIV_SORT_ORDER)[number];
}

export interface ArxivFetchResult {
  /** One Atom document per request, as received; saved back to back they form a file the arxiv-atom reader reads. */
  pages: string[];
  entries: number;
  /** What arXiv reports as the number of matches (opensearch:totalResults). */
  totalResults?: number;
}

/** Fetches up to `max` results of an arXiv API query, page by page, waiting pageDelayMs between requests. */
export async function fetchArxivQuery(q: ArxivQuery, options: Partial<FetchOptions> = {}, deps: FetchDeps = {}): Promise<ArxivFetchResult> {
  if (!q.query.trim()) throw new PaperKgError('E_OPTIONS', '--query: expected an arXiv search query, e.g. "cat:cs.LG AND abs:graph"');
  if (!Number.isInteger(q.max) || q.max < 1) throw new PaperKgError('E_OPTIONS', `--max: expected a whole number ≥ 1, got ${q.max}`);
  const opts = resolveFetchOptions(options);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const pages: string[] = [];
  let entries = 0;
  let totalResults: number | undefined;
  for (let start = 0; start < q.max;) {
    if (pages.length > 0 && opts.pageDelayMs > 0) await sleep(opts.pageDelayMs);
    const url = new URL('/api/query', opts.arxivBaseUrl);
    url.searchParams.set('search_query', q.query);
    url.searchParams.set('start', String(start));
    url.searchParams.set('max_results', String(Math.min(opts.pageSize, q.max - start)));
    if (q.sortBy) url.searchParams.set('sortBy', q.sortBy);
    if (q.sortOrder) url.searchParams.set('sortOrder', q.sortOrder);
    const { body } = await httpGet(url.toString(), opts, deps);
    let feeds;
    try {
      feeds = parseAtomFeeds(body, `GET ${url}`);
    } catch (e) {
      throw new PaperKgError('E_FETCH', `${(e as Error).message} (the arXiv API answered with something else than its Atom feed)`, url.toString());
    }
    const got = feeds.flatMap((f) => f.entries);
    const apiError = got.map(atomEntryProblem).find((p) => p?.startsWith('the arXiv API reported an error'));
    if (apiError)
      throw new PaperKgError('E_FETCH', `GET ${url}: ${apiError}; check the --query syntax (https://info.arxiv.org/help/api/user-manual.html)`, url.toString());
    totalResults = feeds[0]?.totalResults ?? totalResults;
    pages.push(body);
    entries += got.length;
    deps.log?.(`arXiv: ${entries} of ${Math.min(q.max, totalResults ?? q.max)} results`);
    if (got.length === 0) {
      // NOTE: arXiv occasionally answers a page with no entries though more exist; say so instead of looping.
      if (totalResults !== undefined && start < totalResults)
        deps.log?.(`arXiv returned an empty page at start=${start} of ${totalResults}; stopping (run again later for the rest)`);
      break;
    }
    start += got.length;
    if (totalResults !== undefined && start >= totalResults) break;
  }
  return { pages, entries, totalResults };
}
