// The fixed theme palette: the same theme rank always gets the same colour, in every export and in the viewer.

/** Distinct colours, ordered so the first themes (the largest) differ most (after Tableau 20 and Kelly's 22). */
export const THEME_PALETTE = Object.freeze([
  '#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#76b7b2', '#edc948', '#ff9da7', '#9c755f', '#2f4b7c',
  '#8cd17d', '#d37295', '#499894', '#f1ce63', '#86bcb6', '#a0cbe8', '#ffbe7d', '#d4a6c8', '#b6992d', '#79706e',
]);

/** Grey: the "other" theme, and nodes with no theme. */
export const OTHER_COLOR = '#9e9e9e';

/** The colour of the theme at a rank (0-based); past the palette, colours repeat. */
export function themeColor(rank: number): string {
  return THEME_PALETTE[rank % THEME_PALETTE.length];
}
