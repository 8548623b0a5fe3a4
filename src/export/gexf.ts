// GEXF 1.3 export through graphology-gexf: viz colour (theme), position and size on every node, typed attributes.
import { write } from 'graphology-gexf';
import type { KnowledgeGraph } from '../graph/index.ts';
import type { EdgeAttributes, NodeAttributes, Theme } from '../model/graph-json.ts';
import { evidenceText, flatNodeAttributes, themeNameMap, xmlSafe } from './text.ts';

function clean(record: Record<string, string | number | boolean | undefined>): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(record)) if (v !== undefined && v !== '') out[k] = typeof v === 'string' ? xmlSafe(v) : v;
  return out;
}

/**
 * "#4e79a7" as "rgb(78,121,167)". NOTE: graphology-gexf writes a "#…" colour as GEXF 1.3's hex attribute, which older
 * readers (networkx 2.x) cannot decode; r/g/b attributes are valid 1.3 too, and every reader knows them.
 */
function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
}

/**
 * The graph as GEXF 1.3. NOTE: version '1.3' because graphology-gexf's 1.2 output declares a malformed viz namespace
 * that networkx silently ignores (colours and positions lost); pretty: false saves ~12% size; pedantic: true keeps the
 * meta block to the elements the schema allows.
 */
export function toGexf(kg: KnowledgeGraph, themes: Theme[]): string {
  const names = themeNameMap(themes);
  return write<NodeAttributes, EdgeAttributes>(kg, {
    version: '1.3',
    pretty: false,
    pedantic: true,
    formatNode: (_key, attr) => ({
      label: xmlSafe(attr.label),
      viz: { color: rgb(attr.color), size: attr.size, x: attr.x, y: attr.y },
      attributes: clean(flatNodeAttributes(attr, names)),
    }),
    formatEdge: (_key, attr) => ({
      weight: attr.weight,
      attributes: clean({ source: attr.source, evidence: evidenceText(attr) }),
    }),
  });
}
