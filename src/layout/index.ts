// The layout stage: ForceAtlas2 from seeded start positions grouped by theme, then noverlap; precomputed for the viewer.
// ForceAtlas2: Jacomy et al. 2014, doi:10.1371/journal.pone.0098679 (graphology-layout-forceatlas2).
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { KnowledgeGraph } from '../graph/index.ts';
import type { Theme } from '../model/graph-json.ts';
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

/**
 * Lays the graph out and sets each theme's x, y to the centre of its papers. NOTE: start positions put each theme's nodes
 * around its own point on a circle (with seeded jitter), so ForceAtlas2 starts near a readable, repeatable picture
 * instead of untangling a random cloud.
 */
export function layoutGraph(kg: KnowledgeGraph, themes: Theme[], rng: () => number, partial: Partial<LayoutOptions> = {}, progress: ProgressReporter = SILENT_PROGRESS): LayoutReport {
  void progress;
  const options = resolveLayoutOptions(partial);
  const rank = new Map(themes.map((t, i) => [t.id, i]));
  const radius = 10 * Math.sqrt(Math.max(1, kg.order));
  const spread = radius / Math.sqrt(Math.max(1, themes.length));
  kg.updateEachNodeAttributes((_key, attr) => {
    const r = rank.get(attr.theme) ?? themes.length;
    const angle = (2 * Math.PI * r) / Math.max(1, themes.length);
    const centre = attr.theme === 'other' ? 0 : radius;
    return {
      ...attr,
      x: centre * Math.cos(angle) + (rng() - 0.5) * spread,
      y: centre * Math.sin(angle) + (rng() - 0.5) * spread,
    };
  });
  const iterations = layoutIterations(kg.order, kg.size, options);
  const barnesHut = kg.order > options.barnesHutAbove;
  if (kg.size > 0 && iterations > 0) {
    const settings = { ...forceAtlas2.inferSettings(kg), barnesHutOptimize: barnesHut, barnesHutTheta: options.barnesHutTheta };
    forceAtlas2.assign(kg, { iterations, settings, getEdgeWeight: 'weight' });
  }
  const overlapRemoved = options.noverlapIterations > 0 && kg.order <= options.noverlapMaxNodes;
  if (overlapRemoved) noverlap.assign(kg, { maxIterations: options.noverlapIterations, settings: { ratio: 1, margin: 1 } });
  const f = 10 ** options.digits;
  kg.updateEachNodeAttributes((_key, attr) => ({ ...attr, x: Math.round(attr.x * f) / f, y: Math.round(attr.y * f) / f }));

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
  return { iterations, barnesHut, overlapRemoved };
}
