// GraphML export: typed keys for every node and edge attribute, plus label, position, size and r/g/b that Gephi reads.
// NOTE: graphology-graphml only parses; this writer is small, and the tests read its output back with that parser.
import type { KnowledgeGraph } from '../graph/index.ts';
import type { Theme } from '../model/graph-json.ts';
import { escapeXml, escapedEvidence, flatNodeAttributes, themeNameMap, type Scalar } from './text.ts';

type KeyType = 'string' | 'int' | 'double' | 'boolean';

function typeOf(v: Scalar): KeyType {
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'double';
  return 'string';
}

const WIDER: Record<KeyType, number> = { boolean: 0, int: 1, double: 2, string: 3 };

/** Declares each attribute once with the widest type any element needs (an int column with one 0.5 is a double). */
function inferKeys(rows: Array<Record<string, Scalar | undefined>>): Map<string, KeyType> {
  const keys = new Map<string, KeyType>();
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (v === undefined || v === '') continue;
      const t = typeOf(v);
      const seen = keys.get(k);
      if (!seen || WIDER[t] > WIDER[seen]) keys.set(k, t);
    }
  }
  return keys;
}

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/**
 * The graph as GraphML. NOTE: node rows are gathered first (their key types depend on every node), but edges are written
 * as they are visited, their three keys known up front: at 100k papers there are ~850k edges, and a row object per edge
 * cost more time and memory than the writing.
 */
export function toGraphml(kg: KnowledgeGraph, themes: Theme[]): string {
  return [...graphmlChunks(kg, themes)].join('');
}

/**
 * The GraphML text in pieces (a line each), for writing without holding the whole file (the build writer batches them).
 * NOTE: every line but the last ends with "\n", as the lines joined by "\n" did.
 */
export function* graphmlChunks(kg: KnowledgeGraph, themes: Theme[]): Generator<string> {
  const names = themeNameMap(themes);
  const nodes: Array<{ key: string; row: Record<string, Scalar | undefined> }> = [];
  kg.forEachNode((key, attr) => {
    const [r, g, b] = hexToRgb(attr.color);
    nodes.push({ key, row: { label: attr.label, x: attr.x, y: attr.y, size: attr.size, color: attr.color, r, g, b, ...flatNodeAttributes(attr, names) } });
  });
  let weightType: KeyType | undefined;
  let hasEvidence = false;
  kg.forEachEdge((_key, attr) => {
    const t = typeOf(attr.weight);
    if (!weightType || WIDER[t] > WIDER[weightType]) weightType = t;
    hasEvidence ||= attr.spans.length > 0;
  });
  const nodeKeys = inferKeys(nodes.map((n) => n.row));
  const edgeKeys = new Map<string, KeyType>();
  if (weightType) edgeKeys.set('weight', weightType).set('source', 'string');
  if (hasEvidence) edgeKeys.set('evidence', 'string');
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [name, type] of nodeKeys) yield `<key id="n-${escapeXml(name)}" for="node" attr.name="${escapeXml(name)}" attr.type="${type}"/>\n`;
  for (const [name, type] of edgeKeys) yield `<key id="e-${escapeXml(name)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${type}"/>\n`;
  yield '<graph id="paper-kg" edgedefault="undirected">\n';
  // NOTE: each key's opening tag and each node id are escaped once, not once per node or per edge.
  const nodeColumns = [...nodeKeys.keys()].map((name) => [name, `<data key="n-${escapeXml(name)}">`]);
  const ids = new Map<string, string>();
  for (const n of nodes) {
    let s = '';
    for (const [name, open] of nodeColumns) {
      const v = n.row[name];
      if (v === undefined || v === '') continue;
      s += `${open}${typeof v === 'string' ? escapeXml(v) : v}</data>`;
    }
    const id = escapeXml(n.key);
    ids.set(n.key, id);
    yield `<node id="${id}">${s}</node>\n`;
  }
  let i = 0;
  for (const { attributes: attr, source, target } of kg.edgeEntries()) {
    const evidence = escapedEvidence(attr, escapeXml, '&quot;');
    yield (
      `<edge id="e${i++}" source="${ids.get(source)!}" target="${ids.get(target)!}"><data key="e-weight">${attr.weight}</data><data key="e-source">${escapeXml(attr.source)}</data>` +
      (evidence ? `<data key="e-evidence">${evidence}</data>` : '') +
      '</edge>\n'
    );
  }
  yield '</graph>\n</graphml>\n';
}
