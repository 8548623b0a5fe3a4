// build --update on real HF Daily Papers days: themes keep ids, names and colours, old nodes stay put, outputs repeat.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToDirectory, loadGraphDirectory, updateDirectory, UPDATE_REPORT_FILE, type UpdateSummary } from '../../src/io/build.ts';
import { OUTPUT_FILES } from '../../src/export/index.ts';
import { PAPERS_FILE } from '../../src/update/index.ts';
import type { GraphJson } from '../../src/model/graph-json.ts';

const ROOT = join(import.meta.dirname, '../..');
const API = join(ROOT, 'test/fixtures/hf-daily-papers-api');
const days = (month: string): string[] =>
  readdirSync(join(API, month))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(API, month, f));
const JUNE = days('2024-06');
const MARCH = days('2025-03');
const FIRST_HALF = JUNE.filter((f) => /2024-06-(0\d|1[0-4])\.json$/.test(f));
const SECOND_HALF = JUNE.filter((f) => !FIRST_HALF.includes(f));
const FILES = [...OUTPUT_FILES, PAPERS_FILE, UPDATE_REPORT_FILE, 'first-frame.json'];

let tmp: string;
let before: GraphJson;
let after: GraphJson;
let summary: UpdateSummary;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The same update as beforeAll's, through the CLI (`build --update june-a --out june-cli`), run once for the tests that
 * read it: its outputs against the library's (the same bytes) and what it prints. NOTE: an update of this month costs
 * ~2.5 CPU s; the determinism test ran a third one before.
 */
