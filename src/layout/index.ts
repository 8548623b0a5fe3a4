// The layout stage: themes placed first as non-overlapping regions, nodes seeded inside their theme's region, then a
// ForceAtlas2 polish whose pull inside a theme is stronger than across; noverlap where affordable. Precomputed for the viewer.
// ForceAtlas2: Jacomy et al. 2014, doi:10.1371/journal.pone.0098679 (graphology-layout-forceatlas2).
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { KnowledgeGraph } from '../graph/index.ts';
import type { EdgeAttributes, NodeAttributes, Theme } from '../model/graph-json.ts';
import { resolveLayoutOptions, type LayoutOptions } from './options.ts';
import { SILENT_PROGRESS, type ProgressReporter } from '../progress.ts';

export { resolveLayoutOptions, LayoutOptionsSchema, DEFAULT_LAYOUT_OPTIONS, type LayoutOptions } from './options.ts';

export interface LayoutReport {
  iterations: number;
  barnesHut: boolean;
  /** False when the graph was too big for noverlap (see noverlapMaxNodes). */
  overlapRemoved: boolean;
}

/** The iteration count for a graph: a fixed work budget, so big graphs get fewer (costlier) iterations. */
export function layoutIterations(order: number, size: number, options: LayoutOptions): number {
  if (options.iterations !== undefined) return options.iterations;
  const auto = Math.round(options.budget / Math.max(1, order + size));
  return Math.max(options.minIterations, Math.min(options.maxIterations, auto));
}

interface Region {
  x: number;
  y: number;
  radius: number;
  nodes: number;
}

/**
 * Where each theme's region lies. NOTE: the themes form a small weighted graph (two themes are as close as the links
 * between their nodes are heavy); ForceAtlas2 on it puts related themes side by side, then noverlap pushes the regions
 * (discs of area ∝ the theme's nodes) apart so that no two overlap. Cost: one pass over the edges, then a few hundred nodes.
 */
function placeRegions(kg: KnowledgeGraph, themes: Theme[], options: LayoutOptions): Map<string, Region> {
  const ids = themes.map((t) => t.id);
  const counts = new Map<string, number>(ids.map((id) => [id, 0]));
  kg.forEachNode((_k, a) => counts.set(a.theme, (counts.get(a.theme) ?? 0) + 1));
  const tg = new Graph<{ x: number; y: number; size: number }, { weight: number }>({ type: 'undirected', allowSelfLoops: false });
  const all = [...ids, ...[...counts.keys()].filter((id) => !ids.includes(id)).sort()];
  all.forEach((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, all.length);
    const radius = options.regionSpacing * Math.sqrt(counts.get(id) ?? 0);
    tg.addNode(id, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle), size: Math.max(radius, 1) });
  });
  kg.forEachEdge((_e, a, _s, _t, sa, ta) => {
    if (sa.theme === ta.theme) return;
    const e = tg.edge(sa.theme, ta.theme);
    if (e === undefined) tg.addEdge(sa.theme, ta.theme, { weight: a.weight });
    else tg.updateEdgeAttribute(e, 'weight', (w) => (w ?? 0) + a.weight);
  });
  if (tg.size > 0) forceAtlas2.assign(tg, { iterations: 200, settings: { ...forceAtlas2.inferSettings(tg), adjustSizes: false }, getEdgeWeight: 'weight' });
  // Scale the arrangement so that regions are about their own size apart, then remove what overlap is left.
  let spread = 0;
  tg.forEachNode((_k, a) => (spread = Math.max(spread, Math.hypot(a.x, a.y))));
  let extent = 0;
  tg.forEachNode((_k, a) => (extent += a.size));
  const scale = spread > 0 ? extent / spread / 2 : 1;
  tg.updateEachNodeAttributes((_k, a) => ({ ...a, x: a.x * scale, y: a.y * scale }));
  noverlap.assign(tg, { maxIterations: 500, settings: { ratio: 1 + options.regionGap, margin: 0 } });
  const out = new Map<string, Region>();
  tg.forEachNode((id, a) => out.set(id, { x: a.x, y: a.y, radius: a.size, nodes: counts.get(id) ?? 0 }));
  return out;
}

