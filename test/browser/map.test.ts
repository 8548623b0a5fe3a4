// Issue 12 in Chromium, as a person sees it: themes as regions with readable names, zoom controls and keyboard, filters that
// re-frame, the theme panel, a benchmark's leaderboard, GEXF (read back by networkx and graphology-gexf) and PNG exports,
// and a link out for every paper.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { GraphJson } from '../../src/model/graph-json.ts';
import type { RunningServer } from '../../src/serve/index.ts';
import { CONCEPT_FILL } from '../../web/src/colors.ts';
import { chromiumMissing, ensureViewer, launchBrowser, openViewer, resetView, reusedPage, serveBundled, type ReusedPage } from './helpers.ts';

const skip = chromiumMissing();
type Node = GraphJson['graph']['nodes'][number];
type Box = { x: number; y: number; width: number; height: number };

/** Pixels of the map with only one layer showing, decoded in the page; per colour, how many are within a tolerance. */
async function layerPixels(page: Page, keep: string, colors: Array<[number, number, number]>, tolerance = 18): Promise<number[]> {
  await page.evaluate((sel) => {
    for (const n of document.querySelectorAll<HTMLElement>('#map canvas, #theme-labels')) n.style.visibility = n.matches(sel) ? '' : 'hidden';
  }, keep);
  const png = await page.locator('#map').screenshot();
  await page.evaluate(() => {
    for (const n of document.querySelectorAll<HTMLElement>('#map canvas, #theme-labels')) n.style.visibility = '';
  });
  return decodeCount(page, png.toString('base64'), colors, tolerance);
}

