// The layout of an updated build: old nodes start where they were, new nodes beside their neighbours, then a short polish.
// ForceAtlas2: Jacomy et al. 2014, doi:10.1371/journal.pone.0098679 (graphology-layout-forceatlas2).
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import noverlap from 'graphology-layout-noverlap';
import type { KnowledgeGraph } from '../graph/index.ts';
import type { Theme } from '../model/graph-json.ts';
import { layoutIterations, setThemeCentres, type LayoutOptions } from '../layout/index.ts';
import type { UpdateOptions } from './options.ts';

export interface IncrementalLayoutReport {
  /** Nodes that kept a position from the previous build, and nodes placed fresh. */
  oldNodes: number;
  newNodes: number;
  placeIterations: number;
  polishIterations: number;
  overlapRemoved: boolean;
  /** Median distance old nodes moved, and the layout's extent (the larger side of its bounding box), to compare. */
  medianMove: number;
  extent: number;
}

type Light = Graph<{ x: number; y: number; theme: string; fixed?: boolean }, { weight: number }>;

/**
 * Positions every node of `kg`: old nodes (keys in `previous`) start where they were; a new node starts at the mean of
 * its placed neighbours of its own theme (new papers beside the concepts they mention, new concepts beside their papers),
 * else where its theme's old nodes are, else beside any placed neighbour, passes repeating outward; nodes out of reach
 * of any old node start beyond the map's edge, by theme. ForceAtlas2 then moves only the new nodes, and a slowed polish
 * moves them and the old nodes they link to. NOTE: a full layout would redraw the map from scratch; a reader's mental
 * map survives only if old nodes stay put.
 */
