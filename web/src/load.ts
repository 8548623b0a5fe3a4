// Loading a graph into the viewer: graph.json (validated with the shared zod schema) or any GEXF file.
import Graph from 'graphology';
import { z } from 'zod';
import { parse as parseGexf } from 'graphology-gexf/browser';
import { GraphJsonSchema, NODE_KINDS } from '../../src/model/graph-json.ts';
import { createModel, type OtherNode, type ViewGraph, type ViewModel, type ViewNode } from './model.ts';

export class LoadError extends Error {}

function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const shown = issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return shown.join('; ') + (issues.length > 3 ? ` (and ${issues.length - 3} more)` : '');
}

/**
 * Above this many edges the map draws its nodes first and adds the edges after that first frame: validating, importing
 * and drawing 50k edges with their evidence is most of a large graph's time to first picture.
 */
export const DEFER_EDGES_ABOVE = 20_000;

/** The same schema, edges aside: they are checked with EDGES_SCHEMA before they are added (nothing unchecked is drawn). */
const NODES_PASS_SCHEMA = GraphJsonSchema.extend({ graph: GraphJsonSchema.shape.graph.extend({ edges: z.array(z.unknown()) }) });
const EDGES_SCHEMA = GraphJsonSchema.shape.graph.shape.edges;

function importInto(graph: ViewGraph, name: string, data: { attributes?: Record<string, unknown>; nodes?: unknown[]; edges?: unknown[] }): void {
  try {
    graph.import(data as unknown as Parameters<ViewGraph['import']>[0]);
  } catch (e) {
    throw new LoadError(`${name}: its graph cannot be loaded (${(e as Error).message}); rebuild it with "paper-kg build".`);
  }
}

export function fromGraphJson(data: unknown, name: string): ViewModel {
  performance.mark('paper-kg:parsed');
  const edges = (data as { graph?: { edges?: unknown } } | null)?.graph?.edges;
  const defer = Array.isArray(edges) && edges.length > DEFER_EDGES_ABOVE;
  const parsed = (defer ? NODES_PASS_SCHEMA : GraphJsonSchema).safeParse(data);
  performance.mark('paper-kg:validated');
  if (!parsed.success) {
    throw new LoadError(
      `${name} is not a paper-kg graph.json (${describeIssues(parsed.error.issues)}). Rebuild it with "paper-kg build", or drop a .gexf file instead.`,
    );
  }
  const json = parsed.data;
  const graph: ViewGraph = new Graph({ type: 'undirected', multi: json.graph.options.multi, allowSelfLoops: json.graph.options.allowSelfLoops });
  importInto(graph, name, { attributes: json.graph.attributes, nodes: json.graph.nodes, edges: defer ? [] : json.graph.edges });
  performance.mark('paper-kg:imported');
  const model = createModel(name, graph, json.themes, json.results);
  if (defer) model.pendingEdges = json.graph.edges;
  return model;
}

/** Validates and adds a large graph's deferred edges (a no-op for others). Throws a LoadError naming the first bad edges. */
export function loadPendingEdges(model: ViewModel): void {
  if (!model.pendingEdges) return;
  const parsed = EDGES_SCHEMA.safeParse(model.pendingEdges);
  model.pendingEdges = undefined;
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ ...i, path: ['graph', 'edges', ...i.path] }));
    throw new LoadError(`${model.name} is not a paper-kg graph.json (${describeIssues(issues)}); its edges are not drawn. Rebuild it with "paper-kg build".`);
  }
  importInto(model.graph, model.name, { edges: parsed.data });
}

const FALLBACK_COLOR = '#7f8c8d';

function hexColor(value: unknown): string {
  if (typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value)) return value;
  if (typeof value === 'string') {
    const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/i.exec(value);
    if (m) return '#' + [m[1], m[2], m[3]].map((c) => Math.min(255, Number(c)).toString(16).padStart(2, '0')).join('');
  }
  return FALLBACK_COLOR;
}

