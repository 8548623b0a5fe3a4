// Shared set-up of the browser tests: Chromium (or a clear skip), the built viewer, graphs served on 127.0.0.1, pixel checks.
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { GraphJson } from '../../src/model/graph-json.ts';
import { DIST_DIR, startServer, type RunningServer } from '../../src/serve/index.ts';
import { ensureViewerBuilt } from '../../src/serve/viewer-build.ts';
import { writeSyntheticGraph, type SyntheticOptions } from '../../scripts/synthetic-graph.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Base flags, plus the ones that make WebGL run on SwiftShader (the software renderer) in headless Chromium. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // NOTE: with --disable-gpu, Chromium only falls back to SwiftShader for WebGL when told it may.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Outside CI a missing Chromium skips the browser tests (with how to install it); under CI it fails them. */
export function chromiumMissing(): string | null {
  if (existsSync(CHROMIUM)) return null;
  const message = `browser tests need Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`SKIPPED: ${message}`);
  return message;
}

let shared: Promise<Browser> | undefined;

/**
 * The Chromium of this test worker, launched by the first browser test file it runs and shared by the next ones (the
 * worker keeps this module loaded between files: `isolate: false`); every test opens its own page, in its own context.
 * Never close it in a test file: playwright ends it when the worker exits (Chromium also ends when its pipe closes).
 */
export function launchBrowser(): Promise<Browser> {
  shared ??= chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS }).then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  return shared;
}

/** The viewport of the browser tests' pages: a laptop screen. */
export const VIEWPORT = { width: 1280, height: 800 };

/** A page reused by the browser tests, with what it saw since the last `blank()`. */
export interface ReusedPage {
  page: Page;
  /** Uncaught exceptions and console errors since the last `blank()` (the same array, emptied in place). */
  errors: string[];
  /** Paths of the requests since the last `blank()` (the same array, emptied in place). */
  requests: string[];
  /** Leaves whatever the page showed for about:blank, at `viewport` (default VIEWPORT), and forgets what it saw. */
  blank(viewport?: { width: number; height: number }): Promise<void>;
}

let sharedPage: { browser: Browser; tab: Promise<ReusedPage> } | undefined;

/**
 * The page of this test worker, opened by the first browser test file it runs and reused by every test after it: each
 * test starts it on about:blank (`blank()`), then opens its URL (a new document, so a link that differs only by its hash
 * loads the viewer anew), instead of opening a page of its own. NOTE: a new page costs Chromium ~2.5 CPU s (a renderer
 * process, its WebGL context, the bundle compiled again); loading the viewer again in the same page ~1.3 s. The viewer
 * keeps no state outside its document (no storage, no service worker) and graph files are served no-cache, so what a
 * test sees is what a new tab would show. Never close it in a test file; a test that adds a route or a listener removes it.
 */
export function reusedPage(browser: Browser): Promise<ReusedPage> {
  if (sharedPage?.browser !== browser) sharedPage = { browser, tab: openTab(browser) };
  return sharedPage.tab;
}

async function openTab(browser: Browser): Promise<ReusedPage> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors = watchErrors(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  return {
    page,
    errors,
    requests,
    blank: async (viewport = VIEWPORT) => {
      await page.goto('about:blank');
      const now = page.viewportSize();
      if (now?.width !== viewport.width || now?.height !== viewport.height) await page.setViewportSize(viewport);
      errors.length = 0;
      requests.length = 0;
    },
  };
}

export async function ensureViewer(): Promise<void> {
  await ensureViewerBuilt(DIST_DIR, () => {});
}

export async function serveSynthetic(options: Partial<SyntheticOptions>): Promise<{ server: RunningServer; json: GraphJson }> {
  const dir = mkdtempSync(join(tmpdir(), 'paper-kg-viewer-'));
  const file = writeSyntheticGraph(dir, options);
  return { server: removingOnClose(await startServer({ graphFile: file, port: 0 }), dir), json: JSON.parse(await readFile(file, 'utf8')) as GraphJson };
}

/**
 * The bundled corpus's graph, built once per test run by the pipeline (buildToDirectory; see test/support/corpus-build.global.ts).
 * PAPER_KG_VIEWER_GRAPH=<build dir> reuses a graph built before instead (quicker when iterating on the viewer alone).
 */
export async function serveBundled(): Promise<{ server: RunningServer; json: GraphJson; dir: string }> {
  let file: string;
  // NOTE: the shared build of test/support/corpus-build.global.ts; the server only reads it.
  if (process.env.PAPER_KG_VIEWER_GRAPH) file = join(process.env.PAPER_KG_VIEWER_GRAPH, 'graph.json');
  else file = join(inject('corpusBuild'), 'graph.json');
  const server = await startServer({ graphFile: file, port: 0 });
  return { server, json: JSON.parse(await readFile(file, 'utf8')) as GraphJson, dir: dirname(file) };
}

/** The shared build of the bundled corpus (default viewer budget, far above its size), served; the directory is only read. */
export async function serveSharedBuild(): Promise<{ server: RunningServer; dir: string }> {
  const dir = inject('corpusBuild');
  return { server: await startServer({ graphFile: join(dir, 'graph.json'), port: 0 }), dir };
}

/**
 * The bundled corpus built by the pipeline with a given viewer budget (a small one gives it an overview); the directory
 * is only read. NOTE: cached beside the shared build (same sources, same cache entry's life), so an unchanged tree
 * builds it once, not once per run.
 */
export async function serveBuild(viewerBudget: number): Promise<{ server: RunningServer; dir: string }> {
  const out = `${inject('corpusBuild')}-budget-${viewerBudget}`;
  if (!existsSync(join(out, 'graph.json'))) {
    const partial = `${out}.${process.pid}.partial`;
    const { buildToDirectory } = await import('../../src/io/build.ts');
    await buildToDirectory({
      inputs: [fileURLToPath(new URL('../../graph/corpus/hf-daily-papers-fewer-tokens.txt', import.meta.url))],
      out: partial,
      viewerBudget,
    });
    try {
      renameSync(partial, out);
    } catch (e) {
      // Another worker put the same build in place first.
      rmSync(partial, { recursive: true, force: true });
      if (!existsSync(join(out, 'graph.json'))) throw e;
    }
  }
  return { server: await startServer({ graphFile: join(out, 'graph.json'), port: 0 }), dir: out };
}

/** Temporary graph directories go away with their server. */
function removingOnClose(server: RunningServer, dir: string): RunningServer {
  return {
    ...server,
    close: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Collects what would show up as errors in the developer console: uncaught exceptions and console.error (CSP violations included). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return errors;
}

export async function openViewer(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { paperKg?: { ready: boolean } }).paperKg?.ready === true, null, { timeout: 20_000 });
}

let resets = 0;

/**
 * Takes a viewer that shows a whole graph back to its default view as a person would, by following the map's plain link
 * in the same tab (a new hash, no reload; the viewer reads the state back on hashchange): nothing selected, no filter, the
 * whole map framed (the camera of a fresh load: x 0.5, y 0.5, ratio 1), the pointer off the map, the search box empty and
 * nothing focused. Then checks that this is what it shows. NOTE: for the tests that check what the viewer does with a
 * loaded map, not what a load does: reloading the bundled map costs Chromium ~1 CPU s, this ~0.1 s.
 */
export async function resetView(page: Page): Promise<void> {
  type Exposed = { paperKg: { mode: string; app: { sigma: { getCamera(): { isAnimated(): boolean; getState(): { x: number; y: number; ratio: number } } } } } };
  // The pointer over the page's header, off the map (a hovered node stays highlighted).
  await page.mouse.move(1, 1);
  await page.locator('#search').fill('');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // NOTE: a camera animation still running would overwrite the camera the link sets.
  await page.waitForFunction(() => !(window as unknown as Exposed).paperKg.app.sigma.getCamera().isAnimated(), undefined, { polling: 50 });
  // NOTE: a hash the viewer has not seen (`r` is ignored), so the navigation always fires hashchange.
  await page.evaluate((n) => (location.hash = `cam=0.5000,0.5000,1.0000&r=${n}`), ++resets);
  await page.waitForFunction(
    () => {
      const { mode, app } = (window as unknown as Exposed).paperKg;
      const c = app.sigma.getCamera();
      const { x, y, ratio } = c.getState();
      return mode === 'graph' && !c.isAnimated() && x === 0.5 && y === 0.5 && ratio === 1 && (document.querySelector('#panel') as HTMLElement).hidden;
    },
    undefined,
    { polling: 50 },
  );
}

/**
 * Counts the map's pixels near each given colour, reading only the WebGL layers (nodes and edges): the 2D label canvases and the
 * HTML theme names are hidden for the count, so a blank WebGL context cannot pass as a rendered map.
 */
export async function countMapPixels(page: Page, colors: string[]): Promise<{ total: number; ink: number; byColor: number[] }> {
  await page.evaluate(() => {
    for (const node of document.querySelectorAll<HTMLElement>('#map canvas:not(.sigma-nodes):not(.sigma-edges), #theme-labels'))
      node.style.visibility = 'hidden';
  });
  const png = await page.locator('#map').screenshot();
  await page.evaluate(() => {
    for (const node of document.querySelectorAll<HTMLElement>('#map canvas, #theme-labels')) node.style.visibility = '';
  });
  // NOTE: decoded inside the page (a 2D canvas), so the tests need no PNG library.
  return page.evaluate(
    async ({ data, colors }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const px = ctx.getImageData(0, 0, img.width, img.height).data;
      const rgb = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
      const byColor = colors.map(() => 0);
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) {
        const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
        if (r < 245 || g < 245 || b < 245) ink++;
        rgb.forEach((c, j) => {
          if (Math.abs(c[0] - r) + Math.abs(c[1] - g) + Math.abs(c[2] - b) < 24) byColor[j]++;
        });
      }
      return { total: px.length / 4, ink, byColor };
    },
    { data: png.toString('base64'), colors },
  );
}
