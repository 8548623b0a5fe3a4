// The viewer in a real browser (headless Chromium): what a person sees on the bundled map, and that untrusted text stays inert.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, Dialog, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/serve/index.ts';
import type { GraphJson } from '../../src/model/graph-json.ts';
import type { RunningServer } from '../../src/serve/index.ts';
import { XSS_TITLE } from '../../scripts/synthetic-graph.ts';
import { FADED_NODE } from '../../web/src/colors.ts';
import {
  chromiumMissing,
  countMapPixels,
  ensureViewer,
  launchBrowser,
  openViewer,
  resetView,
  reusedPage,
  serveBundled,
  serveSynthetic,
  type ReusedPage,
} from './helpers.ts';

const skip = chromiumMissing();
const LES_MISERABLES = fileURLToPath(new URL('../fixtures/gexf/graphology-fixtures/les_miserables.gexf', import.meta.url));

type Node = GraphJson['graph']['nodes'][number];

describe.skipIf(skip !== null)('viewer in Chromium', () => {
  let bundled: { server: RunningServer; json: GraphJson };
  let tab: ReusedPage;
  let page: Page;

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

  const fresh = async (url = bundled.server.url) => {
    await tab.blank();
    await openViewer(page, url);
  };
  afterEach(() => {
    // Every test ends with a clean console: no uncaught exception, no CSP violation, no failed request.
    expect(tab.errors).toEqual([]);
  });

  const papers = () => bundled.json.graph.nodes.filter((n): n is Node & { attributes: { kind: 'paper' } } => n.attributes.kind === 'paper');
  const searchFor = async (text: string) => {
    await page.locator('input[type="search"]').fill(text);
    await page.locator('#suggestions li').first().waitFor();
    await page.locator('input[type="search"]').press('Enter');
  };

  const hoverCheck = async (key: string) => {
    // Hover the node where a person would see it, then read what the renderer drew for it, its neighbours and the rest.
    const at = await page.evaluate((k) => {
      const s = (window as any).paperKg.app.sigma;
      return s.framedGraphToViewport(s.getNodeDisplayData(k));
    }, key);
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await page.waitForFunction((k) => (window as any).paperKg.app.sigma.getNodeDisplayData(k)?.highlighted === true, key);
    return highlightCounts(key);
  };
  /** What the renderer draws for a node, its neighbours and the rest (by display data: the graph itself must stay as loaded). */
  const highlightCounts = (key: string) =>
    page.evaluate(
      ({ k, FADED }) => {
        const { app, model } = (window as any).paperKg;
        const g = model.graph;
        const neighbours = new Set(g.neighbors(k));
        let faded = 0;
        let bright = 0;
        let others = 0;
        g.forEachNode((n: string, a: { color: string }) => {
          const d = app.sigma.getNodeDisplayData(n);
          if (n === k || neighbours.has(n)) bright += d.color !== FADED ? 1 : 0;
          else {
            others++;
            faded += d.color === FADED ? 1 : 0;
          }
          if (!/^#[0-9a-f]{6}$/i.test(a.color)) throw new Error('the graph was mutated');
        });
        return { bright, neighbours: neighbours.size + 1, faded, others, graphColor: g.getNodeAttribute(k, 'color') };
      },
      { k: key, FADED: FADED_NODE },
    );

  // NOTE: one load for these tests (each starts from the map's default view, reached through its link): a load of the
  // bundled map costs Chromium ~1 CPU s. The load itself is checked by the first test; the GEXF file opened comes last.
  describe('on one load of the bundled map', () => {
    beforeAll(() => fresh());
    beforeEach(() => resetView(page));

    it('renders the bundled map: the WebGL layers draw nodes in the theme colours', async () => {
      const themeColors = bundled.json.themes.map((t) => t.color);
      const pixels = await countMapPixels(page, themeColors);
      expect(pixels.ink / pixels.total).toBeGreaterThan(0.01);
      // Most themes are visible as coloured paper discs.
      expect(pixels.byColor.filter((n) => n > 20).length).toBeGreaterThanOrEqual(Math.min(3, themeColors.length));
      await expect(page.locator('#graph-name').textContent()).resolves.toContain(`${bundled.json.graph.nodes.length} nodes`);
      await expect(page.locator('.theme-label').count()).resolves.toBe(bundled.json.themes.length);
    });

    it('typing a paper title and pressing Enter shows its abstract with the extracted concepts highlighted', async () => {
      // The paper with the most evidence spans, so the highlights are many.
      const spansOf = (key: string) =>
        bundled.json.graph.edges.filter((e) => e.source === key || e.target === key).flatMap((e) => e.attributes.spans.filter((s) => s.field === 'abstract'));
      const paper = papers()
        .map((p) => ({ p, spans: spansOf(p.key) }))
        .sort((a, b) => b.spans.length - a.spans.length)[0];
      await searchFor(paper.p.attributes.label);
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.p.attributes.label);
      const abstract = page.locator('#panel .abstract');
      await expect(abstract.textContent()).resolves.toBe(paper.p.attributes.abstract);
      const marks = await abstract.locator('mark.concept').allTextContents();
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(paper.spans.map((s) => s.text)).toContain(m);
      // A highlight leads to its concept.
      const first = abstract.locator('mark.concept').first();
      const key = await first.getAttribute('data-key');
      await first.click();
      const concept = bundled.json.graph.nodes.find((n) => n.key === key)!;
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(concept.attributes.label);
      // The selection is in the URL.
      await page.waitForFunction((k) => decodeURIComponent(location.hash).includes(`sel=${k}`), key);
    });

    it('a benchmark shows the papers that use it and their reported numbers', async () => {
      const counts = new Map<string, number>();
      for (const r of bundled.json.results) if (r.benchmark) counts.set(r.benchmark, (counts.get(r.benchmark) ?? 0) + 1);
      const [benchKey, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
      const bench = bundled.json.graph.nodes.find((x) => x.key === benchKey || x.key === `concept:${benchKey}`)!;
      await searchFor(bench.attributes.label);
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(bench.attributes.label);
      // The leaderboard: one row per distinct result (the same number stated twice counts once), each value and paper shown.
      const rows = page.locator('#panel table.leaderboard tr.result');
      const distinct = new Set(
        bundled.json.results.filter((x) => x.benchmark === benchKey).map((r) => `${r.paper}|${r.metric}|${r.value}|${r.unit}|${r.delta}`),
      );
      expect(distinct.size).toBeLessThanOrEqual(n);
      await expect(rows.count()).resolves.toBe(distinct.size);
      const table = (await page.locator('#panel .leaderboard-wrap').textContent())!;
      for (const r of bundled.json.results.filter((x) => x.benchmark === benchKey)) {
        expect(table).toContain(String(r.value));
        expect(table).toContain(bundled.json.graph.nodes.find((x) => x.key === r.paper)!.attributes.label);
      }
      const listed = await page.locator('#panel ol.papers li').count();
      expect(listed).toBe(bundled.json.graph.edges.filter((e) => e.source === bench.key || e.target === bench.key).length);
    });

    it('a theme toggle hides its nodes, on the map and in the renderer', async () => {
      const theme = [...bundled.json.themes].sort((a, b) => b.size - a.size)[0];
      const before = await countMapPixels(page, [theme.color]);
      expect(before.byColor[0]).toBeGreaterThan(20);
      await page.locator(`li[data-theme="${theme.id}"] input[type="checkbox"]`).uncheck();
      const after = await countMapPixels(page, [theme.color]);
      expect(after.byColor[0]).toBeLessThan(before.byColor[0] / 10);
      const members = bundled.json.graph.nodes.filter((n) => n.attributes.theme === theme.id).map((n) => n.key);
      const hidden = await page.evaluate(
        (keys) => keys.filter((k) => (window as any).paperKg.app.sigma.getNodeDisplayData(k)?.hidden === true).length,
        members,
      );
      expect(hidden).toBe(members.length);
      await page.waitForFunction((id) => decodeURIComponent(location.hash).includes(`hide=${id}`), theme.id);
    });

    it('a reloaded URL restores the selection, the filters and the camera', async () => {
      const paper = papers()[3];
      await searchFor(paper.attributes.label);
      await page.locator('button', { hasText: 'Papers + benchmarks' }).click();
      await page.waitForFunction(() => location.hash.includes('sel=') && location.hash.includes('kinds=') && location.hash.includes('cam='));
      // The camera animation has ended and the URL holds where it stopped.
      await page.waitForFunction(() => {
        const c = (window as any).paperKg.app.sigma.getCamera();
        const cam = new URLSearchParams(location.hash.slice(1)).get('cam');
        return !c.isAnimated() && cam === [c.x, c.y, c.ratio].map((v: number) => v.toFixed(4)).join(',');
      });
      const before = await page.evaluate(() => (window as any).paperKg.app.sigma.getCamera().getState());
      await page.reload();
      await page.waitForFunction(() => (window as any).paperKg?.ready === true);
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.attributes.label);
      await expect(page.locator('input[data-kind="method"]').isChecked()).resolves.toBe(false);
      const after = await page.evaluate(() => (window as any).paperKg.app.sigma.getCamera().getState());
      expect(after.ratio).toBeCloseTo(before.ratio, 3);
      expect(after.x).toBeCloseTo(before.x, 3);
    });

    it('Escape closes the panel; "/" reaches the search box from the keyboard', async () => {
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search');
      await page.keyboard.type(papers()[0].attributes.label.slice(0, 12));
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.locator('#panel').isVisible()).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await expect(page.locator('#panel').isVisible()).resolves.toBe(false);
    });

    it('exports the graph as GEXF 1.3 and the map as a PNG from the browser', async () => {
      const [gexf] = await Promise.all([page.waitForEvent('download'), page.locator('#export-gexf').click()]);
      const xml = await readFile(await gexf.path(), 'utf8');
      expect(xml.slice(0, 400)).toMatch(/<gexf version="1.3" xmlns="http:\/\/gexf.net\/1.3"/);
      expect(xml.match(/<node /g)?.length).toBe(bundled.json.graph.nodes.length);
      expect(xml.match(/<edge /g)?.length).toBe(bundled.json.graph.edges.length);
      const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
      expect(png.suggestedFilename()).toBe('paper-kg-map.png');
      const bytes = await readFile(await png.path());
      expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(bytes.length).toBeGreaterThan(10_000);
    });

    it('hovering a node keeps it and its neighbours bright and fades the rest, without mutating the graph', async () => {
      // A paper a person can point at: the first whose disc no theme name covers.
      const keys = papers().map((p) => p.key);
      const free = await page.evaluate((ks) => {
        const s = (window as any).paperKg.app.sigma;
        const box = document.querySelector('#map')!.getBoundingClientRect();
        return ks.find((k) => {
          const at = s.framedGraphToViewport(s.getNodeDisplayData(k));
          return !document.elementFromPoint(box.x + at.x, box.y + at.y)?.closest('.theme-label');
        });
      }, keys);
      const paper = papers().find((p) => p.key === free)!;
      const r = await hoverCheck(paper.key);
      expect(r.bright).toBe(r.neighbours);
      expect(r.faded).toBe(r.others);
      expect(r.graphColor).toBe(paper.attributes.color);
    });

    it('opens a GEXF file given to it (Open… / drop) and draws it', async () => {
      await page.locator('#open-file').setInputFiles(LES_MISERABLES);
      await page.waitForFunction(() => document.querySelector('#graph-name')?.textContent?.startsWith('les_miserables.gexf'));
      await expect(page.locator('#graph-name').textContent()).resolves.toContain('77 nodes');
      const pixels = await countMapPixels(page, []);
      expect(pixels.ink / pixels.total).toBeGreaterThan(0.005);
      await searchFor('Valjean');
      await expect(page.locator('#panel h2').textContent()).resolves.toBe('Valjean');
    });
  });

  it('a narrow window keeps the map and folds the sidebar away', async () => {
    await tab.blank({ width: 390, height: 740 });
    await openViewer(page, bundled.server.url);
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(false);
    await page.locator('#toggle-sidebar').click();
    await expect(page.locator('#sidebar').isVisible()).resolves.toBe(true);
    const pixels = await countMapPixels(page, []);
    expect(pixels.ink).toBeGreaterThan(0);
  });

  describe('a large graph (> 20k edges)', () => {
    let large: { server: RunningServer; json: GraphJson };
    let paper: Node;
    beforeAll(async () => {
      large = await serveSynthetic({ papers: 3000, concepts: 700, edges: 21_000, seed: 8 });
      paper = large.json.graph.nodes.find((n) => n.attributes.kind === 'paper' && n.key.endsWith(':p42'))!;
      // NOTE: one load for the first two tests, a shared link to a paper: the first checks what the load did, the second
      // goes on from the default view on the same page.
      await fresh(`${large.server.url}#sel=${encodeURIComponent(paper.key)}`);
    });
    afterAll(async () => large?.server.close());

    it('draws its nodes first, then validates and adds its edges: a shared link restores the whole panel', async () => {
      const concepts = large.json.graph.edges.filter((e) => e.source === paper.key || e.target === paper.key).length;
      const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
      expect(marks.indexOf('paper-kg:first-frame')).toBeGreaterThan(marks.indexOf('paper-kg:mounted'));
      expect(marks.indexOf('paper-kg:edges')).toBeGreaterThan(marks.indexOf('paper-kg:first-frame'));
      expect(await page.evaluate(() => (window as unknown as { paperKg: { model: { graph: { size: number } } } }).paperKg.model.graph.size)).toBe(
        large.json.graph.edges.length,
      );
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.attributes.label);
      // The panel, drawn before the edges came, was redrawn with them: every concept of the paper is listed.
      expect(concepts).toBeGreaterThan(0);
      await expect(page.locator('#panel .concept-group button').count()).resolves.toBe(concepts);
      await expect(page.locator('#sidebar .benchmarks details').count()).resolves.toBeGreaterThan(0);
    });

    it('a selection highlights and clears through partial refreshes', async () => {
      await resetView(page);
      await searchFor(paper.attributes.label);
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(paper.attributes.label);
      // NOTE: the selection's highlight, not a hover: in a dense graph the pointer may land on an overlapping node.
      const r = await highlightCounts(paper.key);
      expect(r.bright).toBe(r.neighbours);
      expect(r.faded).toBe(r.others);
      await page.locator('#close-panel').click();
      const cleared = await highlightCounts(paper.key);
      expect(cleared.faded).toBe(0);
    });

    it('a bad edge is reported, not drawn: the nodes show, the edges do not, and the status names the edge', async () => {
      // One edge with a negative weight.
      const bad = structuredClone(large.json);
      bad.graph.edges[123].attributes.weight = -1;
      const dir = mkdtempSync(join(tmpdir(), 'paper-kg-bad-'));
      writeFileSync(join(dir, 'graph.json'), JSON.stringify(bad));
      const server = await startServer({ graphFile: join(dir, 'graph.json'), port: 0 });
      try {
        // The page ended the last test with a clean console; the bad graph's reports its edge, and nothing else.
        expect(tab.errors).toEqual([]);
        await tab.blank();
        await page.goto(server.url);
        await page.locator('#status.error').waitFor({ timeout: 30_000 });
        await expect(page.locator('#status').textContent()).resolves.toContain('graph.edges.123.attributes.weight');
        expect(await page.evaluate(() => (window as unknown as { paperKg: { model: { graph: { size: number } } } }).paperKg.model.graph.size)).toBe(0);
        tab.errors.splice(0, tab.errors.length, ...tab.errors.filter((e) => !e.includes('graph.edges.123')));
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('untrusted text', () => {
    let xss: { server: RunningServer; json: GraphJson };
    beforeAll(async () => {
      xss = await serveSynthetic({ xss: true });
    });
    afterAll(async () => xss?.server.close());

    it(`a paper titled ${XSS_TITLE} shows the text literally and runs nothing`, async () => {
      await tab.blank();
      const dialogs: string[] = [];
      const onDialog = (d: Dialog) => {
        dialogs.push(d.message());
        void d.dismiss();
      };
      page.on('dialog', onDialog);
      onTestFinished(() => void page.off('dialog', onDialog));
      const requests = tab.requests;
      await openViewer(page, xss.server.url);
      await page.locator('input[type="search"]').fill('<img');
      await expect(page.locator('#suggestions .suggestion-label').first().textContent()).resolves.toBe(XSS_TITLE);
      await page.locator('input[type="search"]').press('Enter');
      await expect(page.locator('#panel h2').textContent()).resolves.toBe(XSS_TITLE);
      // Hovering the node draws its label on the canvas, never in the DOM.
      await page.mouse.move(640, 400);
      // Two frames drawn after the move: the hover has been rendered (on the canvas) by then.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      expect(dialogs).toEqual([]);
      await expect(page.locator('img').count()).resolves.toBe(0);
      expect(requests.filter((p) => p === '/x')).toEqual([]);
      const related = await page.locator('#panel').evaluate((el) => el.innerHTML.includes('<img'));
      expect(related).toBe(false);
    });
  });
});
