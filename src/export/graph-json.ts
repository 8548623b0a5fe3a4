// graph.json, the viewer's input: the graphology serialisation plus themes, results and metadata, checked by its schema.
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { GraphJsonSchema, type GraphJson } from '../model/graph-json.ts';
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

/** graph.json as text, validated by the schema the viewer shares: a document the viewer would reject is never written. */
export function toGraphJson(ctx: PipelineContext, inputs: string[]): string {
  const doc = toGraphJsonDocument(ctx, inputs);
  const checked = GraphJsonSchema.safeParse(doc);
  if (!checked.success) {
    throw new PaperKgError('E_GRAPH', `graph.json: the built graph does not match its schema (${formatZodIssues(checked.error.issues.slice(0, 5))}); this is a bug in paper-kg`);
  }
  return JSON.stringify(doc) + '\n';
}
