// The fetch stage: downloads listings (HF Daily Papers days, arXiv API queries) for the ingest stage to read.
export { fetchHfDay, type HfDayResult } from './hf.ts';
export { fetchArxivQuery, ARXIV_SORT_BY, ARXIV_SORT_ORDER, type ArxivQuery, type ArxivFetchResult } from './arxiv.ts';
export { httpGet, userAgent, retryAfterMs, type FetchDeps, type HttpResponse } from './http.ts';
export { FetchOptionsSchema, DEFAULT_FETCH_OPTIONS, resolveFetchOptions, type FetchOptions } from './options.ts';
