// The static server behind `paper-kg serve`: loopback only, CSP on every response, right MIME types, no escape from the site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, resolveGraphFile, startServer, type RunningServer } from '../../src/serve/index.ts';
import { PaperKgError } from '../../src/errors.ts';

/** A raw GET, so "../" reaches the server as written (fetch would normalise it away). */
function get(port: number, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((ok, ko) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', ko);
    req.end();
  });
}

describe('viewer server', () => {
  const root = mkdtempSync(join(tmpdir(), 'paper-kg-serve-'));
  const dist = join(root, 'dist');
  const build = join(root, 'build');
  let server: RunningServer;

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'), { recursive: true });
    mkdirSync(build);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'export {};');
    writeFileSync(join(dist, 'assets', 'app-1.css'), 'body{}');
    writeFileSync(join(build, 'graph.json'), '{"version":1}');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    server = await startServer({ graphFile: await resolveGraphFile(build), distDir: dist, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and prints a loopback URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('serves the site and the build graph.json with their MIME types and the CSP', async () => {
    const cases: Array<[string, string]> = [
      ['/', 'text/html; charset=utf-8'],
      ['/assets/app-1.js', 'text/javascript; charset=utf-8'],
      ['/assets/app-1.css', 'text/css; charset=utf-8'],
      ['/graph.json', 'application/json; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const res = await get(server.port, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toBe(type);
      expect(res.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await get(server.port, '/graph.json')).body).toBe('{"version":1}');
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
  });

  it('refuses paths that climb out of the site and answers 404 for missing files', async () => {
    // A literal "../" is resolved by URL parsing inside the site (so: not found); an encoded one is refused.
    expect((await get(server.port, '/../secret.txt')).status).toBe(404);
    expect((await get(server.port, '/..%2fsecret.txt')).status).toBe(403);
    expect((await get(server.port, '/assets/..%2f..%2fsecret.txt')).status).toBe(403);
    expect((await get(server.port, '/..%2fsecret.txt')).body).not.toBe('secret');
    expect((await get(server.port, '/nope.js')).status).toBe(404);
  });

  it('serves the overview files of the build by strict name, and 204 for a build without an overview', async () => {
    const none = await get(server.port, '/overview.json');
    expect([none.status, none.body]).toEqual([204, '']);
    expect(none.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    mkdirSync(join(build, 'overview'));
    writeFileSync(join(build, 'overview.json'), '{"kind":"overview"}');
    writeFileSync(join(build, 'overview', 't1.json'), '{"version":1,"t":1}');
    try {
      const overview = await get(server.port, '/overview.json');
      expect([overview.status, overview.body, overview.headers['content-type']]).toEqual([200, '{"kind":"overview"}', 'application/json; charset=utf-8']);
      expect((await get(server.port, '/overview/t1.json')).body).toBe('{"version":1,"t":1}');
      expect((await get(server.port, '/overview/t2.json')).status).toBe(404);
      // Only a plain file name under overview/: never a path out of it.
      expect((await get(server.port, '/overview/..%2fgraph.json')).status).toBe(403);
      expect((await get(server.port, '/overview/..%2f..%2fsecret.txt')).status).toBe(403);
      expect((await get(server.port, '/overview/t1.txt')).status).toBe(403);
    } finally {
      rmSync(join(build, 'overview.json'));
      rmSync(join(build, 'overview'), { recursive: true });
    }
  });

  it('serves the build first-frame.json, and 204 for a build without one (an older build, or one with an overview)', async () => {
    const none = await get(server.port, '/first-frame.json');
    expect([none.status, none.body]).toEqual([204, '']);
    writeFileSync(join(build, 'first-frame.json'), '{"version":1,"ff":1}');
    try {
      const ff = await get(server.port, '/first-frame.json');
      expect([ff.status, ff.body, ff.headers['content-type']]).toEqual([200, '{"version":1,"ff":1}', 'application/json; charset=utf-8']);
      expect(ff.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      rmSync(join(build, 'first-frame.json'));
    }
  });

  it('names what is missing when --graph has no graph.json', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'paper-kg-empty-'));
    await expect(resolveGraphFile(empty)).rejects.toThrow(/has no graph\.json; run "paper-kg build/);
    await expect(resolveGraphFile(join(empty, 'missing'))).rejects.toBeInstanceOf(PaperKgError);
    rmSync(empty, { recursive: true, force: true });
  });
});