function decodeCount(page: Page, data: string, colors: Array<[number, number, number]>, tolerance: number, region?: { x0: number }): Promise<number[]> {
  return page.evaluate(
    async ({ data, colors, tolerance, region }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const x0 = region ? Math.round(region.x0 * img.width) : 0;
      const px = ctx.getImageData(x0, 0, img.width - x0, img.height).data;
      const out = colors.map(() => 0);
      for (let i = 0; i < px.length; i += 4)
        colors.forEach((col, j) => (Math.abs(col[0] - px[i]) + Math.abs(col[1] - px[i + 1]) + Math.abs(col[2] - px[i + 2]) < tolerance ? out[j]++ : 0));
      return out;
    },
    { data, colors, tolerance, region },
  );
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
/** A colour at `alpha` over white, as the region fill is drawn. */
const over = (hex: string, alpha: number): [number, number, number] =>
  rgb(hex).map((c) => Math.round(255 * (1 - alpha) + c * alpha)) as [number, number, number];
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe.skipIf(skip !== null)('the map reads as themes (Chromium)', () => {
  let bundled: { server: RunningServer; json: GraphJson; dir: string };
  let tab: ReusedPage;
  let page: Page;

  beforeAll(async () => {
    await ensureViewer();
    let browser: Browser;
    [browser, bundled] = await Promise.all([launchBrowser(), serveBundled()]);
    tab = await reusedPage(browser);
    page = tab.page;
  }, 120_000);
  afterAll(async () => {
    await bundled?.server.close();
  });
  // The camera animates (sigma's animate, 300 ms here); wait until it no longer does, on a loaded machine too.
  const settle = () => page.waitForFunction(() => !(window as any).paperKg.app.sigma.getCamera().isAnimated(), undefined, { polling: 50 });
  // NOTE: one load of the bundled map for every test (a load costs Chromium ~1 CPU s); each test starts from the map's
  // default view, reached through its link in the same tab (resetView), as a person who opened it anew would see it.
  beforeAll(async () => {
    await tab.blank();
    await openViewer(page, bundled.server.url);
    await settle();
  });
  beforeEach(() => resetView(page));
  afterEach(() => {
    expect(tab.errors).toEqual([]);
  });
  const papers = () => bundled.json.graph.nodes.filter((n): n is Node & { attributes: { kind: 'paper' } } => n.attributes.kind === 'paper');
  const camera = () => page.evaluate(() => (window as any).paperKg.app.sigma.getCamera().getState() as { x: number; y: number; ratio: number });

  it('every theme has a visible region and its full name on the map, names never overlapping, all inside the map', async () => {
    const themes = bundled.json.themes;
    // Names: every one shown at the default zoom, its whole text (wrapped, not cut), boxes apart.
    const labels = page.locator('.theme-label');
    await expect(labels.count()).resolves.toBe(themes.length);
    const map = (await page.locator('#map').boundingBox())!;
    const boxes: Box[] = [];
    for (let i = 0; i < themes.length; i++) {
      const label = labels.nth(i);
      await expect(label.isVisible(), themes[i].name).resolves.toBe(true);
      await expect(label.textContent()).resolves.toBe(themes[i].name);
      const clipped = await label.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      expect(clipped).toBe(false);
      const box = (await label.boundingBox())!;
      expect(box.x >= map.x && box.y >= map.y && box.x + box.width <= map.x + map.width && box.y + box.height <= map.y + map.height).toBe(true);
      boxes.push(box);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${themes[i].name} / ${themes[j].name}`).toBe(false);
    // Regions: the region layer alone shows each theme's colour as a soft fill (13 % over white).
    const counts = await layerPixels(
      page,
      '.sigma-theme-regions',
      themes.map((t) => over(t.color, 0.13)),
      10,
    );
    themes.forEach((t, i) => {
      if (t.size >= 3) expect(counts[i], `region of ${t.name}`).toBeGreaterThan(300);
    });
  });

  it('one encoding per mark: papers in their theme colour, concepts grey squares; the legend names wrap instead of being cut', async () => {
    const drawn = await page.evaluate(() => {
      const { app, model } = (window as any).paperKg;
      const out: Array<{ kind: string; color: string; type: string; theme: string }> = [];
      model.graph.forEachNode((k: string, a: { kind: string; theme: string }) => {
        const d = app.sigma.getNodeDisplayData(k);
        out.push({ kind: a.kind, color: d.color, type: d.type, theme: a.theme });
      });
      return out;
    });
    const colorOf = new Map(bundled.json.themes.map((t) => [t.id, t.color]));
    for (const d of drawn) {
      if (d.kind === 'paper') expect([d.color, d.type]).toEqual([colorOf.get(d.theme), 'paper']);
      else expect([d.color, d.type]).toEqual([CONCEPT_FILL, 'concept']);
    }
    for (const name of await page.locator('#sidebar .legend .theme-name').all()) {
      expect(await name.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    }
  });

  it('zoom in / out / fit buttons and the keyboard move the camera; a filter re-frames it on what is left', async () => {
    const start = await camera();
    await page.locator('#zoom-in').click();
    await settle();
    expect((await camera()).ratio).toBeCloseTo(start.ratio / 1.5, 2);
    // NOTE: a click during an animation zooms from where the camera is then; each click waits for the last to end.
    await page.locator('#zoom-out').click();
    await settle();
    await page.locator('#zoom-out').click();
    await settle();
    expect((await camera()).ratio).toBeCloseTo(start.ratio * 1.5, 2);
    await page.locator('#zoom-fit').click();
    await settle();
    expect(await camera()).toMatchObject({ x: 0.5, y: 0.5, ratio: 1 });
    await page.locator('#map').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    await settle();
    const moved = await camera();
    expect(moved.x).toBeGreaterThan(0.5);
    expect(moved.y).toBeGreaterThan(0.5);
    await page.keyboard.press('+');
    await settle();
    expect((await camera()).ratio).toBeLessThan(1);
    await page.keyboard.press('0');
    await settle();
    expect((await camera()).ratio).toBe(1);
    // Only one small theme: the camera closes in on it, and every one of its papers is on screen.
    const theme = [...bundled.json.themes].filter((t) => t.id !== 'other').sort((a, b) => a.size - b.size)[0];
    await page.locator('#theme-filter').selectOption(theme.id);
    await settle();
    expect((await camera()).ratio).toBeLessThan(0.8);
    const map = (await page.locator('#map').boundingBox())!;
    const onScreen = await page.evaluate((id) => {
      const { app, model } = (window as any).paperKg;
      const out: boolean[] = [];
      model.graph.forEachNode((k: string, a: { theme: string; kind: string }) => {
        if (a.theme !== id || a.kind !== 'paper') return;
        const p = app.sigma.graphToViewport(a);
        out.push(p.x >= 0 && p.y >= 0);
        out.push(p.x <= app.sigma.getDimensions().width && p.y <= app.sigma.getDimensions().height);
      });
      return out;
    }, theme.id);
    expect(onScreen.length).toBe(theme.size * 2);
    expect(onScreen.every(Boolean)).toBe(true);
    expect(map.width).toBeGreaterThan(0);
  });

  it('the theme panel: name, keywords, central papers, benchmarks, years, neighbours with shared concepts; every item leads somewhere', async () => {
    const theme = [...bundled.json.themes].sort((a, b) => b.size - a.size)[0];
    await page.locator(`#sidebar li[data-theme="${theme.id}"] .theme-name`).click();
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(theme.name);
    await expect(page.locator('#panel .keywords > *').count()).resolves.toBeGreaterThan(2);
    const central = await page.locator('#panel ol.central li').allTextContents();
    expect(central[0]).toBe(bundled.json.graph.nodes.find((n) => n.key === theme.centralPapers[0])!.attributes.label);
    await expect(page.locator('#panel ol.benchmarks li').count()).resolves.toBe(theme.topBenchmarks.length);
    // Years add up to the theme's dated papers.
    const years = await page.locator('#panel .years .bar').evaluateAll((bars) => bars.map((b) => Number(b.querySelector('.count')!.textContent)));
    const dated = papers().filter((p) => p.attributes.theme === theme.id && p.attributes.date).length;
    expect(years.reduce((a, b) => a + b, 0)).toBe(dated);
    // Neighbours: the count shown is the brute-force count of concepts both themes' papers use.
    const top = page.locator('#panel .neighbour').first();
    const other = await top.getAttribute('data-theme');
    const themeOf = new Map(bundled.json.graph.nodes.map((n) => [n.key, n.attributes.kind === 'paper' ? n.attributes.theme : null]));
    const conceptThemes = new Map<string, Set<string>>();
    for (const e of bundled.json.graph.edges) {
      const [p, c] = themeOf.get(e.source) ? [e.source, e.target] : [e.target, e.source];
      if (!conceptThemes.has(c)) conceptThemes.set(c, new Set());
      conceptThemes.get(c)!.add(themeOf.get(p)!);
    }
    const shared = [...conceptThemes.values()].filter((s) => s.has(theme.id) && s.has(other!)).length;
    await expect(top.locator('.count').textContent()).resolves.toContain(`${shared} shared concept`);
    // The most shared first: among the build's neighbours when it wrote them, else among all themes.
    const candidates = theme.neighbours?.length ? theme.neighbours.map((n) => n.theme) : bundled.json.themes.filter((t) => t.id !== theme.id).map((t) => t.id);
    if (theme.neighbours?.length) expect(candidates).toContain(other);
    const maxShared = Math.max(...candidates.map((t) => [...conceptThemes.values()].filter((s) => s.has(theme.id) && s.has(t)).length));
    expect(shared).toBe(maxShared);
    await expect(top.locator('.shared > *').count()).resolves.toBeGreaterThan(0);
    // A shared concept opens that concept; back on the theme, a neighbour opens its theme; a central paper its paper; a year filters.
    const concept = await top.locator('.shared button').first().textContent();
    await top.locator('.shared button').first().click();
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(concept);
    await page.locator(`#sidebar li[data-theme="${theme.id}"] .theme-name`).click();
    await page.locator('#panel .neighbour .theme-link').first().click();
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(bundled.json.themes.find((t) => t.id === other)!.name);
    await page.locator(`#sidebar li[data-theme="${theme.id}"] .theme-name`).click();
    await page.locator('#panel ol.central button').first().click();
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(central[0]);
    await page.locator(`#sidebar li[data-theme="${theme.id}"] .theme-name`).click();
    const year = await page.locator('#panel .years .bar').first().getAttribute('data-year');
    await page.locator('#panel .years .bar').first().click();
    await page.waitForFunction((y) => location.hash.includes(`from=${y}`), year);
  });

  it('a benchmark leaderboard: one table per metric and kind of number, sorted within it, duplicates dropped, evidence shown, CSV download', async () => {
    const counts = new Map<string, number>();
    for (const r of bundled.json.results) if (r.benchmark) counts.set(r.benchmark, (counts.get(r.benchmark) ?? 0) + 1);
    const [benchKey] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const bench = bundled.json.graph.nodes.find((x) => x.key === benchKey || x.key === `concept:${benchKey}`)!;
    await page.locator('input[type="search"]').fill(bench.attributes.label);
    await page.locator('#suggestions li').first().waitFor();
    await page.locator('input[type="search"]').press('Enter');
    await expect(page.locator('#panel h2').textContent()).resolves.toBe(bench.attributes.label);
    const label = (k: string | null) => (k ? (bundled.json.graph.nodes.find((n) => n.key === k || n.key === `concept:${k}`)?.attributes.label ?? '') : '');
    const results = bundled.json.results.filter((r) => r.benchmark === benchKey);
    const distinct = new Set(results.map((r) => `${r.paper}|${label(r.metric)}|${r.value}|${r.unit}|${r.delta}`));
    const tables = page.locator('#panel table.leaderboard');
    const groups = new Set(results.map((r) => `${label(r.metric) || '(metric not named)'}|${r.delta}|${r.unit}`));
    await expect(tables.count()).resolves.toBe(groups.size);
    await expect(page.locator('#panel table.leaderboard tr.result').count()).resolves.toBe(distinct.size);
    for (const t of await tables.all()) {
      const values = await t.locator('tr.result td.value').allTextContents();
      const nums = values.map((v) => parseFloat(v.replace(/^\+/, '')));
      const caption = (await t.locator('caption').textContent())!;
      const sorted = [...nums].sort((a, b) => (caption.includes('lower first') ? a - b : b - a));
      expect(nums).toEqual(sorted);
      const types = new Set(await t.locator('td.type').allTextContents());
      expect(types.size).toBe(1);
    }
    // Every number's sentence is on screen and holds the number as the paper wrote it.
    const evidence = await page.locator('#panel table.leaderboard td.evidence').allTextContents();
    for (const r of results) expect(evidence.some((e) => e.includes(r.span.text))).toBe(true);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#panel button.csv').click()]);
    const text = await readFile(await csv.path(), 'utf8');
    const lines = text.trim().split(/\r\n/);
    expect(lines[0]).toBe('benchmark,metric,type,rank,paper,paperId,model,value,unit,evidence');
    expect(lines.length).toBe(distinct.size + 1);
  });

  it('GEXF from the viewer: the CLI writer, only what the filters show, read back by networkx and graphology-gexf with r/g/b colours and theme names', async () => {
    // Unfiltered, it is the build's graph.gexf, the meta aside.
    const [all] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gexf').click()]);
    const full = await readFile(await all.path(), 'utf8');
    const cli = readFileSync(join(bundled.dir, 'graph.gexf'), 'utf8');
    const noMeta = (s: string) => s.replace(/<meta>.*?<\/meta>/, '');
    expect(noMeta(full)).toBe(noMeta(cli));
    expect(full).toMatch(/<description>Colour = theme/);
    // Only one theme and papers + benchmarks.
    const theme = [...bundled.json.themes].sort((a, b) => b.size - a.size)[0];
    await page.locator('#theme-filter').selectOption(theme.id);
    await page.locator('button', { hasText: 'Papers + benchmarks' }).click();
    const [filtered] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gexf').click()]);
    const xml = await readFile(await filtered.path(), 'utf8');
    expect(xml).not.toMatch(/hex=/);
    const expected = bundled.json.graph.nodes.filter(
      (n) => n.attributes.theme === theme.id && (n.attributes.kind === 'paper' || n.attributes.kind === 'benchmark'),
    );
    // graphology-gexf (the JS reader).
    const g = parseGexf(Graph, xml);
    expect(g.order).toBe(expected.length);
    for (const n of expected) expect(g.getNodeAttribute(n.key, 'themeName')).toBe(theme.name);
    // networkx 3 (Python), an independent reader.
    const dir = mkdtempSync(join(tmpdir(), 'paper-kg-gexf-'));
    try {
      writeFileSync(join(dir, 'map.gexf'), xml);
      const script = [
        'import json, sys, networkx as nx',
        'g = nx.read_gexf(sys.argv[1])',
        'n = next(iter(g.nodes))',
        'print(json.dumps({"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "version": nx.__version__, "colors": sorted({"#%02x%02x%02x" % (d["viz"]["color"]["r"], d["viz"]["color"]["g"], d["viz"]["color"]["b"]) for _, d in g.nodes(data=True) if d.get("kind") == "paper"}), "names": sorted({d.get("themeName") for _, d in g.nodes(data=True)})}))',
      ].join('\n');
      const out = JSON.parse(execFileSync('python3', ['-c', script, join(dir, 'map.gexf')], { encoding: 'utf8' })) as {
        nodes: number;
        edges: number;
        version: string;
        colors: string[];
        names: string[];
      };
      expect(out.version.split('.')[0]).toBe('3');
      expect(out.nodes).toBe(expected.length);
      expect(out.edges).toBe(g.size);
      expect(out.colors).toEqual([theme.color]);
      expect(out.names).toEqual([theme.name]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the PNG has the theme regions, the theme names and a legend of every theme', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const bytes = await readFile(await png.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const size = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      return { w: img.width, h: img.height };
    }, bytes.toString('base64'));
    const map = (await page.locator('#map').boundingBox())!;
    expect(size.w).toBe(Math.round(map.width) + 280);
    // The legend strip (right of the map) holds a swatch of every theme; the map part holds each theme's region tint.
    const themes = bundled.json.themes;
    const legend = await decodeCount(
      page,
      bytes.toString('base64'),
      themes.map((t) => rgb(t.color)),
      12,
      { x0: map.width / size.w },
    );
    themes.forEach((t, i) => expect(legend[i], t.name).toBeGreaterThan(40));
    const regions = await decodeCount(
      page,
      bytes.toString('base64'),
      themes.map((t) => over(t.color, 0.13)),
      10,
    );
    themes.forEach((t, i) => {
      if (t.size >= 3) expect(regions[i], t.name).toBeGreaterThan(200);
    });
  });

  it('every paper has a link out: arXiv / DOI / Hugging Face when it has an id, else a search for its title', async () => {
    const links = await page.evaluate(
      (keys) => {
        const { app } = (window as any).paperKg;
        return keys.map((k) => {
          app.select(k);
          return [...document.querySelectorAll<HTMLAnchorElement>('#panel .links a')].map((a) => ({ text: a.textContent, href: a.href }));
        });
      },
      papers().map((p) => p.key),
    );
    papers().forEach((p, i) => {
      const found = links[i];
      expect(found.length, p.attributes.label).toBeGreaterThan(0);
      if (/^\d{4}\.\d{4,5}$/.test(p.attributes.paperId)) expect(found.map((l) => l.href)).toContain(`https://arxiv.org/abs/${p.attributes.paperId}`);
      else if (!Object.keys(p.attributes.links).some((k) => k !== 'code') && !p.attributes.url) {
        const search = new URL(found.find((l) => l.text === 'search')!.href);
        expect([search.origin, search.searchParams.get('q')]).toEqual(['https://www.semanticscholar.org', p.attributes.label]);
      }
    });
  });
});
