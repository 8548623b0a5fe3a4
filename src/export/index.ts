// The export stage: every output file of a build, as text (the caller writes them; see src/io/build.ts).
import type { PipelineContext } from '../pipeline.ts';
import { toGexf, gexfChunks } from './gexf.ts';
import { toGraphml, graphmlChunks } from './graphml.ts';
import { toNodesCsv, toEdgesCsv, nodesCsvChunks, edgesCsvChunks } from './csv.ts';
import { toGraphJson, graphJsonChunks } from './graph-json.ts';

export { toGexf } from './gexf.ts';
export { toGraphml } from './graphml.ts';
export { toNodesCsv, toEdgesCsv, csvCell } from './csv.ts';
export { toGraphJson, toGraphJsonDocument } from './graph-json.ts';

export const OUTPUT_FILES = ['graph.json', 'graph.gexf', 'graph.graphml', 'nodes.csv', 'edges.csv'] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

/**
 * One output of a run. NOTE: at 100k papers each output is a string of 100–700 MB: write each before making the next
 * (as src/io/build.ts does) and the peak memory holds one of them, not five.
 */
export function exportFile(ctx: PipelineContext, name: OutputFile, inputs: string[]): string {
  const themes = ctx.themes.themes;
  switch (name) {
    case 'graph.json':
      return toGraphJson(ctx, inputs);
    case 'graph.gexf':
      return toGexf(ctx.graph, themes);
    case 'graph.graphml':
      return toGraphml(ctx.graph, themes);
    case 'nodes.csv':
      return toNodesCsv(ctx.graph, themes);
    case 'edges.csv':
      return toEdgesCsv(ctx.graph);
  }
}

/** One output of a run in pieces (an element, a row or a line each): what a build writes, so no output is ever held whole. */
export function exportFileChunks(ctx: PipelineContext, name: OutputFile, inputs: string[]): Iterable<string> {
  const themes = ctx.themes.themes;
  switch (name) {
    case 'graph.json':
      return graphJsonChunks(ctx, inputs);
    case 'graph.gexf':
      return gexfChunks(ctx.graph, themes);
    case 'graph.graphml':
      return graphmlChunks(ctx.graph, themes);
    case 'nodes.csv':
      return nodesCsvChunks(ctx.graph, themes);
    case 'edges.csv':
      return edgesCsvChunks(ctx.graph);
  }
}

/** Every output of a run, by file name. */
export function exportAll(ctx: PipelineContext, inputs: string[]): Record<OutputFile, string> {
  return Object.fromEntries(OUTPUT_FILES.map((name) => [name, exportFile(ctx, name, inputs)])) as Record<OutputFile, string>;
}