/**
 * Lays the graph out and sets each theme's x, y to the centre of its papers. Deterministic for a given `rng` stream.
 * NOTE: at 100k papers ForceAtlas2 costs ~0.5 s an iteration even with Barnes-Hut θ 1.2, so big graphs get few
 * iterations: the seeding does most of the work there (each node starts inside its theme's region), and the polish only
 * pulls linked nodes together. In the polish, links inside a theme weigh `intraThemeWeight` times more and links across
 * `interThemeWeight` times less (in the layout only; the exported weights are untouched), so themes stay readable regions.
 * Progress: `update(i)` after i of layoutIterations(…) iterations (the caller starts and stops the stage).
 */
export function layoutGraph(
  kg: KnowledgeGraph,
  themes: Theme[],
  rng: () => number,
  partial: Partial<LayoutOptions> = {},
  progress: ProgressReporter = SILENT_PROGRESS,
): LayoutReport {
  const options = resolveLayoutOptions(partial);
  const regions = placeRegions(kg, themes, options);
  kg.updateEachNodeAttributes((_key, attr) => {
    const r = regions.get(attr.theme)!;
    // Uniform in the disc: the square root keeps the density even from centre to rim.
    const d = r.radius * Math.sqrt(rng());
    const angle = 2 * Math.PI * rng();
    // NOTE: in place (the graph owns these objects): a copy per node is 100k short-lived objects at scale.
    attr.x = r.x + d * Math.cos(angle);
    attr.y = r.y + d * Math.sin(angle);
    return attr;
  });

  const iterations = layoutIterations(kg.order, kg.size, options);
  const barnesHut = kg.order > options.barnesHutAbove;
  if (kg.size > 0 && iterations > 0) {
    const settings = {
      ...forceAtlas2.inferSettings(kg),
      barnesHutOptimize: barnesHut,
      barnesHutTheta: options.barnesHutTheta,
      linLogMode: options.linLogMode,
      outboundAttractionDistribution: true,
    };
    const weight = (_e: string, a: EdgeAttributes, _s: string, _t: string, sa: NodeAttributes, ta: NodeAttributes): number =>
      a.weight * (sa.theme === ta.theme ? options.intraThemeWeight : options.interThemeWeight);
    // NOTE: in rounds of at least 10 iterations, to report progress. Each round rebuilds ForceAtlas2's arrays and
    // restarts its per-node speeds: at 10k papers one round per iteration cost 0.3 s and gave a rougher polish.
    const rounds = Math.max(1, Math.min(10, Math.floor(iterations / 10)));
    let done = 0;
    for (let r = 0; r < rounds; r++) {
      const n = Math.round(((r + 1) * iterations) / rounds) - done;
      forceAtlas2.assign(kg, { iterations: n, settings, getEdgeWeight: weight });
      done += n;
      progress.update(done);
    }
  }
  const overlapRemoved = options.noverlapIterations > 0 && kg.order <= options.noverlapMaxNodes;
  if (overlapRemoved) noverlap.assign(kg, { maxIterations: options.noverlapIterations, settings: { ratio: 1, margin: 1 } });
  const f = 10 ** options.digits;
  kg.updateEachNodeAttributes((_key, attr) => {
    attr.x = Math.round(attr.x * f) / f;
    attr.y = Math.round(attr.y * f) / f;
    return attr;
  });

  setThemeCentres(kg, themes, f);
  return { iterations, barnesHut, overlapRemoved };
}

/** Each theme's x, y: the centre of its papers (where the viewer writes its name). */
export function setThemeCentres(kg: KnowledgeGraph, themes: Theme[], f: number): void {
  const sums = new Map<string, [number, number, number]>();
  kg.forEachNode((_key, attr) => {
    if (attr.kind !== 'paper') return;
    const s = sums.get(attr.theme) ?? [0, 0, 0];
    s[0] += attr.x;
    s[1] += attr.y;
    s[2]++;
    sums.set(attr.theme, s);
  });
  for (const t of themes) {
    const s = sums.get(t.id);
    t.x = s ? Math.round((s[0] / s[2]) * f) / f : 0;
    t.y = s ? Math.round((s[1] / s[2]) * f) / f : 0;
  }
}
