// nodes.csv + edges.csv, with the column names Gephi's spreadsheet import recognises (Id, Label, Source, Target, Type, Weight).
import type { KnowledgeGraph } from '../graph/index.ts';
import type { Theme } from '../model/graph-json.ts';
import { escapedEvidence, flatNodeAttributes, themeNameMap, type Scalar } from './text.ts';

const NODE_COLUMNS = [
  'kind',
  'theme',
  'themeName',
  'degree',
  'weightedDegree',
  'pagerank',
  'paperId',
  'date',
  'url',
  'upvotes',
  'authors',
  'authorCount',
  'conceptId',
  'df',
  'firstSeen',
  'lastSeen',
  'aliases',
  'source',
  'parent',
] as const;

/**
 * One RFC 4180 cell. NOTE: paper text is untrusted: a text cell starting with = + - @ or a tab would run as a formula
 * in a spreadsheet, so it gets a leading apostrophe (numbers are written as numbers and never get one).
 */
export function csvCell(value: Scalar | undefined): string {
  if (value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (cells: Array<Scalar | undefined>): string => cells.map(csvCell).join(',');

export function toNodesCsv(kg: KnowledgeGraph, themes: Theme[]): string {
  return [...nodesCsvChunks(kg, themes)].join('');
}

/** nodes.csv in pieces (a row each), for writing without holding the whole file (the build writer batches them). */
export function* nodesCsvChunks(kg: KnowledgeGraph, themes: Theme[]): Generator<string> {
  const names = themeNameMap(themes);
  yield line(['Id', 'Label', 'x', 'y', 'size', 'color', ...NODE_COLUMNS]) + '\n';
  for (const { node: key, attributes: attr } of kg.nodeEntries()) {
    const flat = flatNodeAttributes(attr, names);
    yield line([key, attr.label, attr.x, attr.y, attr.size, attr.color, ...NODE_COLUMNS.map((c) => flat[c])]) + '\n';
  }
}

export function toEdgesCsv(kg: KnowledgeGraph): string {
  return [...edgesCsvChunks(kg)].join('');
}

const doubleQuotes = (text: string): string => (text.includes('"') ? text.replace(/"/g, '""') : text);

/** edges.csv in pieces (a row each), for writing without holding the whole file (the build writer batches them). */
export function* edgesCsvChunks(kg: KnowledgeGraph): Generator<string> {
  yield line(['Id', 'Source', 'Target', 'Type', 'Weight', 'source', 'evidence']) + '\n';
  // NOTE: the same cells as line([key, source, target, 'Undirected', weight, source family, evidenceText(attr)]), with
  // node ids made once and the evidence (which always holds quotes, so is always quoted) escaped span by span.
  const ids = new Map<string, string>();
  kg.forEachNode((key) => {
    ids.set(key, csvCell(key));
  });
  for (const { edge: key, attributes: attr, source, target } of kg.edgeEntries()) {
    const evidence = attr.spans.length ? `"${escapedEvidence(attr, doubleQuotes, '""')}"` : '';
    yield `${csvCell(key)},${ids.get(source)!},${ids.get(target)!},Undirected,${csvCell(attr.weight)},${csvCell(attr.source)},${evidence}\n`;
  }
}
