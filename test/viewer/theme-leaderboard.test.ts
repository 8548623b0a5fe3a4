// The viewer's pure parts, without a browser: a theme's summary (build fields preferred, else derived from the graph) and
// a benchmark's leaderboard (deduplicated, grouped by metric, sorted within a group, CSV safe for spreadsheets).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GraphJson } from '../../src/model/graph-json.ts';
import Graph from 'graphology';
import { createModel, type ViewGraph, type ViewModel } from '../../web/src/model.ts';

/** The model the viewer builds from a graph.json document (load.ts without the browser's GEXF parser). */
function fromGraphJson(doc: GraphJson, name: string): ViewModel {
  const graph: ViewGraph = new Graph({ type: 'undirected' });
  graph.import(doc.graph as unknown as Parameters<ViewGraph['import']>[0]);
  return createModel(name, graph, doc.themes, doc.results);
}
import { summariseTheme } from '../../web/src/theme-panel.ts';
import { groupLeaderboard, leaderboardCsv, leaderboardRows, NO_METRIC, type LeaderboardRow } from '../../web/src/leaderboard.ts';

const GRAPH = JSON.parse(readFileSync(fileURLToPath(new URL('../../graph/graph.json', import.meta.url)), 'utf8')) as GraphJson;

describe('theme summary', () => {
  it('derives years and neighbours from the graph when graph.json has no such fields', () => {
    const doc = structuredClone(GRAPH);
    for (const t of doc.themes) delete (t as { neighbours?: unknown }).neighbours;
    const model = fromGraphJson(doc, 'graph.json');
    const theme = GRAPH.themes[0];
    const s = summariseTheme(model, theme.id)!;
    expect(s.papers.length).toBe(theme.size);
    expect(s.central).toEqual(theme.centralPapers);
    const dated = GRAPH.graph.nodes.filter((n) => n.attributes.kind === 'paper' && n.attributes.theme === theme.id && n.attributes.date);
    expect(s.years.reduce((n, y) => n + y.papers, 0)).toBe(dated.length);
    expect(s.neighbours.length).toBeGreaterThan(0);
    for (let i = 1; i < s.neighbours.length; i++) expect(s.neighbours[i - 1].weight).toBeGreaterThanOrEqual(s.neighbours[i].weight);
    expect(s.keywords.length).toBeGreaterThan(0);
  });

  it('prefers keywords, years and neighbours written by the build', () => {
    const doc = structuredClone(GRAPH) as GraphJson & { themes: Array<Record<string, unknown>> };
    const [a, b] = GRAPH.themes;
    const concept = GRAPH.graph.nodes.find((n) => n.attributes.kind !== 'paper')!;
    Object.assign(doc.themes[0], {
      keywords: ['alpha', concept.attributes.label],
      years: [{ year: 2020, papers: 3 }],
      neighbours: [{ theme: b.id, weight: 7, sharedConcepts: [{ id: concept.key.replace(/^concept:/, ''), label: concept.attributes.label }] }],
    });
    const model = fromGraphJson(doc, 'graph.json');
    // NOTE: the schema may strip fields it does not know yet; the viewer then derives them, so give them back as the build would.
    Object.assign(model.themeById.get(a.id)!, doc.themes[0]);
    const s = summariseTheme(model, a.id)!;
    expect(s.keywords).toEqual([
      { label: 'alpha', key: null },
      { label: concept.attributes.label, key: concept.key },
    ]);
    expect(s.years).toEqual([{ year: '2020', papers: 3 }]);
    // The build's weight and named concepts; the count of concepts both themes use comes from the graph.
    expect(s.neighbours).toEqual([
      { theme: model.themeById.get(b.id), weight: 7, sharedCount: expect.any(Number), shared: [{ key: concept.key, label: concept.attributes.label }] },
    ]);
    const themeOf = new Map(GRAPH.graph.nodes.map((n) => [n.key, n.attributes.kind === 'paper' ? n.attributes.theme : null]));
    const themesOfConcept = new Map<string, Set<string>>();
    for (const e of GRAPH.graph.edges) {
      const [p, c] = themeOf.get(e.source) ? [e.source, e.target] : [e.target, e.source];
      if (!themesOfConcept.has(c)) themesOfConcept.set(c, new Set());
      themesOfConcept.get(c)!.add(themeOf.get(p)!);
    }
    expect(s.neighbours[0]!.sharedCount).toBe([...themesOfConcept.values()].filter((t) => t.has(a.id) && t.has(b.id)).length);
  });

  it("lists the build's neighbours by the count of shared concepts the panel shows (ties by link weight)", () => {
    const model = fromGraphJson(structuredClone(GRAPH), 'graph.json');
    let unordered = 0;
    for (const theme of GRAPH.themes) {
      const built = theme.neighbours ?? [];
      if (!built.length) continue;
      const s = summariseTheme(model, theme.id)!;
      expect(new Set(s.neighbours.map((n) => n.theme.id))).toEqual(new Set(built.map((n) => n.theme)));
      for (let i = 1; i < s.neighbours.length; i++) {
        const [prev, next] = [s.neighbours[i - 1]!, s.neighbours[i]!];
        expect(prev.sharedCount > next.sharedCount || (prev.sharedCount === next.sharedCount && prev.weight >= next.weight)).toBe(true);
      }
      // The build orders by link weight: the test means something only if that order differs somewhere.
      const byCount = s.neighbours.map((n) => n.theme.id).join();
      if (byCount !== built.map((n) => n.theme).join()) unordered++;
    }
    expect(unordered).toBeGreaterThan(0);
  });
});

