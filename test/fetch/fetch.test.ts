// `paper-kg fetch` against a local server replaying real responses: paging, politeness, retries, timeouts, the CLI.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from '../support/cli.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchArxivQuery, fetchHfDay, httpGet, resolveFetchOptions, retryAfterMs } from '../../src/fetch/index.ts';
import { ingest } from '../../src/ingest/index.ts';
import { textSource } from '../../src/io/files.ts';
import { PaperKgError } from '../../src/errors.ts';

const fixture = (p: string) => new URL(`../fixtures/${p}`, import.meta.url).pathname;
const ROOT = new URL('../../', import.meta.url).pathname;

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;
let server: Server;
let base = '';
let handler: Handler;
const requests: Array<{ url: URL; ua?: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    requests.push({ url, ua: req.headers['user-agent'] });
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  requests.length = 0;
});

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/octet-stream', ...headers });
  res.end(body);
}

/** Fast options for tests: no real waits; sleeps are recorded instead. */
function fast(extra: Record<string, unknown> = {}) {
  const sleeps: number[] = [];
  return {
    sleeps,
    deps: { sleep: async (ms: number) => void sleeps.push(ms) },
    opts: { hfBaseUrl: base, arxivBaseUrl: base, backoffMs: 10, timeoutMs: 2000, ...extra },
  };
}

describe('fetch hf', () => {
  it('saves the day byte for byte after a 503, and the saved JSON is the API array', async () => {
    const day = await readFile(fixture('hf-daily-papers-api/2024-06/2024-06-03.json'), 'utf8');
    let calls = 0;
    handler = (_req, res, url) => {
      if (url.pathname !== '/api/daily_papers' || url.searchParams.get('date') !== '2024-06-03') return send(res, 404, 'no such day');
      if (calls++ === 0) return send(res, 503, 'busy');
      send(res, 200, day, { 'Content-Type': 'application/json' });
    };
    const { sleeps, deps, opts } = fast();
    const logs: string[] = [];
    const r = await fetchHfDay('2024-06-03', opts, { ...deps, log: (m) => logs.push(m) });
    expect(r).toEqual({ url: `${base}/api/daily_papers?date=2024-06-03`, body: day, count: 6 });
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([10]);
    expect(logs[0]).toMatch(/HTTP 503 .*retry 1 of 4/);
    expect(requests[0].ua).toMatch(/^paper-kg\/\d+\.\d+\.\d+ \(/);
  });

  it('rejects a bad date before any request, and a non-array answer after', async () => {
    await expect(fetchHfDay('2024-6-3', fast().opts)).rejects.toMatchObject({ code: 'E_OPTIONS' });
    expect(requests).toHaveLength(0);
    handler = (_req, res) => send(res, 200, '{"error":"Invalid date"}');
    await expect(fetchHfDay('2024-06-03', fast().opts)).rejects.toMatchObject({
      code: 'E_FETCH',
      message: expect.stringContaining('expected a JSON array of papers, got object'),
    });
  });
});

describe('fetch arxiv', () => {
  it('pages politely (≤ page size, a pause between pages) and the saved pages ingest into every entry', async () => {
    const page1 = await readFile(fixture('arxiv-atom-api/new2026-latest_cs_ai.xml'), 'utf8');
    const page2 = await readFile(fixture('arxiv-atom-api/new2026-agent_arxiv_raw.xml'), 'utf8');
    handler = (_req, res, url) => {
      if (url.pathname !== '/api/query') return send(res, 404, '');
      send(res, 200, url.searchParams.get('start') === '0' ? page1 : page2, { 'Content-Type': 'application/atom+xml' });
    };
    const { sleeps, deps, opts } = fast({ pageSize: 50, pageDelayMs: 3000, contact: 'mailto:team@example.org' });
    const r = await fetchArxivQuery({ query: 'cat:cs.AI OR all:agent', max: 60, sortBy: 'submittedDate', sortOrder: 'descending' }, opts, deps);
    expect(r.entries).toBe(60);
    // The latest page's count (arXiv's index moves while one pages through it).
    expect(r.totalResults).toBe(119676);
    expect(r.pages).toEqual([page1, page2]);
    expect(
      requests.map((q) => [
        q.url.searchParams.get('search_query'),
        q.url.searchParams.get('start'),
        q.url.searchParams.get('max_results'),
        q.url.searchParams.get('sortBy'),
      ]),
    ).toEqual([
      ['cat:cs.AI OR all:agent', '0', '50', 'submittedDate'],
      ['cat:cs.AI OR all:agent', '50', '10', 'submittedDate'],
    ]);
    // One pause, between the two pages, of the configured length.
    expect(sleeps).toEqual([3000]);
    expect(requests[0].ua).toBe('paper-kg/0.1.0 (+mailto:team@example.org)');
    const ing = await ingest([textSource('q.xml', r.pages.join(''))]);
    expect(ing.files[0]).toMatchObject({ format: 'arxiv-atom', read: 60, parsed: 60, skipped: 0 });
  });

  it('stops when arXiv has no more results', async () => {
    const one = await readFile(fixture('arxiv-atom-api/old2020-id_list-1601.00001.xml'), 'utf8');
    handler = (_req, res) => send(res, 200, one);
    const { sleeps, deps, opts } = fast({ pageSize: 10 });
    const r = await fetchArxivQuery({ query: 'id:1601.00001', max: 500 }, opts, deps);
    expect([r.entries, r.totalResults, r.pages.length, requests.length, sleeps]).toEqual([1, 1, 1, 1, []]);
  });

  it('an API error entry (bad query) is an E_FETCH error quoting arXiv', async () => {
    const err = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><link href="http://arxiv.org/api/query" rel="self"/>
<entry><id>http://arxiv.org/api/errors#malformed_search_query</id><title>Error</title><summary>malformed search query</summary></entry></feed>`;
    handler = (_req, res) => send(res, 200, err);
    await expect(fetchArxivQuery({ query: 'cat:(', max: 5 }, fast().opts)).rejects.toMatchObject({
      code: 'E_FETCH',
      message: expect.stringContaining('the arXiv API reported an error: malformed search query'),
    });
  });
});

describe('http', () => {
  it('times out a stalled request, then succeeds on the retry', async () => {
    let calls = 0;
    handler = (_req, res) => {
      if (calls++ === 0) return void setTimeout(() => send(res, 200, 'late'), 1500);
      send(res, 200, 'on time');
    };
    const { sleeps, deps } = fast();
    const logs: string[] = [];
    const r = await httpGet(`${base}/x`, resolveFetchOptions({ timeoutMs: 200, backoffMs: 5 }), { ...deps, log: (m) => logs.push(m) });
    expect(r.body).toBe('on time');
    expect(logs).toEqual([`GET ${base}/x: timed out after 200 ms; retry 1 of 4 in 0.0 s`]);
    expect(sleeps).toEqual([5]);
  });

  it('gives up after the last retry with a clear error; 4xx other than 429 are not retried', async () => {
    handler = (_req, res) => send(res, 500, 'down');
    const { sleeps, deps } = fast();
    const e = await httpGet(`${base}/y`, resolveFetchOptions({ retries: 2, backoffMs: 100 }), deps).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PaperKgError);
    expect((e as PaperKgError).message).toBe(
      `GET ${base}/y failed after 3 attempt(s): HTTP 500 Internal Server Error; try again later or raise --retries / --timeout`,
    );
    // Exponential backoff: 100, 200.
    expect(sleeps).toEqual([100, 200]);
    requests.length = 0;
    handler = (_req, res) => send(res, 404, 'not here');
    await expect(httpGet(`${base}/z`, resolveFetchOptions({}), deps)).rejects.toMatchObject({ code: 'E_FETCH', message: expect.stringContaining('HTTP 404') });
    expect(requests).toHaveLength(1);
  });

  it('honours Retry-After on 429 (capped by maxBackoffMs)', async () => {
    let calls = 0;
    handler = (_req, res) => (calls++ < 2 ? send(res, 429, 'slow down', { 'Retry-After': calls === 1 ? '7' : '600' }) : send(res, 200, 'ok'));
    const { sleeps, deps } = fast();
    const r = await httpGet(`${base}/r`, resolveFetchOptions({ backoffMs: 1, maxBackoffMs: 60_000 }), deps);
    expect(r.body).toBe('ok');
    expect(sleeps).toEqual([7000, 60_000]);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:58 GMT'))).toBe(2000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('a refused connection is a network error, retried then reported', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { deps } = fast();
    await expect(httpGet(`http://127.0.0.1:${port}/`, resolveFetchOptions({ retries: 1, backoffMs: 1 }), deps)).rejects.toMatchObject({
      code: 'E_FETCH',
      message: expect.stringMatching(/failed after 2 attempt\(s\): network error \(ECONNREFUSED\)/),
    });
  });
});

