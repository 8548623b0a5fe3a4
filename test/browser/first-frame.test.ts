// The first frame drawn from first-frame.json while graph.json is held back: the map a person sees (nodes in theme
// colours, regions, every theme name) before graph.json arrives, and the same pixels once the full map replaces it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Route } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import type { GraphJson } from '../../src/model/graph-json.ts';
import type { RunningServer } from '../../src/serve/index.ts';
import { chromiumMissing, countMapPixels, ensureViewer, launchBrowser, reusedPage, serveBundled, type ReusedPage } from './helpers.ts';

const skip = chromiumMissing();
const LES_MISERABLES = fileURLToPath(new URL('../fixtures/gexf/graphology-fixtures/les_miserables.gexf', import.meta.url));

type Exposed = { paperKg?: { mode?: string; ready?: boolean } };

describe.skipIf(skip !== null)('the first frame, from first-frame.json', () => {
  let bundled: { server: RunningServer; json: GraphJson };
  let tab: ReusedPage;
  let page: Page;
  let release: () => void;

  beforeAll(async () => {
    await ensureViewer();
    let browser: Browser;
    [browser, bundled] = await Promise.all([launchBrowser(), serveBundled()]);
    tab = await reusedPage(browser);
    page = tab.page;
  });
  afterAll(async () => {
    await bundled?.server.close();
  });
  afterEach(async () => {
    release?.();
    expect(tab.errors).toEqual([]);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  });

  /** The page, opening `url` with its graph.json request held until `release()`. */
  const holdingGraphJson = async (url: string) => {
    await tab.blank();
    const held = new Promise<void>((ok) => (release = ok));
    let asked = false;
    await page.route('**/graph.json', async (route: Route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(url);
    return { asked: () => asked };
  };

  /** The map's layers one at a time, everything else hidden: `nodes` (sigma's WebGL nodes) or `regions` (the theme regions canvas). */
  const layerShot = async (layer: 'nodes' | 'regions') => {
    const keep = layer === 'nodes' ? '.sigma-nodes' : '.sigma-theme-regions';
    await page.evaluate((keep) => {
      for (const node of document.querySelectorAll<HTMLElement>(`#map canvas:not(${keep}), #map-wrap > :not(#map)`)) node.style.visibility = 'hidden';
    }, keep);
    const png = await page.locator('#map').screenshot();
    await page.evaluate(() => {
      for (const node of document.querySelectorAll<HTMLElement>('#map canvas, #map-wrap > *')) node.style.visibility = '';
    });
    return png;
  };
  /** Pixels of two screenshots that differ by more than 2 levels in a channel (decoded in the page: no PNG library needed). */
  const pixelDiff = (a: Buffer, b: Buffer) =>
    page.evaluate(
      async ([a, b]) => {
        const decode = async (data: string) => {
          const img = new Image();
          img.src = `data:image/png;base64,${data}`;
          await img.decode();
          const canvas = document.createElement('canvas');
          [canvas.width, canvas.height] = [img.width, img.height];
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(img, 0, 0);
          return ctx.getImageData(0, 0, img.width, img.height);
        };
        const [x, y] = [await decode(a), await decode(b)];
        let over2 = 0;
        for (let i = 0; i < x.data.length; i += 4) if ([0, 1, 2].some((c) => Math.abs(x.data[i + c] - y.data[i + c]) > 2)) over2++;
        return { size: x.width === y.width && x.height === y.height, over2 };
      },
      [a.toString('base64'), b.toString('base64')],
    );
  const namePlaces = () =>
    page.$$eval('#theme-labels .theme-label', (els) => els.map((e) => [e.textContent, (e as HTMLElement).hidden, (e as HTMLElement).style.transform]));

  it('draws the map (nodes in theme colours, regions, every theme name) before graph.json arrives, and the full map draws the same', async () => {
    const held = await holdingGraphJson(bundled.server.url);
    await page.waitForFunction(() => performance.getEntriesByName('paper-kg:first-frame').length > 0, null, { timeout: 20_000 });
    // graph.json was asked for (early, beside first-frame.json) and is still held: this frame came from first-frame.json.
    expect(held.asked()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as Exposed).paperKg)).toEqual({ mode: 'preview', ready: false });
    const themeColors = bundled.json.themes.map((t) => t.color);
    const pixels = await countMapPixels(page, themeColors);
    expect(pixels.ink / pixels.total).toBeGreaterThan(0.01);
    expect(pixels.byColor.filter((n) => n > 20).length).toBeGreaterThanOrEqual(Math.min(3, themeColors.length));
    const names = await namePlaces();
    expect(names.map((n) => n[0]).sort()).toEqual(bundled.json.themes.map((t) => t.name).sort());
    expect(names.every((n) => n[1] === false)).toBe(true);
    await expect(page.locator('#graph-name').textContent()).resolves.toContain(`${bundled.json.graph.nodes.length} nodes`);
    const nodes = await layerShot('nodes');
    const regions = await layerShot('regions');

    release();
    await page.waitForFunction(() => (window as unknown as Exposed).paperKg?.ready === true, null, { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as Exposed).paperKg?.mode)).toBe('graph');
    // The same picture: node layer and regions pixel for pixel, every name in the same place.
    // NOTE: SwiftShader may round an antialiased edge pixel one level apart between two renders of the same data.
    expect(await pixelDiff(await layerShot('nodes'), nodes)).toEqual({ size: true, over2: 0 });
    expect(await pixelDiff(await layerShot('regions'), regions)).toEqual({ size: true, over2: 0 });
    expect(await namePlaces()).toEqual(names);
  });

  it('a link whose state needs graph.json (a selection) waits for it instead', async () => {
    const paper = bundled.json.graph.nodes.find((n) => n.attributes.kind === 'paper')!;
    await holdingGraphJson(`${bundled.server.url}#sel=${encodeURIComponent(paper.key)}`);
    await page.locator('#status', { hasText: 'Loading graph.json' }).waitFor();
    // Time enough for the first frame it would have drawn (that took ~0.1 s in the test above).
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => (window as unknown as Exposed).paperKg)).toBeUndefined();
    await expect(page.locator('#map canvas').count()).resolves.toBe(0);
    release();
    await page.waitForFunction(() => (window as unknown as Exposed).paperKg?.ready === true, null, { timeout: 20_000 });
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.attributes.label);
  });

  it('a file opened over the first frame stays: graph.json arriving later does not replace it', async () => {
    await holdingGraphJson(bundled.server.url);
    await page.waitForFunction(() => performance.getEntriesByName('paper-kg:first-frame').length > 0, null, { timeout: 20_000 });
    await page.locator('#open-file').setInputFiles(LES_MISERABLES);
    await page.waitForFunction(() => document.querySelector('#graph-name')?.textContent?.startsWith('les_miserables.gexf'));
    release();
    await page.waitForResponse((r) => r.url().endsWith('/graph.json'));
    await page.waitForTimeout(1000);
    await expect(page.locator('#graph-name').textContent()).resolves.toContain('77 nodes');
    expect(await page.evaluate(() => (window as unknown as { paperKg: { model: { name: string } } }).paperKg.model.name)).toBe('les_miserables.gexf');
  });
});
