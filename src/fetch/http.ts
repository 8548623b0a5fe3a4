// HTTP GET on Node's fetch with a time limit, retries with exponential backoff (Retry-After honoured) and a User-Agent.
import pkg from '../../package.json' with { type: 'json' };
import { PaperKgError } from '../errors.ts';
import type { FetchOptions } from './options.ts';

/** What a fetch needs from the outside world; tests swap the clock, the log and even fetch itself. */
export interface FetchDeps {
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Progress and retry notes for people (the CLI writes them to stderr). */
  log?: (message: string) => void;
}

export interface HttpResponse {
  url: string;
  status: number;
  body: string;
}

export const USER_AGENT_BASE = `paper-kg/${pkg.version}`;

export function userAgent(contact?: string): string {
  return contact ? `${USER_AGENT_BASE} (+${contact})` : `${USER_AGENT_BASE} (research-paper knowledge-graph builder)`;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date → milliseconds to wait; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function retryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * GETs a URL and returns its body as text. Retries 429s, 5xx, timeouts and network errors up to `retries` times,
 * waiting backoffMs·2^attempt (or the server's Retry-After), capped at maxBackoffMs. Other statuses fail at once.
 */
export async function httpGet(url: string, opts: FetchOptions, deps: FetchDeps = {}): Promise<HttpResponse> {
  const doFetch = deps.fetch ?? globalThis.fetch;
  const sleep = deps.sleep ?? defaultSleep;
  let lastProblem = '';
  for (let attempt = 0; attempt <= opts.retries; attempt++) {
    let wait = Math.min(opts.backoffMs * 2 ** attempt, opts.maxBackoffMs);
    try {
      // NOTE: the signal also bounds reading the body, so a server that stalls mid-response cannot hang us.
      const res = await doFetch(url, {
        headers: { 'User-Agent': userAgent(opts.contact), Accept: '*/*' },
        signal: AbortSignal.timeout(opts.timeoutMs),
        redirect: 'follow',
      });
      const body = await res.text();
      if (res.ok) return { url, status: res.status, body };
      lastProblem = `HTTP ${res.status} ${res.statusText}`.trim();
      if (!retryable(res.status)) {
        throw new PaperKgError(
          'E_FETCH',
          `GET ${url} failed: ${lastProblem}${body ? ` (${body.replace(/\s+/g, ' ').slice(0, 200)})` : ''}; check the query or date`,
          url,
        );
      }
      const after = retryAfterMs(res.headers.get('retry-after'));
      if (after !== undefined) wait = Math.min(after, opts.maxBackoffMs);
    } catch (err) {
      if (err instanceof PaperKgError) throw err;
      const e = err as Error & { cause?: { code?: string } };
      lastProblem =
        e.name === 'TimeoutError' || e.name === 'AbortError' ? `timed out after ${opts.timeoutMs} ms` : `network error (${e.cause?.code ?? e.message})`;
    }
    if (attempt < opts.retries) {
      deps.log?.(`GET ${url}: ${lastProblem}; retry ${attempt + 1} of ${opts.retries} in ${(wait / 1000).toFixed(1)} s`);
      await sleep(wait);
    }
  }
  throw new PaperKgError(
    'E_FETCH',
    `GET ${url} failed after ${opts.retries + 1} attempt(s): ${lastProblem}; try again later or raise --retries / --timeout`,
    url,
  );
}
