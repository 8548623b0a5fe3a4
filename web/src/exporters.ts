// Exports from the browser: the graph as GEXF 1.3 by the CLI's own writer (src/export/gexf.ts), limited to what the filters
// show, and the map as a PNG with its theme regions, theme names and a legend.
import Graph from 'graphology';
import { write as writeGexf } from 'graphology-gexf/browser';
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import { toGexf } from '../../src/export/gexf.ts';
import type { KnowledgeGraph } from '../../src/graph/index.ts';
import type { EdgeAttributes, NodeAttributes } from '../../src/model/graph-json.ts';
import type { ViewModel, ViewNode, ViewEdge } from './model.ts';
import { drawRegions, type ThemeLayer } from './labels.ts';
import { CONCEPT_FILL, CONCEPT_OUTLINE, MAP_BACKGROUND } from './colors.ts';

/** GEXF attributes are scalars: lists are joined, nested records become JSON text. */
function flatten(a: Record<string, unknown>, skip: ReadonlySet<string>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(a)) {
    if (skip.has(k) || v === undefined || v === null) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v.join('; ');
    else out[k] = JSON.stringify(v);
  }
  return out;
}

const VIZ_KEYS = new Set(['label', 'x', 'y', 'size', 'color']);

/** "#rrggbb" as "rgb(r,g,b)": graphology-gexf then writes r/g/b attributes (networkx 3 cannot read 1.3's hex). */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

/** A graph from paper-kg (graph.json), as opposed to a foreign GEXF file opened in the viewer. */
function isPaperKgGraph(model: ViewModel): boolean {
  let ok = true;
  model.graph.forEachNode((_k, a) => {
    if (a.kind === 'other') ok = false;
  });
  model.graph.forEachEdge((_k, a) => {
    if (!Array.isArray(a.spans) || typeof a.source !== 'string') ok = false;
  });
  return ok;
}

/** What the legend says: which colour is which theme, and the shapes. */
export function legendText(model: ViewModel, hidden: Set<string>): string {
  const shown = model.themes.filter((t) => model.graph.someNode((k, a) => a.theme === t.id && !hidden.has(k)));
  const themes = shown.map((t) => `${t.id} ${t.name} (${t.color})`).join('; ');
  return `Colour = theme (papers are discs, concepts grey squares). Themes: ${themes}`;
}

/**
 * The visible part of the graph as GEXF 1.3. A paper-kg graph goes through the CLI's writer (the same bytes as
 * graph.gexf for the same nodes: r/g/b colours, themeName on every node) with the legend in the file's description; a
 * foreign GEXF opened in the viewer is written back by graphology-gexf with its own attributes.
 */
