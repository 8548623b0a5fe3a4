// `paper-kg serve --graph DIR` right after `npm install`: no built viewer yet, so the first serve builds it, then serves it.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('paper-kg serve on a fresh install', () => {
  const viewerDir = join(mkdtempSync(join(tmpdir(), 'paper-kg-fresh-')), 'dist');
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.pid && child.exitCode === null) child.kill('SIGTERM');
    rmSync(join(viewerDir, '..'), { recursive: true, force: true });
  });

  it('builds the missing viewer once and serves the map', async () => {
    expect(existsSync(viewerDir)).toBe(false);
    // NOTE: the CLI of bin/paper-kg.js bundled into plain JS (test/support/bundles.global.ts): a start through tsx costs
    // ~1.4 s of CPU before its first line; test/scale/progress.test.ts starts bin/paper-kg.js itself.
    child = spawn(process.execPath, [inject('cliBundle'), 'serve', '--graph', 'graph', '--port', '0', '--viewer-dir', viewerDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((ok, ko) => {
      let out = '';
      child!.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
        if (m) ok(m[0]);
      });
      child!.on('exit', (code) => ko(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    expect(stderr).toContain('building the viewer');
    expect(existsSync(join(viewerDir, 'index.html'))).toBe(true);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeTruthy();
    expect((await fetch(url + script)).status).toBe(200);
    const graph = await fetch(url + 'graph.json');
    expect(((await graph.json()) as { version: number }).version).toBe(1);
  }, 120_000);
});