describe('paper-kg fetch (CLI)', () => {
  async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const r = await runCli(args, { cwd: ROOT, env: { ...process.env, PAPER_KG_CONTACT: '' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('fetch arxiv --out saves the pages and prints the ingest summary; --delay below 3 s needs --base-url', async () => {
    const page = await readFile(fixture('arxiv-atom-api/old2025-10-cs.RO-neural-2.xml'), 'utf8');
    handler = (_req, res) => send(res, 200, page);
    const dir = await mkdtemp(join(tmpdir(), 'paper-kg-fetch-'));
    try {
      const out = join(dir, 'ro.xml');
      const r = await cli(['fetch', 'arxiv', '--query', 'cat:cs.RO AND neural', '--max', '2', '--out', out, '--base-url', base, '--delay', '0']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(await readFile(out, 'utf8')).toBe(page);
      expect(r.stderr).toContain('ro.xml: arxiv-atom: read 2, parsed 2, merged 0, skipped 0');
      const polite = await cli(['fetch', 'arxiv', '--query', 'x', '--delay', '100']);
      expect(polite.code).toBe(1);
      expect(polite.stderr).toContain('--delay: arXiv asks for at least 3000 ms between requests, got 100');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fetch hf prints the JSON on stdout when there is no --out, and fails with exit code 1 on a dead server', async () => {
    const day = await readFile(fixture('hf-daily-papers-api/2024-06/2024-06-03.json'), 'utf8');
    handler = (_req, res) => send(res, 200, day);
    const r = await cli(['fetch', 'hf', '--date', '2024-06-03', '--base-url', base]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(day);
    expect(r.stderr).toContain(`${base}/api/daily_papers?date=2024-06-03: 6 papers`);
    expect(r.stderr).toContain('hf-daily-papers-2024-06-03.json: hf-api-json: read 6, parsed 6, merged 0, skipped 0');
    handler = (_req, res) => send(res, 503, 'down');
    const dead = await cli(['fetch', 'hf', '--date', '2024-06-03', '--base-url', base, '--retries', '0']);
    expect(dead.code).toBe(1);
    expect(dead.stderr).toContain('failed after 1 attempt(s): HTTP 503');
  });
});