export function graphToGexf(model: ViewModel, hidden: Set<string> = new Set()): string {
  const sub = new Graph<ViewNode, ViewEdge>({ type: 'undirected', multi: false, allowSelfLoops: true });
  sub.replaceAttributes({ ...model.graph.getAttributes(), creator: 'paper-kg viewer', description: legendText(model, hidden) });
  model.graph.forEachNode((k, a) => (hidden.has(k) ? undefined : sub.addNode(k, a)));
  model.graph.forEachEdge((k, a, s, t) => (hidden.has(s) || hidden.has(t) ? undefined : sub.addEdgeWithKey(k, s, t, a)));
  if (isPaperKgGraph(model)) return toGexf(sub as unknown as KnowledgeGraph & Graph<NodeAttributes, EdgeAttributes>, model.themes);
  return writeGexf<ViewNode, ViewEdge>(sub, {
    version: '1.3',
    pretty: false,
    formatNode: (_key, a) => ({
      label: a.label,
      viz: { x: a.x, y: a.y, size: a.size, color: rgb(a.color) },
      attributes: flatten(a as unknown as Record<string, unknown>, VIZ_KEYS),
    }),
    formatEdge: (_key, a) => ({ weight: a.weight ?? 1, attributes: {} }),
  });
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function baseName(model: ViewModel): string {
  return model.name.replace(/\.(json|gexf)$/i, '').replace(/[^\w.-]+/g, '-') || 'graph';
}

export function exportGexf(model: ViewModel, hidden: Set<string>): void {
  download(`${baseName(model)}.gexf`, new Blob([graphToGexf(model, hidden)], { type: 'application/gexf+xml' }));
}

/** Wraps `text` into lines of at most `width` pixels. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The map as the person sees it (regions, nodes, edges, node labels), plus the theme names where they are and a legend. */
export async function renderPng(sigma: Sigma<ViewNode, ViewEdge>, model: ViewModel, layer: ThemeLayer, hidden: Set<string>): Promise<HTMLCanvasElement> {
  const { width, height } = sigma.getDimensions();
  const map = await drawOnCanvas(sigma as unknown as Sigma, { layers: ['edges', 'nodes', 'labels'], backgroundColor: 'transparent' });
  const shown = model.themes.filter((t) => model.graph.someNode((k, a) => a.theme === t.id && !hidden.has(k)));
  const legendW = 280;
  const canvas = document.createElement('canvas');
  const scale = map.width / width;
  canvas.width = Math.round((width + legendW) * scale);
  canvas.height = Math.round(Math.max(height, 60 + shown.length * 40) * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = MAP_BACKGROUND;
  ctx.fillRect(0, 0, width + legendW, canvas.height / scale);
  drawRegions(
    ctx,
    new Map([...layer.regions()].filter(([id]) => shown.some((t) => t.id === id))),
    model.themeById,
    (p) => sigma.graphToViewport(p),
    () => false,
  );
  ctx.drawImage(map, 0, 0, width, height);
  // Theme names where the map shows them.
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const { theme, rect, font } of layer.placedNames()) {
    ctx.font = font;
    const lines = wrap(ctx, theme.name, rect.w + 1);
    const lh = rect.h / Math.max(1, lines.length);
    lines.forEach((line, i) => {
      const y = rect.y - rect.h / 2 + lh * (i + 0.5);
      ctx.lineWidth = 4;
      ctx.strokeStyle = MAP_BACKGROUND;
      ctx.strokeText(line, rect.x, y);
      ctx.fillStyle = theme.color;
      ctx.fillText(line, rect.x, y);
    });
  }
  // Legend on the right: a swatch and the full name of each theme, then the shapes.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  let y = 16;
  const x0 = width + 12;
  ctx.fillStyle = '#1f2933';
  ctx.font = '600 13px system-ui, sans-serif';
  ctx.fillText('Themes', x0, y);
  y += 22;
  ctx.font = '12px system-ui, sans-serif';
  for (const t of shown) {
    ctx.fillStyle = t.color;
    ctx.beginPath();
    ctx.arc(x0 + 6, y + 7, 6, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = '#1f2933';
    const lines = wrap(ctx, `${t.name} (${t.size})`, legendW - 40);
    for (const line of lines) {
      ctx.fillText(line, x0 + 18, y);
      y += 15;
    }
    y += 5;
  }
  y += 6;
  ctx.fillStyle = '#9aa0a6';
  ctx.beginPath();
  ctx.arc(x0 + 6, y + 7, 5, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = '#1f2933';
  ctx.fillText('paper (colour = theme)', x0 + 18, y);
  y += 20;
  ctx.fillStyle = CONCEPT_FILL;
  ctx.strokeStyle = CONCEPT_OUTLINE;
  ctx.lineWidth = 1;
  ctx.fillRect(x0 + 1, y + 2, 10, 10);
  ctx.strokeRect(x0 + 1, y + 2, 10, 10);
  ctx.fillStyle = '#1f2933';
  ctx.fillText('concept · size = centrality', x0 + 18, y);
  return canvas;
}

export async function exportPng(sigma: Sigma<ViewNode, ViewEdge>, model: ViewModel, layer: ThemeLayer, hidden: Set<string>): Promise<void> {
  const canvas = await renderPng(sigma, model, layer, hidden);
  const blob = await new Promise<Blob>((ok, ko) => canvas.toBlob((b) => (b ? ok(b) : ko(new Error('the PNG could not be made'))), 'image/png'));
  download('paper-kg-map.png', blob);
}
