// Themes on the map: a soft region behind each theme's papers (a padded hull on a canvas under the edges) and its full
// name on an HTML layer, placed so that no two names overlap.
import type Sigma from 'sigma';
import type { Theme } from '../../src/model/graph-json.ts';
import { el } from './dom.ts';
import type { ViewEdge, ViewModel, ViewNode } from './model.ts';

type MapSigma = Sigma<ViewNode, ViewEdge>;
/** What the layer reads of a theme (the first frame's file has only these). */
export type MapTheme = Pick<Theme, 'id' | 'name' | 'color' | 'size' | 'x' | 'y'>;
/** What the layer reads of the model: nodes' kind, theme and position, and the themes. */
export type ThemeLayerModel = Pick<ViewModel, 'graph'> & { themes: MapTheme[]; themeById: Map<string, MapTheme> };
type Point = { x: number; y: number };
type Rect = { x: number; y: number; w: number; h: number };

/** Share of a theme's papers (the nearest to its centre) that its region covers: far outliers would stretch it over others. */
const CORE_SHARE = 0.85;
/** Padding of a region around its papers, in screen pixels. */
const HULL_PAD = 14;

/** Convex hull (Andrew's monotone chain), counter-clockwise; n log n. */
export function convexHull(points: Point[]): Point[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (p.length <= 2) return p;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Each theme's region in graph coordinates: the hull of its visible papers nearest its centre. */
export function themeRegions(model: Pick<ViewModel, 'graph'>, hidden: Set<string>): Map<string, Point[]> {
  const byTheme = new Map<string, Point[]>();
  model.graph.forEachNode((key, a) => {
    if (a.kind !== 'paper' || hidden.has(key)) return;
    let list = byTheme.get(a.theme);
    if (!list) byTheme.set(a.theme, (list = []));
    list.push({ x: a.x, y: a.y });
  });
  const out = new Map<string, Point[]>();
  for (const [id, pts] of byTheme) {
    const cx = pts.reduce((s, p) => s + p.x, 0) / pts.length;
    const cy = pts.reduce((s, p) => s + p.y, 0) / pts.length;
    const core = pts
      .map((p) => ({ p, d: (p.x - cx) ** 2 + (p.y - cy) ** 2 }))
      .sort((a, b) => a.d - b.d)
      .slice(0, Math.max(1, Math.ceil(pts.length * CORE_SHARE)))
      .map((x) => x.p);
    out.set(id, convexHull(core));
  }
  return out;
}

/** Draws the regions on a 2D context, `toScreen` mapping graph to CSS pixels. Also used for the PNG export. */
export function drawRegions(
  ctx: CanvasRenderingContext2D,
  regions: Map<string, Point[]>,
  themes: Map<string, MapTheme>,
  toScreen: (p: Point) => Point,
  dim: (id: string) => boolean,
): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  for (const [id, hull] of regions) {
    const theme = themes.get(id);
    if (!theme || !hull.length) continue;
    const pts = hull.map(toScreen);
    ctx.beginPath();
    ctx.moveTo(pts[0].x, pts[0].y);
    for (const p of pts.slice(1)) ctx.lineTo(p.x, p.y);
    ctx.closePath();
    const alpha = dim(id) ? 0.04 : 1;
    // NOTE: a wide round stroke in the fill colour pads the hull by half its width with rounded corners: a soft blob.
    ctx.globalAlpha = 0.13 * alpha;
    ctx.fillStyle = theme.color;
    ctx.strokeStyle = theme.color;
    ctx.lineWidth = HULL_PAD * 2;
    ctx.fill();
    ctx.stroke();
    ctx.globalAlpha = 0.35 * alpha;
    ctx.lineWidth = 1;
    ctx.setLineDash([4, 4]);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.globalAlpha = 1;
}

/** Where each name goes: candidates around its anchor, larger themes first, never over a placed name nor out of view. */
export function placeLabels(items: Array<{ anchor: Point; w: number; h: number }>, order: number[], view: { w: number; h: number }): Array<Rect | null> {
  const placed: Rect[] = [];
  const out: Array<Rect | null> = items.map(() => null);
  const overlaps = (r: Rect) => placed.some((p) => Math.abs(p.x - r.x) * 2 < p.w + r.w + 4 && Math.abs(p.y - r.y) * 2 < p.h + r.h + 2);
  for (const i of order) {
    const { anchor, w, h } = items[i];
    const candidates: Rect[] = [];
    // NOTE: nearest spots first, then further out, so a crowded map still shows every name (near its theme, not on it).
    for (const k of [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 8, -8])
      for (const dx of [0, -0.6, 0.6, -1.2, 1.2]) candidates.push({ x: anchor.x + dx * w, y: anchor.y + k * (h * 0.6 + 2), w, h });
    const inside = (r: Rect) => r.x - r.w / 2 >= 2 && r.x + r.w / 2 <= view.w - 2 && r.y - r.h / 2 >= 2 && r.y + r.h / 2 <= view.h - 2;
    const clamp = (r: Rect): Rect => ({
      ...r,
      x: Math.min(view.w - r.w / 2 - 2, Math.max(r.w / 2 + 2, r.x)),
      y: Math.min(view.h - r.h / 2 - 2, Math.max(r.h / 2 + 2, r.y)),
    });
    // An anchor on screen keeps its name on screen (clamped); an anchor off screen has no name.
    if (anchor.x < 0 || anchor.y < 0 || anchor.x > view.w || anchor.y > view.h) continue;
    const spot = candidates.map((r) => (inside(r) ? r : clamp(r))).find((r) => !overlaps(r));
    if (spot) {
      placed.push(spot);
      out[i] = spot;
    }
  }
  return out;
}

export interface ThemeLayer {
  /** Recomputes the regions (after a filter change). */
  setHidden(hidden: Set<string>): void;
  /** Draws regions and names for the current camera. */
  render(): void;
  /** The names as placed on screen, for the PNG export. */
  placedNames(): Array<{ theme: MapTheme; rect: Rect; font: string }>;
  regions(): Map<string, Point[]>;
  dispose(): void;
}

export function mountThemeLayer(
  sigma: MapSigma,
  model: ThemeLayerModel,
  labelsLayer: HTMLElement,
  opts: { isShown: (id: string) => boolean; isDim: (id: string) => boolean; onPick: (id: string) => void },
): ThemeLayer {
  const canvas = sigma.createCanvas('theme-regions', { beforeLayer: 'edges' });
  canvas.style.pointerEvents = 'none';
  const ctx = canvas.getContext('2d')!;
  let regions = new Map<string, Point[]>();
  const labels = model.themes.map((t) => {
    const div = el('div', { class: 'theme-label', text: t.name, attrs: { title: `${t.name} · ${t.size} papers` } });
    div.style.setProperty('--theme', t.color);
    div.style.fontSize = `${Math.round(12 + Math.min(3, Math.sqrt(t.size) / 3))}px`;
    div.addEventListener('click', () => opts.onPick(t.id));
    labelsLayer.append(div);
    return { t, div };
  });
  // Measured once: reading sizes on every frame would force a layout per frame.
  const sizes = labels.map(({ div }) => ({ w: div.offsetWidth, h: div.offsetHeight }));
  const order = labels.map((_, i) => i).sort((a, b) => labels[b].t.size - labels[a].t.size || a - b);
  let lastPlaced: Array<Rect | null> = [];
  const themeMap = model.themeById;

  const render = () => {
    const { width, height } = sigma.getDimensions();
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const shownRegions = new Map([...regions].filter(([id]) => opts.isShown(id)));
    drawRegions(ctx, shownRegions, themeMap, (p) => sigma.graphToViewport(p), opts.isDim);
    const items = labels.map(({ t }, i) => ({ anchor: sigma.graphToViewport({ x: t.x, y: t.y }), ...sizes[i] }));
    const visibleOrder = order.filter((i) => opts.isShown(labels[i].t.id) && regions.has(labels[i].t.id));
    lastPlaced = placeLabels(items, visibleOrder, { w: width, h: height });
    labels.forEach(({ t, div }, i) => {
      const spot = lastPlaced[i];
      div.hidden = spot === null;
      if (!spot) return;
      div.style.transform = `translate(${Math.round(spot.x - spot.w / 2)}px, ${Math.round(spot.y - spot.h / 2)}px)`;
      div.classList.toggle('dim', opts.isDim(t.id));
    });
  };
  return {
    setHidden(hidden) {
      regions = themeRegions(model, hidden);
    },
    render,
    regions: () => regions,
    placedNames() {
      return labels.flatMap(({ t, div }, i) => {
        const rect = lastPlaced[i];
        if (!rect || div.hidden) return [];
        const cs = getComputedStyle(div);
        return [{ theme: t, rect, font: `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}` }];
      });
    },
    dispose() {
      labelsLayer.replaceChildren();
    },
  };
}