/** GEXF files carry whatever attributes their author chose: paper-kg's own exports come back as papers and concepts, anything else as "other" nodes. */
export function fromGexf(text: string, name: string): ViewModel {
  let raw: Graph;
  try {
    raw = parseGexf(Graph, text, { addMissingNodes: true, allowUndeclaredAttributes: true });
  } catch (e) {
    throw new LoadError(`${name} could not be read as GEXF (${(e as Error).message}); check that it is a GEXF 1.x file.`);
  }
  const graph: ViewGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: true });
  const count = raw.order || 1;
  let i = 0;
  raw.forEachNode((key, a) => {
    // NOTE: files without positions get a golden-angle spiral, deterministic and readable, instead of a random cloud.
    const angle = i * 2.399963;
    const radius = Math.sqrt(i / count) * 100;
    const base = {
      label: typeof a.label === 'string' && a.label ? a.label : key,
      x: Number.isFinite(a.x) ? Number(a.x) : Math.cos(angle) * radius,
      y: Number.isFinite(a.y) ? Number(a.y) : Math.sin(angle) * radius,
      size: Number.isFinite(a.size) && Number(a.size) > 0 ? Number(a.size) : 4,
      color: hexColor(a.color),
      theme: typeof a.theme === 'string' ? a.theme : '',
      degree: raw.degree(key),
    };
    i++;
    const kind = typeof a.kind === 'string' && (NODE_KINDS as readonly string[]).includes(a.kind) ? a.kind : null;
    let node: ViewNode;
    if (kind === 'paper') {
      node = {
        ...base,
        kind,
        weightedDegree: base.degree,
        pagerank: 0,
        paperId: String(a.paperId ?? key),
        abstract: String(a.abstract ?? ''),
        authors: typeof a.authors === 'string' ? a.authors.split(/;\s*/).filter(Boolean) : [],
        date: typeof a.date === 'string' ? a.date : undefined,
        links: {},
        url: typeof a.url === 'string' ? a.url : undefined,
      };
    } else if (kind) {
      node = {
        ...base,
        kind,
        weightedDegree: base.degree,
        pagerank: 0,
        conceptId: String(a.conceptId ?? key),
        aliases: typeof a.aliases === 'string' ? a.aliases.split(/;\s*/).filter(Boolean) : [],
        source: 'vocabulary',
        df: Math.max(1, base.degree),
      } as ViewNode;
    } else {
      const extra: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(a)) if (!['label', 'x', 'y', 'size', 'color'].includes(k)) extra[k] = v;
      node = { ...base, kind: 'other', extra } satisfies OtherNode;
    }
    graph.addNode(key, node);
  });
  raw.forEachEdge((_edge, a, source, target) => {
    if (!graph.hasEdge(source, target)) graph.addEdge(source, target, { weight: Number.isFinite(a.weight) ? Number(a.weight) : 1 });
  });
  return createModel(name, graph, [], []);
}

/** `started`: the request for `url`, when it was made before (early.ts). */
export async function loadFromUrl(url: string, started?: Promise<Response>): Promise<ViewModel> {
  let response: Response;
  try {
    response = await (started ?? fetch(url));
  } catch (e) {
    throw new LoadError(`could not fetch ${url} (${(e as Error).message}); is the server still running?`);
  }
  if (!response.ok)
    throw new LoadError(`could not load ${url}: HTTP ${response.status}. Build a graph first ("paper-kg build"), or drop a graph.json / .gexf file here.`);
  const name = url.split('/').pop() || url;
  if (/\.gexf$/i.test(name)) return fromGexf(await response.text(), name);
  let data: unknown;
  try {
    // NOTE: json() parses straight from the bytes, sparing a 20 MB string on large graphs.
    data = await response.json();
  } catch (e) {
    throw new LoadError(`${name} is not valid JSON (${(e as Error).message}); rebuild it with "paper-kg build".`);
  }
  performance.mark('paper-kg:fetched');
  return fromGraphJson(data, name);
}

export function loadText(text: string, name: string): ViewModel {
  if (/\.gexf$/i.test(name) || /^\s*<\?xml|^\s*<gexf/.test(text)) return fromGexf(text, name);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LoadError(`${name} is not valid JSON (${(e as Error).message}); expected a paper-kg graph.json or a .gexf file.`);
  }
  return fromGraphJson(data, name);
}
