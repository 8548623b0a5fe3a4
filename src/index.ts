// paper-kg's public API: what the library offers, listed explicitly.
export { PaperSchema, type Paper, type PaperInput } from './model/paper.ts';
export { parseArxivId, normaliseTitle, titleId } from './model/ids.ts';
export { PaperKgError, type ErrorCode } from './errors.ts';
export { ingest, detectFormat, mergePapers, FORMAT_NAMES, READERS, type IngestResult, type FileReport, type IngestMessage, type SourceInput } from './ingest/index.ts';
export { fileSource, textSource, writeFileAtomic } from './io/files.ts';
