// The graph Louvain partitions into themes: papers with their shareable concepts, or the paper neighbour graph.
import Graph from 'graphology';
import type { KnowledgeGraph } from './index.ts';
import type { Projection } from './projection.ts';
import type { GraphOptions } from './options.ts';
import type { ConceptNode } from '../model/graph-json.ts';

export type ClusteringGraph = Graph<Record<string, never>, { weight: number }>;

/**
 * NOTE: in the bipartite form a concept in one paper relates nothing and a hub would tie a tenth of the corpus into one
 * community, so both are left out; what stays is linear in the paper–concept links. A link weighs the concept's rarity
 * (log N/df) × its kind and rule-family weights × the title weight when the title names it, as in the projection.
 */
export function clusteringGraph(kg: KnowledgeGraph, projection: Projection, options: GraphOptions): ClusteringGraph {
  if (options.clustering === 'neighbours') return projection.graph as unknown as ClusteringGraph;
  const graph: ClusteringGraph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  let n = 0;
  kg.forEachNode((key, attr) => {
    if (attr.kind === 'paper') {
      graph.addNode(key);
      n++;
    }
  });
  kg.forEachEdge((_e, edge, s, t, sa, ta) => {
    const [paper, conceptKey, concept] = sa.kind === 'paper' ? [s, t, ta as ConceptNode] : [t, s, sa as ConceptNode];
    if (concept.df < 2 || concept.df > projection.hubLimit) return;
    const inTitle = edge.spans.some((span) => span.field === 'title');
    const w = Math.log(n / concept.df) * options.kindWeights[concept.kind] * options.sourceWeights[concept.source] * (inTitle ? options.titleWeight : 1);
    if (w <= 0) return;
    if (!graph.hasNode(conceptKey)) graph.addNode(conceptKey);
    graph.addEdge(paper, conceptKey, { weight: w });
  });
  return graph;
}