let cliRun: ReturnType<typeof runCli> | undefined;
const cliUpdate = () => (cliRun ??= runCli(['build', '--update', join(tmp, 'june-a'), '--out', join(tmp, 'june-cli'), ...SECOND_HALF], { cwd: ROOT }));

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'paper-kg-update-'));
  await buildToDirectory({ inputs: FIRST_HALF, out: join(tmp, 'june-a') });
  cpSync(join(tmp, 'june-a'), join(tmp, 'june'), { recursive: true });
  summary = await updateDirectory({ dir: join(tmp, 'june'), inputs: SECOND_HALF });
  before = await loadGraphDirectory(join(tmp, 'june-a'));
  after = await loadGraphDirectory(join(tmp, 'june'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('build --update: the second half of June 2024 onto the first', () => {
  it('adds every new paper and keeps every old one', () => {
    expect(summary.report.papers.before).toBe(before.meta.papers);
    expect(summary.report.papers.after).toBe(after.meta.papers);
    expect(summary.report.papers.added + summary.report.papers.alreadyIn).toBe(summary.ingest.papers.length);
    expect(after.meta.papers).toBe(before.meta.papers + summary.report.papers.added);
    const keys = new Set(after.graph.nodes.map((n) => n.key));
    for (const n of before.graph.nodes) if (n.attributes.kind === 'paper') expect(keys.has(n.key), n.key).toBe(true);
    expect(after.meta.inputs).toEqual([...FIRST_HALF, ...SECOND_HALF].map((f) => f.split('/').pop()));
  });

  it('continued themes keep id, name and colour; new themes get fresh ids and colours no theme has', () => {
    const old = new Map(before.themes.map((t) => [t.id, t]));
    const changes = summary.report.themes;
    const continued = changes.themes.filter((t) => t.status === 'continued' && t.id !== 'other');
    expect(continued.length).toBeGreaterThanOrEqual(5);
    for (const c of continued) {
      const now = after.themes.find((t) => t.id === c.id)!;
      expect({ name: now.name, color: now.color }).toEqual({ name: old.get(c.id)!.name, color: old.get(c.id)!.color });
    }
    const oldNumbers = before.themes.filter((t) => t.id !== 'other').map((t) => Number(t.id.slice(1)));
    for (const id of changes.appeared) expect(Number(id.slice(1))).toBeGreaterThan(Math.max(...oldNumbers));
    const colours = after.themes.filter((t) => t.id !== 'other').map((t) => t.color);
    if (colours.length <= 20) expect(new Set(colours).size).toBe(colours.length);
    // Every node wears its theme's colour, and every theme is listed.
    const colourOf = new Map(after.themes.map((t) => [t.id, t.color]));
    for (const n of after.graph.nodes) expect(n.attributes.color, n.key).toBe(colourOf.get(n.attributes.theme));
    // The report adds up: grew/shrank are continued themes, gone ones are retired and not in the graph.
    for (const id of [...changes.grew, ...changes.shrank]) expect(continued.map((c) => c.id)).toContain(id);
    for (const g of changes.gone) {
      expect(changes.retired).toContain(g.id);
      expect(colourOf.has(g.id)).toBe(false);
    }
    expect(changes.grew.length).toBeGreaterThan(0);
  });

  it('old nodes move little: median displacement under 3 % of the layout extent', () => {
    const was = new Map(before.graph.nodes.map((n) => [n.key, n.attributes]));
    const moves: number[] = [];
    for (const n of after.graph.nodes) {
      const p = was.get(n.key);
      if (p) moves.push(Math.hypot(n.attributes.x - p.x, n.attributes.y - p.y));
    }
    const xs = before.graph.nodes.map((n) => n.attributes.x);
    const ys = before.graph.nodes.map((n) => n.attributes.y);
    const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    expect(moves.length).toBeGreaterThan(before.graph.nodes.length * 0.9);
    expect(median(moves) / extent).toBeLessThan(0.03);
    expect(summary.report.layout.medianMove).toBeCloseTo(median(moves), 1);
    // New nodes land on the map, not far outside it.
    const xs2 = after.graph.nodes.map((n) => n.attributes.x);
    expect(Math.max(...xs2) - Math.min(...xs2)).toBeLessThan(3 * extent);
  });

  it('new papers land by their theme: most often their nearest paper is of the same theme', () => {
    const old = new Set(before.graph.nodes.map((n) => n.key));
    const papers = after.graph.nodes.filter((n) => n.attributes.kind === 'paper' && n.attributes.theme !== 'other');
    let same = 0;
    let fresh = 0;
    for (const p of papers) {
      if (old.has(p.key)) continue;
      fresh++;
      let best = Infinity;
      let theme = '';
      for (const q of papers) {
        const d = q === p ? Infinity : (p.attributes.x - q.attributes.x) ** 2 + (p.attributes.y - q.attributes.y) ** 2;
        if (d < best) [best, theme] = [d, q.attributes.theme];
      }
      if (theme === p.attributes.theme) same++;
    }
    // NOTE: 0.44 when written (a fresh build of the month: 0.72); themes share so many papers with each other's
    // old regions that a kept map cannot reach a fresh build's figure. Placing by all neighbours gave 0.28.
    expect(same / fresh).toBeGreaterThan(0.33);
  });

  it('is deterministic: the same update gives the same bytes (run again, through the CLI into another folder)', async () => {
    expect((await cliUpdate()).status).toBe(0);
    for (const f of FILES) expect(readFileSync(join(tmp, 'june-cli', f), 'utf8') === readFileSync(join(tmp, 'june', f), 'utf8'), f).toBe(true);
  });

  it('adding papers already in the build changes nothing', async () => {
    const again = await updateDirectory({ dir: join(tmp, 'june'), inputs: SECOND_HALF.slice(-2), out: join(tmp, 'june-same') });
    expect(again.report.papers.added).toBe(0);
    expect(again.report.themes).toMatchObject({ grew: [], shrank: [], split: [], merged: [], appeared: [], gone: [] });
    expect(again.report.layout.medianMove).toBe(0);
    for (const f of OUTPUT_FILES) expect(readFileSync(join(tmp, 'june-same', f), 'utf8') === readFileSync(join(tmp, 'june', f), 'utf8'), f).toBe(true);
    // The papers are the same; each one seen again records where (its provenance grows).
    const papers = (dir: string) =>
      readFileSync(join(tmp, dir, PAPERS_FILE), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
    const [was, now] = [papers('june'), papers('june-same')];
    expect(now.map((p) => p.id)).toEqual(was.map((p) => p.id));
    expect(now.reduce((n, p) => n + p.provenance.length, 0)).toBe(was.reduce((n, p) => n + p.provenance.length, 0) + again.ingest.papers.length);
  });

  it('then March 2025: ids continue, retired ids are never handed out again', async () => {
    const march = await updateDirectory({ dir: join(tmp, 'june'), inputs: MARCH, out: join(tmp, 'march') });
    const retiredBefore = summary.report.themes.retired;
    for (const id of retiredBefore) expect(march.report.themes.retired).toContain(id);
    for (const id of march.report.themes.appeared) expect(retiredBefore).not.toContain(id);
    const ids = march.themes.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(march.report.papers.added).toBeGreaterThan(300);
    const graph = await loadGraphDirectory(join(tmp, 'march'));
    const old = new Map(after.themes.map((t) => [t.id, t]));
    for (const t of graph.themes) if (old.has(t.id) && t.id !== 'other') expect(t.color).toBe(old.get(t.id)!.color);
  });
});

describe('paper-kg build --update (CLI)', () => {
  const run = (...args: string[]) => runCli(args, { cwd: ROOT });

  it('names a build without papers.jsonl, and asks for --out or --update', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paper-kg-update-cli-'));
    try {
      cpSync(join(ROOT, 'graph/graph.json'), join(dir, 'graph.json'));
      const r = await run('build', '--update', dir, JUNE[0]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/papers\.jsonl: cannot be read .*rebuild it once with "paper-kg build/);
      const noOut = await run('build', JUNE[0]);
      expect(noOut.status).toBe(1);
      expect(noOut.stderr).toMatch(/expected --out <dir>.*or --update <dir>/);
      writeFileSync(join(dir, PAPERS_FILE), '{"id":"x"}\n');
      expect((await run('build', '--update', dir, JUNE[0])).stderr).toMatch(/papers\.jsonl, line 1: not a paper record/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints what changed on stderr', async () => {
    const r = await cliUpdate();
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\d+ papers \+ \d+ new \(0 already in the build\)/);
    expect(r.stderr).toMatch(/^ {2}grew {5}t\d+ \d+ → \d+ papers/m);
    expect(r.stderr).toMatch(/layout: \d+ nodes kept their place/);
    expect(readFileSync(join(tmp, 'june-cli', 'graph.json'), 'utf8') === readFileSync(join(tmp, 'june', 'graph.json'), 'utf8')).toBe(true);
  });

  it('a fresh build over an updated folder removes the stale update report', async () => {
    await cliUpdate();
    expect(existsSync(join(tmp, 'june-cli', UPDATE_REPORT_FILE))).toBe(true);
    await buildToDirectory({ inputs: JUNE.slice(0, 1), out: join(tmp, 'june-cli') });
    expect(existsSync(join(tmp, 'june-cli', UPDATE_REPORT_FILE))).toBe(false);
  });
});
