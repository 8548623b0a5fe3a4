// Incremental updates (a previous build plus new papers) and imported themes: the public API of the stage.
export { resolveUpdateOptions, UpdateOptionsSchema, DEFAULT_UPDATE_OPTIONS, type UpdateOptions } from './options.ts';
export { matchThemes, type ThemeMatchReport, type ThemeChange, type ThemeSnapshot } from './match.ts';
export { incrementalLayout, type IncrementalLayoutReport } from './layout.ts';
export { PAPERS_FILE, papersToJsonl, parsePapersJsonl } from './papers.ts';
export { importThemes, parsePartition, type ImportThemesReport, type PartitionRow } from './import-themes.ts';
export {
  themeSnapshots,
  rerunWithoutLayout,
  renameThemes,
  updateBuild,
  type PreviousBuild,
  type UpdateReport,
  type UpdateResult,
  type UpdateBuildOptions,
} from './update.ts';
