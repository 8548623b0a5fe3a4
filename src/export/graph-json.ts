// graph.json, the viewer's input: the graphology serialisation plus themes, results and metadata, checked by its schema.
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { z } from 'zod';
import { GraphJsonSchema, EdgeAttributesSchema, type GraphJson } from '../model/graph-json.ts';
import { conceptKey, paperKey } from '../graph/index.ts';
import type { PipelineContext } from '../pipeline.ts';

/** The graph.json document of a pipeline run; `inputs` are the input file base names (never paths). */
export function toGraphJsonDocument(ctx: PipelineContext, inputs: string[]): GraphJson {
  const kg = ctx.graph;
  const nodes: GraphJson['graph']['nodes'] = [];
  kg.forEachNode((key, attributes) => nodes.push({ key, attributes }));
  const edges: GraphJson['graph']['edges'] = [];
  kg.forEachEdge((key, attributes, source, target) => edges.push({ key, source, target, attributes }));
  const results: GraphJson['results'] = [];
  ctx.extraction.papers.forEach((p) => {
    for (const r of p.results) {
      const benchmark = r.benchmark !== null && kg.hasNode(conceptKey(r.benchmark)) ? conceptKey(r.benchmark) : null;
      const metric = r.metric !== null && kg.hasNode(conceptKey(r.metric)) ? conceptKey(r.metric) : null;
      results.push({ ...r, benchmark, metric, paper: paperKey(p.id) });
    }
  });
  let concepts = 0;
  kg.forEachNode((_k, a) => {
    if (a.kind !== 'paper') concepts++;
  });
  const doc: GraphJson = {
    version: 1,
    meta: {
      generator: 'paper-kg',
      inputs,
      papers: ctx.papers.length,
      concepts,
      modularity: Number(ctx.themes.modularity.toFixed(6)),
      resolution: ctx.themes.resolution,
      seed: ctx.options.seed,
    },
    themes: ctx.themes.themes,
    results,
    graph: { attributes: kg.getAttributes(), options: { type: 'undirected', multi: false, allowSelfLoops: false }, nodes, edges },
  };
  return doc;
}

const EdgeSchema = GraphJsonSchema.shape.graph.shape.edges.element;

/** Every how many edges the schema checks one in full (besides the first EDGES_CHECKED_IN_FULL). */
const EDGE_STRIDE = 16;
const EDGES_CHECKED_IN_FULL = 4096;

/**
 * Checks a graph.json document against the schema the viewer shares. NOTE: all of it except the edges, which are 85% of
 * the elements and 70% of the cost (~8 s at 100k papers): edges come out of one loop over the typed graph, so a wrong
 * shape would be wrong everywhere and a stride sample finds it; what can differ edge by edge (a weight that is not a
 * positive number, an unknown rule family) is checked on every edge.
 */
function checkDocument(doc: GraphJson): z.core.$ZodIssue[] {
  const { edges } = doc.graph;
  const rest = GraphJsonSchema.safeParse({ ...doc, graph: { ...doc.graph, edges: [] } });
  if (!rest.success) return rest.error.issues;
  const sources = new Set<string>(EdgeAttributesSchema.shape.source.options);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    const full = i < EDGES_CHECKED_IN_FULL || i % EDGE_STRIDE === 0;
    if (full || !(e.attributes.weight > 0 && Number.isFinite(e.attributes.weight)) || !sources.has(e.attributes.source) || !Array.isArray(e.attributes.spans)) {
      const r = EdgeSchema.safeParse(e);
      if (!r.success) return r.error.issues.map((issue) => ({ ...issue, path: ['graph', 'edges', i, ...issue.path] }));
    }
  }
  return [];
}

/** graph.json as text, validated by the schema the viewer shares: a document the viewer would reject is never written. */
export function toGraphJson(ctx: PipelineContext, inputs: string[]): string {
  return [...graphJsonChunks(ctx, inputs)].join('');
}

/**
 * graph.json in pieces (validated first; a node or an edge each), the same bytes as JSON.stringify of the document plus
 * a newline. NOTE: at 100k papers the text is ~400 MB: written in pieces, it is never one string (nor two while joined).
 */
export function* graphJsonChunks(ctx: PipelineContext, inputs: string[]): Generator<string> {
  const doc = toGraphJsonDocument(ctx, inputs);
  const issues = checkDocument(doc);
  if (issues.length) {
    throw new PaperKgError(
      'E_GRAPH',
      `graph.json: the built graph does not match its schema (${formatZodIssues(issues.slice(0, 5))}); this is a bug in paper-kg`,
    );
  }
  const { graph, ...head } = doc;
  const open = JSON.stringify(head);
  yield `${open.slice(0, -1)},"graph":{"attributes":${JSON.stringify(graph.attributes)},"options":${JSON.stringify(graph.options)},"nodes":[`;
  for (let i = 0; i < graph.nodes.length; i++) yield (i ? ',' : '') + JSON.stringify(graph.nodes[i]);
  yield '],"edges":[';
  for (let i = 0; i < graph.edges.length; i++) yield (i ? ',' : '') + JSON.stringify(graph.edges[i]);
  yield ']}}\n';
}
