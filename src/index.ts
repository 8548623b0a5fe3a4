// paper-kg's public API: what the library offers, listed explicitly.
export { PaperSchema, type Paper, type PaperInput } from './model/paper.ts';
export { parseArxivId, normaliseTitle, titleId } from './model/ids.ts';
export { PaperKgError, type ErrorCode } from './errors.ts';
export {
  ingest,
  detectFormat,
  mergePapers,
  FORMAT_NAMES,
  READERS,
  type IngestResult,
  type FileReport,
  type IngestMessage,
  type SourceInput,
} from './ingest/index.ts';
export { fileSource, textSource, writeFileAtomic } from './io/files.ts';
export { runPipeline, resolvePipelineOptions, type PipelineContext, type PipelineOptions } from './pipeline.ts';
export { buildKnowledgeGraph, projectPapers, type KnowledgeGraph } from './graph/index.ts';
export { detectThemes, adjustedMutualInformation, pairCoherence, bagOfWordsThemes } from './themes/index.ts';
export { layoutGraph } from './layout/index.ts';
export { exportAll, toGexf, toGraphml, toNodesCsv, toEdgesCsv, toGraphJson } from './export/index.ts';
export { createQueryIndex, queryBenchmark, queryShared, querySimilar, queryThemes, queryTheme, queryBoth } from './query/index.ts';
export { buildToDirectory, loadGraphDirectory, type BuildSummary } from './io/build.ts';
export { updateDirectory, type UpdateSummary } from './io/build.ts';
export { updateBuild, matchThemes, importThemes, parsePartition, type UpdateReport } from './update/index.ts';
export { importThemesDirectory } from './io/import-themes.ts';
export { GraphJsonSchema, type GraphJson } from './model/graph-json.ts';
