// Benchmarks the viewer in headless Chromium on a synthetic 10k-node / 50k-edge graph: time to a rendered map after
// navigation, and search-to-selection time. A script, not a timed test. Usage: node --import tsx scripts/bench-viewer.ts
// [--papers N --concepts N --edges N] [--runs N] [--compare <dist dir>]: --compare serves another build of the viewer (e.g. one
// made from an earlier commit) from the same graph, runs alternating with the current one, so both see the same machine load.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticGraph } from './synthetic-graph.ts';
import { DIST_DIR, startServer } from '../src/serve/index.ts';
import { ensureViewerBuilt } from '../src/serve/viewer-build.ts';
import { CHROMIUM_ARGS, CHROMIUM, countMapPixels, launchBrowser, watchErrors } from '../test/browser/helpers.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const compareAt = process.argv.indexOf('--compare');
const compareDist = compareAt > 0 ? process.argv[compareAt + 1] : null;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const RUNS = arg('runs', 3);
// NOTE: the machine's load is printed with the figures: on a shared machine a wall time means little without it.
const loadAtStart = loadavg()
  .map((l) => l.toFixed(1))
  .join(' ');
const SEARCHES = 15;

const dir = mkdtempSync(join(tmpdir(), 'paper-kg-bench-'));
const file = writeSyntheticGraph(dir, { papers: arg('papers', 8000), concepts: arg('concepts', 2100), edges: arg('edges', 52_000), themes: 12 });
await ensureViewerBuilt(DIST_DIR, (line) => process.stderr.write(`${line}\n`));
const server = await startServer({ graphFile: file, port: 0 });
const before = compareDist ? await startServer({ graphFile: file, port: 0, distDir: compareDist }) : null;
const browser = await launchBrowser();
try {
  const sites = [{ name: 'current', server, renders: [] as number[], complete: [] as number[] }];
  if (before) sites.push({ name: `compare (${compareDist})`, server: before, renders: [], complete: [] });
  let size = '';
  const searches: number[] = [];
  for (let run = 0; run < RUNS * sites.length; run++) {
    const site = sites[run % sites.length];
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    await page.goto(site.server.url);
    await page.waitForFunction(() => (window as any).paperKg?.ready === true, null, { timeout: 60_000 });
    // Every edge in: the frame after ready. performance.now() counts from navigation start.
    const complete = await page.evaluate(() => new Promise<number>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now())))));
    // The first frame of the map: a viewer that draws nodes before edges marks it; else it is the frame after ready.
    const first = await page.evaluate(() => performance.getEntriesByName('paper-kg:first-frame')[0]?.startTime ?? null);
    site.renders.push(first ?? complete);
    site.complete.push(complete);
    size = (await page.locator('#graph-name').textContent()) ?? '';
    // Where the time goes: the marks the viewer sets while loading (ms since navigation start).
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name.replace('paper-kg:', '')} ${Math.round(m.startTime)}`));
    process.stderr.write(`${site.name} run ${Math.floor(run / sites.length) + 1}: ${marks.join(' · ')} · complete ${Math.round(complete)}\n`);
    const pixels = await countMapPixels(page, []);
    if (pixels.ink / pixels.total < 0.01) throw new Error(`the map looks blank (${pixels.ink} of ${pixels.total} pixels inked)`);
    if (run === 0) {
      // Search-to-selection: type a title, press Enter, until the panel shows it and the map has redrawn the highlight.
      const titles = await page.evaluate((n) => {
        const g = (window as any).paperKg.model.graph;
        const out: string[] = [];
        g.forEachNode((_k: string, a: { kind: string; label: string }) => (a.kind === 'paper' && out.length < 4000 ? out.push(a.label) : undefined));
        return out.filter((_t, i) => i % Math.floor(4000 / n) === 7).slice(0, n);
      }, SEARCHES);
      for (const title of titles) {
        searches.push(
          await page.evaluate(
            (t) =>
              new Promise<number>((ok, ko) => {
                const input = document.getElementById('search') as HTMLInputElement;
                const t0 = performance.now();
                input.value = t;
                input.dispatchEvent(new Event('input'));
                input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
                const shown = document.querySelector('#panel h2')?.textContent;
                if (shown !== t) ko(new Error(`selected "${shown}" instead of "${t}"`));
                requestAnimationFrame(() => ok(performance.now() - t0));
              }),
            title,
          ),
        );
        await page.waitForTimeout(600);
      }
    }
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await page.close();
  }
  process.stdout.write(
    [
      `viewer benchmark — ${size}; load average (1, 5, 15 min) ${loadAtStart} at the start, ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end; headless Chromium (${CHROMIUM}), WebGL on SwiftShader (${CHROMIUM_ARGS.filter((a) => a.includes('swiftshader')).join(' ')})`,
      ...sites.flatMap((s) => [
        `${s.name}: first frame of the map after navigation: median ${Math.round(median(s.renders))} ms (runs: ${s.renders.map(Math.round).join(', ')} ms; target ≤ 1500 ms)`,
        `${s.name}: every edge drawn:                          median ${Math.round(median(s.complete))} ms (runs: ${s.complete.map(Math.round).join(', ')} ms)`,
      ]),
      `search-to-selection:     median ${Math.round(median(searches))} ms, max ${Math.round(Math.max(...searches))} ms over ${searches.length} titles (target ≤ 100 ms; each: ${searches.map(Math.round).join(', ')} ms)`,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  await server.close();
  await before?.close();
  rmSync(dir, { recursive: true, force: true });
}
