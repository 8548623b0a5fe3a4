// The graph stage: the knowledge graph (papers, concepts, weighted evidence-carrying links), the paper neighbour graph,
// and the graph themes are computed on. Re-exports only: each part lives in its own file.
export { buildKnowledgeGraph, informativeness, paperKey, conceptKey, type KnowledgeGraph } from './knowledge-graph.ts';
export { resolveGraphOptions, GraphOptionsSchema, DEFAULT_GRAPH_OPTIONS, type GraphOptions } from './options.ts';
export { projectPapers, type Projection } from './projection.ts';
export { createRng } from './rng.ts';
export { clusteringGraph, clusteringHubLimit, type ClusteringGraph } from './clustering.ts';