describe('leaderboard', () => {
  const row = (paper: string, metric: string, value: number, delta = false, unit = '%'): LeaderboardRow => ({
    paper,
    paperTitle: paper,
    paperId: paper,
    model: '',
    metric,
    value,
    unit,
    delta,
    evidence: `${paper} gets ${value}`,
  });

  it('groups by metric, kind of number and unit, sorts inside a group only (lower first for error-like metrics)', () => {
    const groups = groupLeaderboard([
      row('a', 'accuracy', 48.1),
      row('b', 'FID', 1.62, false, ''),
      row('c', 'accuracy', 70),
      row('d', 'FID', 3.1, false, ''),
      row('e', 'accuracy', 5, true),
      row('f', NO_METRIC, 16, true, 'x'),
    ]);
    expect(groups.map((g) => [g.title, g.rows.map((r) => r.paper)])).toEqual([
      ['accuracy (%) · score', ['c', 'a']],
      ['FID · score', ['b', 'd']],
      ['accuracy (%) · improvement', ['e']],
      [`${NO_METRIC} (x) · improvement`, ['f']],
    ]);
  });

  it('on the bundled map: one row per distinct result, each with the sentence it was read from', () => {
    const model = fromGraphJson(structuredClone(GRAPH), 'graph.json');
    for (const [bench, results] of model.resultsByBenchmark) {
      const rows = leaderboardRows(model, results);
      const distinct = new Set(results.map((r) => `${r.paper}|${r.metric}|${r.value}|${r.unit}|${r.delta}`));
      expect(rows.length, bench).toBe(distinct.size);
      for (const r of results) expect(rows.some((x) => x.paper === r.paper && x.evidence.includes(r.span.text))).toBe(true);
    }
  });

  it('CSV: RFC 4180 quoting, and a cell that would run as a spreadsheet formula gets an apostrophe', () => {
    const csv = leaderboardCsv('Bench, "X"', groupLeaderboard([{ ...row('=HYPERLINK("x")', 'accuracy', 1), evidence: 'a "quoted", line' }]));
    expect(csv.split('\r\n')[1]).toBe(`"Bench, ""X""",accuracy,absolute,1,"'=HYPERLINK(""x"")","'=HYPERLINK(""x"")",,1,%,"a ""quoted"", line"`);
  });
});
