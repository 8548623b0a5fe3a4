// The export stage: every output file of a build, as text (the caller writes them; see src/io/build.ts).
import type { PipelineContext } from '../pipeline.ts';
import { toGexf } from './gexf.ts';
import { toGraphml } from './graphml.ts';
import { toNodesCsv, toEdgesCsv } from './csv.ts';
import { toGraphJson } from './graph-json.ts';

export { toGexf } from './gexf.ts';
export { toGraphml } from './graphml.ts';
export { toNodesCsv, toEdgesCsv, csvCell } from './csv.ts';
export { toGraphJson, toGraphJsonDocument } from './graph-json.ts';

export const OUTPUT_FILES = ['graph.json', 'graph.gexf', 'graph.graphml', 'nodes.csv', 'edges.csv'] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

/** Every output of a run, by file name. */
export function exportAll(ctx: PipelineContext, inputs: string[]): Record<OutputFile, string> {
  const themes = ctx.themes.themes;
  return {
    'graph.json': toGraphJson(ctx, inputs),
    'graph.gexf': toGexf(ctx.graph, themes),
    'graph.graphml': toGraphml(ctx.graph, themes),
    'nodes.csv': toNodesCsv(ctx.graph, themes),
    'edges.csv': toEdgesCsv(ctx.graph),
  };
}