export function incrementalLayout(
  kg: KnowledgeGraph,
  themes: Theme[],
  previous: ReadonlyMap<string, readonly [number, number]>,
  rng: () => number,
  layout: LayoutOptions,
  update: UpdateOptions,
  previousTheme?: ReadonlyMap<string, string>,
): IncrementalLayoutReport {
  const light: Light = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let oldNodes = 0;
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  kg.forEachNode((key, attr) => {
    const p = previous.get(key);
    if (p) {
      oldNodes++;
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
      // NOTE: a node whose theme changed may follow its new theme in the placement phase (see UpdateOptions.moveThemeChangers).
      const fixed = !(update.moveThemeChangers && previousTheme && previousTheme.get(key) !== attr.theme);
      light.addNode(key, { x: p[0], y: p[1], theme: attr.theme, fixed });
    } else light.addNode(key, { x: NaN, y: NaN, theme: attr.theme });
  });
  // NOTE: the same forces as a full build's polish (src/layout: links inside a theme weigh more, across less), so the
  // update settles towards the picture a build would draw, not another one.
  kg.forEachEdge((_e, a, s, t, sa, ta) =>
    light.addEdge(s, t, { weight: a.weight * (sa.theme === ta.theme ? layout.intraThemeWeight : layout.interThemeWeight) }),
  );
  const oldExtent = oldNodes ? Math.max(maxX - minX, maxY - minY, 1) : 10 * Math.sqrt(Math.max(1, kg.order));
  // NOTE: jitter keeps nodes placed on one spot (a new concept of a single paper) from sitting exactly on each other.
  const jitter = oldExtent / Math.sqrt(Math.max(1, kg.order)) / 2;

  const pending: string[] = [];
  light.forEachNode((key, a) => {
    if (Number.isNaN(a.x)) pending.push(key);
  });
  const newNodes = pending.length;
  // Where each theme's old nodes now are: a new node with no neighbour of its theme placed yet starts there.
  const anchors = new Map<string, [number, number, number]>();
  light.forEachNode((_k, a) => {
    if (Number.isNaN(a.x)) return;
    const s = anchors.get(a.theme) ?? [0, 0, 0];
    s[0] += a.x;
    s[1] += a.y;
    s[2]++;
    anchors.set(a.theme, s);
  });
  let left = pending;
  while (left.length) {
    const placedNow: Array<[string, number, number]> = [];
    const still: string[] = [];
    for (const key of left) {
      const theme = light.getNodeAttribute(key, 'theme');
      let sx = 0,
        sy = 0,
        n = 0,
        tx = 0,
        ty = 0,
        tn = 0;
      light.forEachNeighbor(key, (_k, a) => {
        if (Number.isNaN(a.x)) return;
        sx += a.x;
        sy += a.y;
        n++;
        if (a.theme === theme) {
          tx += a.x;
          ty += a.y;
          tn++;
        }
      });
      const anchor = anchors.get(theme);
      if (tn) placedNow.push([key, tx / tn, ty / tn]);
      else if (anchor) placedNow.push([key, anchor[0] / anchor[2], anchor[1] / anchor[2]]);
      else if (n) placedNow.push([key, sx / n, sy / n]);
      else still.push(key);
    }
    if (!placedNow.length) break;
    // Placed after the pass, so a node's place never depends on the order of its pass.
    for (const [key, x, y] of placedNow) light.mergeNodeAttributes(key, { x: x + (rng() - 0.5) * jitter, y: y + (rng() - 0.5) * jitter });
    left = still;
  }
  if (left.length) {
    // Out of reach of the old map: gather by theme, each theme beyond the map's edge at its own angle.
    const centreX = oldNodes ? (minX + maxX) / 2 : 0;
    const centreY = oldNodes ? (minY + maxY) / 2 : 0;
    const rank = new Map(themes.map((t, i) => [t.id, i]));
    const radius = oldNodes ? oldExtent * 0.6 : 0;
    for (const key of left) {
      const r = rank.get(kg.getNodeAttribute(key, 'theme')) ?? themes.length;
      const angle = (2 * Math.PI * r) / Math.max(1, themes.length + 1);
      light.mergeNodeAttributes(key, {
        x: centreX + radius * Math.cos(angle) + (rng() - 0.5) * jitter * 4,
        y: centreY + radius * Math.sin(angle) + (rng() - 0.5) * jitter * 4,
      });
    }
  }

  const full = layoutIterations(kg.order, kg.size, layout);
  const placeIterations = update.placeIterations ?? Math.max(10, Math.round(full / 2));
  const settings = {
    ...forceAtlas2.inferSettings(light),
    barnesHutOptimize: kg.order > layout.barnesHutAbove,
    barnesHutTheta: layout.barnesHutTheta,
    linLogMode: layout.linLogMode,
    outboundAttractionDistribution: true,
  };
  let movable = newNodes;
  light.forEachNode((_k, a) => {
    if (a.fixed === false) movable++;
  });
  if (light.size > 0 && movable > 0 && placeIterations > 0) forceAtlas2.assign(light, { iterations: placeIterations, settings, getEdgeWeight: 'weight' });
  // NOTE: the polish frees only the new nodes and the old ones they link to (the concepts new papers mention): the rest of
  // a build's layout is not at rest (a build stops after a work budget), so freeing every node would drift the whole map.
  const near = new Set<string>(pending);
  for (const key of pending) light.forEachNeighbor(key, (k) => near.add(k));
  light.updateEachNodeAttributes((key, a) => ({ x: a.x, y: a.y, theme: a.theme, fixed: !near.has(key) && a.fixed !== false }));
  const polishIterations = movable > 0 ? update.polishIterations : 0;
  // NOTE: slowed down, so the polish nudges old nodes towards their new neighbours instead of redrawing the map.
  const polish = { ...settings, slowDown: (settings.slowDown ?? 1) * update.polishSlowDown };
  if (light.size > 0 && polishIterations > 0) forceAtlas2.assign(light, { iterations: polishIterations, settings: polish, getEdgeWeight: 'weight' });
  const overlapRemoved = layout.noverlapIterations > 0 && kg.order <= layout.noverlapMaxNodes && movable > 0;
  if (overlapRemoved) noverlap.assign(light, { maxIterations: layout.noverlapIterations, settings: { ratio: 1, margin: 1 } });

  const f = 10 ** layout.digits;
  const moves: number[] = [];
  kg.updateEachNodeAttributes((key, attr) => {
    const a = light.getNodeAttributes(key);
    const x = Math.round(a.x * f) / f;
    const y = Math.round(a.y * f) / f;
    const p = previous.get(key);
    if (p) moves.push(Math.hypot(x - p[0], y - p[1]));
    return { ...attr, x, y };
  });
  moves.sort((a, b) => a - b);
  const medianMove = moves.length ? moves[Math.floor(moves.length / 2)] : 0;

  setThemeCentres(kg, themes, f);
  return {
    oldNodes,
    newNodes,
    placeIterations: movable ? placeIterations : 0,
    polishIterations,
    overlapRemoved,
    medianMove: Math.round(medianMove * f) / f,
    extent: Math.round(oldExtent * f) / f,
  };
}
