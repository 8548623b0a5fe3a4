// The viewer overview (src/export/overview.ts): theme documents that partition the papers and stay under the budget, and
// theme–theme links that count exactly the concepts both themes' papers use, on the committed map of the bundled corpus.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GraphJsonSchema, type GraphJson } from '../../src/model/graph-json.ts';
import { OVERVIEW_INDEX_FILE, OverviewIndexSchema, OverviewJsonSchema } from '../../src/model/overview-json.ts';
import { toViewerOverview, needsOverview, resolveViewerOverviewOptions } from '../../src/export/overview.ts';
import { syntheticGraph } from '../../scripts/synthetic-graph.ts';

const GRAPH = JSON.parse(readFileSync(fileURLToPath(new URL('../../graph/graph.json', import.meta.url)), 'utf8')) as GraphJson;

/** Concepts used by papers of both themes, counted the slow, obvious way. */
function sharedConcepts(doc: GraphJson, a: string, b: string): number {
  const themeOf = new Map(doc.graph.nodes.map((n) => [n.key, n.attributes.kind === 'paper' ? n.attributes.theme : null]));
  const seen = new Map<string, Set<string>>();
  for (const e of doc.graph.edges) {
    const [p, c] = themeOf.get(e.source) ? [e.source, e.target] : [e.target, e.source];
    if (!seen.has(c)) seen.set(c, new Set());
    seen.get(c)!.add(themeOf.get(p)!);
  }
  return [...seen.values()].filter((s) => s.has(a) && s.has(b)).length;
}

