// The themes stage: Louvain communities of the themes graph, named by their distinctive concepts, summarised.
// Re-exports only: each part lives in its own file.
export { detectThemes, OTHER_THEME_ID, type ThemesResult } from './detect.ts';
export { resolveThemesOptions, ThemesOptionsSchema, DEFAULT_THEMES_OPTIONS, type ThemesOptions } from './options.ts';
export { THEME_PALETTE, OTHER_COLOR, themeColor } from './palette.ts';
export { adjustedMutualInformation, pairCoherence } from './agreement.ts';
export { bagOfWordsThemes } from './baseline.ts';
export { consensusCommunities, type ConsensusOptions } from './consensus.ts';
