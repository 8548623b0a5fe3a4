// Exports from the browser: the graph as GEXF 1.3 (graphology-gexf) and the map as a PNG (@sigma/export-image).
import { write as writeGexf } from 'graphology-gexf/browser';
import { downloadAsPNG } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { ViewModel, ViewNode, ViewEdge } from './model.ts';

/** GEXF attributes are scalars: lists are joined, nested records (links, spans) become JSON text. */
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

export function graphToGexf(model: ViewModel): string {
  return writeGexf<ViewNode, ViewEdge>(model.graph, {
    // NOTE: GEXF 1.3: graphology-gexf's 1.2 output has a malformed viz namespace that networkx ignores (see PERFORMANCE.md).
    version: '1.3',
    pretty: false,
    formatNode: (_key, a) => ({ label: a.label, viz: { x: a.x, y: a.y, size: a.size, color: a.color }, attributes: flatten(a as unknown as Record<string, unknown>, VIZ_KEYS) }),
    formatEdge: (_key, a) => ({ weight: a.weight ?? 1, attributes: flatten({ source: a.source, evidence: (a.spans ?? []).map((s) => s.text) }, new Set()) }),
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

function baseName(model: ViewModel): string {
  return model.name.replace(/\.(json|gexf)$/i, '').replace(/[^\w.-]+/g, '-') || 'graph';
}

export function exportGexf(model: ViewModel): void {
  download(`${baseName(model)}.gexf`, new Blob([graphToGexf(model)], { type: 'application/gexf+xml' }));
}

export async function exportPng(sigma: Sigma<ViewNode, ViewEdge>): Promise<void> {
  await downloadAsPNG(sigma as unknown as Sigma, { fileName: 'paper-kg-map', backgroundColor: '#ffffff' });
}
