// The extraction stage: concepts (vocabulary, patterns, acronyms, mined keyphrases) with evidence, and reported results.
export { ExtractOptionsSchema, DEFAULT_EXTRACT_OPTIONS, resolveExtractOptions, type ExtractOptions } from './options.ts';
export { loadVocabulary, parseVocabulary, bundledVocabulary, slugify, type Vocabulary, type VocabularyEntry } from './vocabulary.ts';
export * from './types.ts';
export { extract } from './extract.ts';
export { FIELDS, type Field } from './findings.ts';
