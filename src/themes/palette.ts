// The fixed theme palette: the same theme rank always gets the same colour, in every export and in the viewer.

/**
 * Distinct colours, ordered so the first themes (the largest) differ most. Every one reads on the viewer's white background
 * at 3:1 or more (WCAG's contrast for graphics) and is clearly chromatic, so none is mistaken for the neutral grey of the
 * viewer's concept squares or faded nodes; the first 12 are at least 19 CIELAB ΔE apart, all 20 at least 12
 * (test/themes/palette.test.ts computes all three). NOTE: the previous Tableau-like palette had 6 of 12 colours under 3:1
 * on white (its yellow 1.6:1).
 */
export const THEME_PALETTE = Object.freeze([
  '#1f6fb4',
  '#d1352b',
  '#2e8b3a',
  '#c45a00',
  '#8a4fbf',
  '#008b8b',
  '#c2185b',
  '#7a6a00',
  '#3b3fb0',
  '#b8860b',
  '#6d8f00',
  '#a0522d',
  '#0f5e8a',
  '#e04e8a',
  '#1b7f5f',
  '#7b2d8e',
  '#9e2a2a',
  '#a23b72',
  '#d97706',
  '#4a148c',
]);

/** Grey: the "other" theme, and nodes with no theme (4.6:1 on white). */
export const OTHER_COLOR = '#757575';

/** The colour of the theme at a rank (0-based); past the palette, colours repeat. */
export function themeColor(rank: number): string {
  return THEME_PALETTE[rank % THEME_PALETTE.length];
}

/** WCAG 2 relative luminance of "#rrggbb". */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** CIELAB (D65) of "#rrggbb": for distances between colours as people see them. */
export function toLab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 ΔE between two "#rrggbb" colours. */
export function deltaE(a: string, b: string): number {
  const [p, q] = [toLab(a), toLab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}
