// Options of `paper-kg fetch`, declared once with their defaults (polite to arXiv and Hugging Face by default).
import { z } from 'zod';
import { resolveOptions } from '../options.ts';

export const FetchOptionsSchema = z.object({
  // Endpoints (tests point these at a local server)
  hfBaseUrl: z.url().default('https://huggingface.co'),
  arxivBaseUrl: z.url().default('https://export.arxiv.org'),
  // Politeness
  /** An e-mail or URL added to the User-Agent, so the service can reach whoever runs the harvest. */
  contact: z.string().min(1).optional(),
  /** Pause between two arXiv API pages; arXiv asks for at least 3 s. */
  pageDelayMs: z.number().int().nonnegative().default(3000),
  /** Results per arXiv API request. */
  pageSize: z.number().int().min(1).max(100).default(100),
  // Robustness
  /** Per-request time limit, including reading the body. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Extra attempts after a 429, a 5xx, a timeout or a network error. */
  retries: z.number().int().min(0).max(10).default(4),
  /** First retry delay; doubles at each attempt (a Retry-After header wins when present). */
  backoffMs: z.number().int().nonnegative().default(2000),
  /** Ceiling on any single wait, Retry-After included. */
  maxBackoffMs: z.number().int().nonnegative().default(120_000),
});

export type FetchOptions = z.infer<typeof FetchOptionsSchema>;
export const DEFAULT_FETCH_OPTIONS: Readonly<FetchOptions> = Object.freeze(FetchOptionsSchema.parse({}));

/** Parses partial options over the defaults; bad values are an E_OPTIONS error listing every problem. */
export function resolveFetchOptions(partial: Partial<FetchOptions> = {}): FetchOptions {
  return resolveOptions(FetchOptionsSchema, partial, 'fetch options');
}