describe('viewer overview', () => {
  it('needs an overview only above the budget; a bad budget is an E_OPTIONS error', () => {
    expect(needsOverview(20_000, 20_000)).toBe(false);
    expect(needsOverview(20_001, 20_000)).toBe(true);
    expect(() => resolveViewerOverviewOptions({ budget: 0 })).toThrow(expect.objectContaining({ code: 'E_OPTIONS' }));
  });

  it('the search index lists every paper once, every benchmark with all its papers, other concepts with exact per-theme counts', () => {
    const { index, overview } = toViewerOverview(GRAPH, { budget: 400 });
    expect(OverviewIndexSchema.safeParse(index).success).toBe(true);
    const paperNodes = GRAPH.graph.nodes.filter((n) => n.attributes.kind === 'paper');
    expect(index.papers.map((p) => p[0])).toEqual(paperNodes.map((n) => n.key));
    for (const [key, title, t] of index.papers) {
      const node = paperNodes.find((n) => n.key === key)!;
      expect(title).toBe(node.attributes.label);
      expect(index.themes[t]).toBe(node.attributes.theme);
    }
    expect(overview.themes.every((t) => index.themes.includes(t.id))).toBe(true);
    const conceptNodes = GRAPH.graph.nodes.filter((n) => n.attributes.kind !== 'paper');
    expect(index.concepts.map((c) => c[0])).toEqual(conceptNodes.map((n) => n.key));
    const papersOf = (c: string) => GRAPH.graph.edges.filter((e) => e.source === c || e.target === c).map((e) => (e.source === c ? e.target : e.source));
    let benchmarks = 0;
    for (const [key, , kind, list] of index.concepts) {
      const truth = papersOf(key);
      if (kind === 'benchmark' || kind === 'dataset') {
        benchmarks++;
        expect(list.map((i) => index.papers[i][0]).sort()).toEqual([...truth].sort());
      } else {
        const counts = new Map<string, number>();
        for (const p of truth) {
          const t = paperNodes.find((n) => n.key === p)!.attributes.theme;
          counts.set(t, (counts.get(t) ?? 0) + 1);
        }
        const got = new Map<string, number>();
        for (let j = 0; j < list.length; j += 2) got.set(index.themes[list[j]], list[j + 1]);
        expect(got).toEqual(counts);
      }
    }
    expect(benchmarks).toBeGreaterThan(5);
  });

  it('on the bundled map: one valid document per theme, the papers partitioned, every edge kept, links counted exactly', () => {
    const { overview, themes } = toViewerOverview(GRAPH, { budget: 400 });
    expect(OverviewJsonSchema.safeParse(overview).success).toBe(true);
    expect(overview.themes.map((t) => t.id)).toEqual(GRAPH.themes.map((t) => t.id));
    expect(overview.meta).toMatchObject({ nodes: GRAPH.graph.nodes.length, edges: GRAPH.graph.edges.length, budget: 400, papers: GRAPH.meta.papers });
    const papers: string[] = [];
    let edges = 0;
    themes.forEach(({ file, doc }, i) => {
      const t = overview.themes[i];
      expect(file).toBe(`overview/${t.id}.json`);
      expect(GraphJsonSchema.safeParse(doc).success).toBe(true);
      const keys = new Set(doc.graph.nodes.map((n) => n.key));
      for (const e of doc.graph.edges) expect(keys.has(e.source) && keys.has(e.target)).toBe(true);
      const own = doc.graph.nodes.filter((n) => n.attributes.kind === 'paper');
      for (const p of own) expect(p.attributes.theme).toBe(t.id);
      expect(own.length).toBe(t.papers);
      expect(t.shownPapers).toBe(t.papers);
      expect([t.nodes, t.edges]).toEqual([doc.graph.nodes.length, doc.graph.edges.length]);
      for (const r of doc.results) expect(keys.has(r.paper)).toBe(true);
      papers.push(...own.map((p) => p.key));
      edges += doc.graph.edges.length;
    });
    expect(papers.sort()).toEqual(
      GRAPH.graph.nodes
        .filter((n) => n.attributes.kind === 'paper')
        .map((n) => n.key)
        .sort(),
    );
    expect(edges).toBe(GRAPH.graph.edges.length);
    expect(overview.links.length).toBeGreaterThan(0);
    for (const l of overview.links) expect(l.weight).toBe(sharedConcepts(GRAPH, l.source, l.target));
    // Strongest first, and each theme's strongest link is among them.
    expect(overview.links.map((l) => l.weight)).toEqual([...overview.links.map((l) => l.weight)].sort((a, b) => b - a));
    const best = Math.max(...GRAPH.themes.slice(1).map((t) => sharedConcepts(GRAPH, GRAPH.themes[0].id, t.id)));
    expect(overview.links.some((l) => l.source === GRAPH.themes[0].id && l.weight === best)).toBe(true);
    // The strongest concepts of a theme start with the ones that name it.
    expect(overview.themes[0].topConcepts[0].id).toBe(GRAPH.themes[0].topConcepts[0].id);
    expect(overview.themes[0].topConcepts[0].papers).toBeGreaterThan(0);
  });

  it('a theme above the budget keeps its most central papers, and says how many it shows', () => {
    const { overview, themes } = toViewerOverview(GRAPH, { budget: 40 });
    for (const { doc } of themes) expect(doc.graph.nodes.length).toBeLessThanOrEqual(40);
    const cut = overview.themes.findIndex((t) => t.shownPapers < t.papers);
    expect(cut).toBeGreaterThanOrEqual(0);
    const t = overview.themes[cut];
    const shown = themes[cut].doc.graph.nodes.filter((n) => n.attributes.kind === 'paper');
    expect(shown.length).toBe(t.shownPapers);
    expect(t.shownPapers).toBeGreaterThan(0);
    const all = GRAPH.graph.nodes.filter((n) => n.attributes.kind === 'paper' && n.attributes.theme === t.id).map((n) => n.attributes.pagerank);
    const minShown = Math.min(...shown.map((p) => p.attributes.pagerank));
    // Only papers at least as central as the least central shown one could have been preferred.
    expect(all.filter((r) => r > minShown).length).toBeLessThanOrEqual(shown.length);
  });

  it('is deterministic, and works on any graph.json (a synthetic one)', () => {
    const doc = syntheticGraph({ papers: 300, concepts: 120, edges: 2000, themes: 6, seed: 3 });
    const a = toViewerOverview(doc, { budget: 100 });
    const b = toViewerOverview(structuredClone(doc), { budget: 100 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.themes.length).toBe(doc.themes.length);
    for (const l of a.overview.links) expect(l.weight).toBe(sharedConcepts(doc, l.source, l.target));
  });
});

describe('writing the overview (src/io/overview.ts through the build writer)', () => {
  it('writes overview.json with every theme file it names, and a later build under the budget removes them (and nothing else)', async () => {
    const { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ingest } = await import('../../src/ingest/index.ts');
    const { fileSource } = await import('../../src/io/files.ts');
    const { runPipeline } = await import('../../src/pipeline.ts');
    const { writeViewerOverview } = await import('../../src/io/overview.ts');
    const { BuildWriter, writeBuild } = await import('../../src/io/build-dir.ts');
    const corpus = fileURLToPath(new URL('../../graph/corpus/hf-daily-papers-fewer-tokens.txt', import.meta.url));
    const ctx = runPipeline((await ingest([fileSource(corpus)])).papers);
    const root = mkdtempSync(join(tmpdir(), 'paper-kg-overview-'));
    const out = join(root, 'out');
    const counts = { papers: 0, concepts: 0, edges: 0, themes: 0 };
    try {
      // Someone else's file in overview/ is left alone (the directory is not a build yet: --force).
      mkdirSync(join(out, 'overview'), { recursive: true });
      writeFileSync(join(out, 'overview', 'notes.txt'), 'mine');
      const { value: files } = await writeBuild(await BuildWriter.open(out, { command: 'test', force: true }), async (w) => ({
        counts,
        value: await writeViewerOverview(w, ctx, ['corpus.txt'], { budget: 150 }),
      }));
      const overview = OverviewJsonSchema.parse(JSON.parse(readFileSync(join(out, 'overview.json'), 'utf8')));
      expect(files.at(-1)!.name).toBe('overview.json');
      expect(files.map((f) => f.name).sort()).toEqual([...overview.themes.map((t) => t.file), OVERVIEW_INDEX_FILE, 'overview.json'].sort());
      expect(OverviewIndexSchema.safeParse(JSON.parse(readFileSync(join(out, OVERVIEW_INDEX_FILE), 'utf8'))).success).toBe(true);
      for (const t of overview.themes) expect(GraphJsonSchema.safeParse(JSON.parse(readFileSync(join(out, t.file), 'utf8'))).success).toBe(true);
      const { value: none } = await writeBuild(await BuildWriter.open(out, { command: 'test' }), async (w) => ({
        counts,
        value: await writeViewerOverview(w, ctx, ['corpus.txt'], { budget: 20_000 }),
      }));
      expect(none).toEqual([]);
      expect(readdirSync(out).sort()).toEqual(['manifest.json', 'overview']);
      expect(readdirSync(join(out, 'overview'))).toEqual(['notes.txt']);
      expect(readdirSync(root)).toEqual(['out']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
