// The viewer above its node budget, in Chromium: it opens on the overview of themes without fetching graph.json, a click on a
// theme shows that theme's papers, Back returns, a link to a theme reopens it; below the budget it opens on the whole graph.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningServer } from '../../src/serve/index.ts';
import type { GraphJson } from '../../src/model/graph-json.ts';
import type { OverviewJson } from '../../src/model/overview-json.ts';
import {
  chromiumMissing,
  countMapPixels,
  ensureViewer,
  launchBrowser,
  openViewer,
  reusedPage,
  serveBuild,
  serveSharedBuild,
  type ReusedPage,
} from './helpers.ts';

const skip = chromiumMissing();

type PaperKgWindow = {
  paperKg: {
    mode: string;
    theme: string | null;
    model: { graph: { order: number } };
    overviewView: { sigma: { graphToViewport(p: { x: number; y: number }): { x: number; y: number } } };
  };
};

describe.skipIf(skip !== null)('viewer above the node budget (Chromium)', () => {
  let built: { server: RunningServer; dir: string };
  let overview: OverviewJson;
  let tab: ReusedPage;
  let page: Page;
  let requests: string[];

  beforeAll(async () => {
    await ensureViewer();
    let browser: Browser;
    // The bundled corpus has ~470 nodes: a budget of 150 puts it above, as 100k papers would be above 20k.
    [browser, built] = await Promise.all([launchBrowser(), serveBuild(150)]);
    overview = JSON.parse(readFileSync(join(built.dir, 'overview.json'), 'utf8')) as OverviewJson;
    tab = await reusedPage(browser);
    ({ page, requests } = tab);
  }, 120_000);
  afterAll(async () => {
    await built?.server.close();
  });

  const fresh = async (url = built.server.url) => {
    await tab.blank();
    await openViewer(page, url);
  };
  afterEach(() => {
    expect(tab.errors).toEqual([]);
  });
  const mode = () => page.evaluate(() => (window as unknown as PaperKgWindow).paperKg.mode);
  // NOTE: one load of the overview for the first four tests (the third opens a link anew as part of what it checks): each
  // starts on the overview as a person gets back to it, by its Back button, with the search box empty.
  beforeAll(() => fresh());
  beforeEach(async () => {
    if ((await mode()) !== 'overview') await page.locator('#back-overview').click();
    await page.locator('input[type="search"]').fill('');
    await page.mouse.move(1, 1);
    expect(await mode()).toBe('overview');
    await expect(page.locator('#panel').isHidden()).resolves.toBe(true);
  });

  it('opens on the overview: a disc per theme in its colour, every theme listed with its strongest concepts, graph.json never fetched', async () => {
    expect(await mode()).toBe('overview');
    await expect(page.locator('#sidebar .overview-list > li').count()).resolves.toBe(overview.themes.length);
    const first = overview.themes[0];
    await expect(page.locator(`#sidebar li[data-theme="${first.id}"] .note`).textContent()).resolves.toContain(first.topConcepts[0].label);
    const pixels = await countMapPixels(
      page,
      overview.themes.map((t) => t.color),
    );
    expect(pixels.byColor.filter((n) => n > 50).length).toBeGreaterThanOrEqual(Math.min(5, overview.themes.length));
    expect(requests).toContain('/overview.json');
    expect(requests).not.toContain('/graph.json');
    await expect(page.locator('#back-overview').isHidden()).resolves.toBe(true);
  });

  it('clicking a theme on the map shows its papers; Back returns to the overview', async () => {
    const theme = overview.themes[1];
    const at = await page.evaluate((p) => (window as unknown as PaperKgWindow).paperKg.overviewView.sigma.graphToViewport(p), { x: theme.x, y: theme.y });
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction(
      () =>
        (window as unknown as { paperKg?: { ready: boolean; mode: string } }).paperKg?.ready === true &&
        (window as unknown as PaperKgWindow).paperKg.mode === 'theme',
    );
    const doc = JSON.parse(readFileSync(join(built.dir, theme.file), 'utf8')) as GraphJson;
    expect(await page.evaluate(() => (window as unknown as PaperKgWindow).paperKg.theme)).toBe(theme.id);
    expect(await page.evaluate(() => (window as unknown as PaperKgWindow).paperKg.model.graph.order)).toBe(doc.graph.nodes.length);
    await expect(page.locator('#graph-name').textContent()).resolves.toContain(theme.name);
    expect(page.url()).toContain(`view=${theme.id}`);
    // Its papers are there: search one, its abstract shows.
    const paper = doc.graph.nodes.find((n) => n.attributes.kind === 'paper')!;
    expect(paper.attributes.theme).toBe(theme.id);
    await page.locator('input[type="search"]').fill(paper.attributes.label);
    await page.locator('#suggestions li').first().waitFor();
    await page.locator('input[type="search"]').press('Enter');
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.attributes.label);
    // Only this theme's papers, drawn in its colour.
    const pixels = await countMapPixels(page, [theme.color]);
    expect(pixels.byColor[0]).toBeGreaterThan(20);
    expect(requests).toContain(`/${theme.file}`);
    expect(requests).not.toContain('/graph.json');

    await page.locator('#back-overview').click();
    expect(await mode()).toBe('overview');
    await expect(page.locator('#panel').isHidden()).resolves.toBe(true);
    await expect(page.locator('#sidebar .overview-list > li').count()).resolves.toBe(overview.themes.length);
    expect(page.url()).not.toContain('view=');
  });

  it('the sidebar and the search open a theme from the keyboard; a link to a theme reopens it with its selection', async () => {
    const theme = overview.themes[2];
    await page.locator('input[type="search"]').fill(theme.name);
    await page.locator('#suggestions li').first().waitFor();
    const picked = await page.locator('#suggestions li').first().getAttribute('data-key');
    await page.locator('input[type="search"]').press('Enter');
    await page.waitForFunction(
      () =>
        (window as unknown as { paperKg?: { ready: boolean; mode: string } }).paperKg?.ready === true &&
        (window as unknown as PaperKgWindow).paperKg.mode === 'theme',
    );
    expect(await page.evaluate(() => (window as unknown as PaperKgWindow).paperKg.theme)).toBe(picked);
    await page.locator('#back-overview').click();
    await page.locator(`#sidebar li[data-theme="${theme.id}"] button.theme-name`).press('Enter');
    await page.waitForFunction(
      () =>
        (window as unknown as { paperKg?: { ready: boolean; mode: string } }).paperKg?.ready === true &&
        (window as unknown as PaperKgWindow).paperKg.mode === 'theme',
    );
    const doc = JSON.parse(readFileSync(join(built.dir, theme.file), 'utf8')) as GraphJson;
    const paper = doc.graph.nodes.find((n) => n.attributes.kind === 'paper')!;
    await page.evaluate((key) => (window as unknown as { paperKg: { app: { select(k: string): void } } }).paperKg.app.select(key), paper.key);
    await page.waitForFunction(() => location.hash.includes('sel='));
    const link = page.url();
    // The link opened anew (the page is left for about:blank first).
    await fresh(link);
    expect(await mode()).toBe('theme');
    expect(await page.evaluate(() => (window as unknown as PaperKgWindow).paperKg.theme)).toBe(theme.id);
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.attributes.label);
  });

  it('the overview search finds a benchmark in every theme and lists every paper that has it; inside a theme its panel names the papers of other themes', async () => {
    const graph = JSON.parse(readFileSync(join(built.dir, 'graph.json'), 'utf8')) as GraphJson;
    // The benchmark used by the most papers, across themes.
    const papersOf = new Map<string, string[]>();
    const node = new Map(graph.graph.nodes.map((n) => [n.key, n]));
    for (const e of graph.graph.edges) {
      const [p, c] = node.get(e.source)!.attributes.kind === 'paper' ? [e.source, e.target] : [e.target, e.source];
      if (node.get(c)!.attributes.kind !== 'benchmark') continue;
      if (!papersOf.has(c)) papersOf.set(c, []);
      papersOf.get(c)!.push(p);
    }
    const [bench, withIt] = [...papersOf].sort((a, b) => b[1].length - a[1].length)[0];
    const themesOf = new Set(withIt.map((p) => (node.get(p)!.attributes as { theme: string }).theme));
    expect(themesOf.size).toBeGreaterThan(1);
    const label = node.get(bench)!.attributes.label;
    await page.locator('input[type="search"]').fill(label);
    await page.locator('#suggestions li[data-key^="ix:c:"]').first().waitFor();
    await page.locator('#suggestions li[data-key^="ix:c:"]').first().dispatchEvent('mousedown');
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(label);
    const listed = await page.locator('#panel ol.papers li').allTextContents();
    expect(listed.sort()).toEqual(withIt.map((p) => node.get(p)!.attributes.label).sort());
    await expect(page.locator('#panel section[data-theme]').count()).resolves.toBe(themesOf.size);
    // A paper title from the index opens its theme with the paper selected.
    const paper = node.get(withIt[0])!;
    await page.locator('#panel ol.papers button', { hasText: paper.attributes.label }).first().click();
    await page.waitForFunction(
      () =>
        (window as unknown as { paperKg?: { ready: boolean; mode: string } }).paperKg?.ready === true &&
        (window as unknown as PaperKgWindow).paperKg.mode === 'theme',
    );
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.attributes.label);
    // In this theme, the benchmark says how many papers of other themes have it, and lists them.
    const here = (paper.attributes as { theme: string }).theme;
    await page.evaluate((key) => (window as unknown as { paperKg: { app: { select(k: string): void } } }).paperKg.app.select(key), bench);
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(label);
    const elsewhere = withIt.filter((p) => (node.get(p)!.attributes as { theme: string }).theme !== here);
    await expect(page.locator('#panel .more-themes strong').textContent()).resolves.toBe(
      `${elsewhere.length} more paper${elsewhere.length === 1 ? '' : 's'} in other themes`,
    );
    await page.locator('#panel .more-themes details').first().waitFor();
    const names = await page.locator('#panel .more-themes li').allTextContents();
    expect(names.sort()).toEqual(elsewhere.map((p) => node.get(p)!.attributes.label).sort());
    const other = await page.locator('#panel .more-themes details').first().getAttribute('data-theme');
    await page.locator('#panel .more-themes details summary').first().click();
    await page.locator('#panel .more-themes details').first().locator('li button').first().click();
    await page.waitForFunction(
      (id) =>
        (window as unknown as { paperKg?: { ready: boolean; theme: string | null } }).paperKg?.ready === true &&
        (window as unknown as PaperKgWindow).paperKg.theme === id,
      other,
    );
  });

  it('below the budget nothing changes: no overview files, the viewer opens on the whole graph', async () => {
    // The shared build: the default budget (20,000 nodes) is far above the corpus's ~470.
    const below = await serveSharedBuild();
    try {
      expect(existsSync(join(below.dir, 'overview.json'))).toBe(false);
      expect(existsSync(join(below.dir, 'overview'))).toBe(false);
      await fresh(below.server.url);
      expect(await mode()).toBe('graph');
      expect(requests).toContain('/graph.json');
      await expect(page.locator('#back-overview').isHidden()).resolves.toBe(true);
    } finally {
      await below.server.close();
    }
  }, 120_000);
});
