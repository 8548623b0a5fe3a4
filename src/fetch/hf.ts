// Fetches one day of the Hugging Face Daily Papers API (the JSON array the hf-api-json reader reads).
import { PaperKgError } from '../errors.ts';
import { httpGet, type FetchDeps } from './http.ts';
import { resolveFetchOptions, type FetchOptions } from './options.ts';

export interface HfDayResult {
  url: string;
  /** The response body exactly as received, so the saved file is the API's own. */
  body: string;
  /** Number of papers in the day's array. */
  count: number;
}

/** GET {hfBaseUrl}/api/daily_papers?date=YYYY-MM-DD; the body must be a JSON array. */
export async function fetchHfDay(date: string, options: Partial<FetchOptions> = {}, deps: FetchDeps = {}): Promise<HfDayResult> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new PaperKgError('E_OPTIONS', `--date: expected YYYY-MM-DD (e.g. 2025-03-14), got "${date}"`);
  }
  const opts = resolveFetchOptions(options);
  const url = new URL('/api/daily_papers', opts.hfBaseUrl);
  url.searchParams.set('date', date);
  const { body } = await httpGet(url.toString(), opts, deps);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (e) {
    throw new PaperKgError('E_FETCH', `GET ${url}: the response is not JSON (${(e as Error).message}); expected the Daily Papers array`, url.toString());
  }
  if (!Array.isArray(data)) {
    throw new PaperKgError('E_FETCH', `GET ${url}: expected a JSON array of papers, got ${data === null ? 'null' : typeof data}`, url.toString());
  }
  return { url: url.toString(), body, count: data.length };
}
