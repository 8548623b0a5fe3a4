// The theme palette, measured: contrast on the viewer's background, distance between themes, and apart from the neutral marks.
import { describe, expect, it } from 'vitest';
import { contrastRatio, deltaE, OTHER_COLOR, THEME_PALETTE, toLab } from '../../src/themes/palette.ts';
import { CONCEPT_FILL, CONCEPT_OUTLINE, FADED_NODE, MAP_BACKGROUND } from '../../web/src/colors.ts';

describe('theme palette', () => {
  it('computes WCAG contrast and CIELAB as published', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    const [l, a, b] = toLab('#ff0000');
    expect([l, a, b].map((v) => Math.round(v))).toEqual([53, 80, 67]);
  });

  it('every colour (and the "other" grey) reads at 3:1 or more on the map background', () => {
    const failing = [...THEME_PALETTE, OTHER_COLOR].map((c) => ({ c, ratio: contrastRatio(c, MAP_BACKGROUND) })).filter((x) => x.ratio < 3);
    expect(failing).toEqual([]);
  });

  it('themes are told apart: the first 12 at ΔE ≥ 19, all 20 at ΔE ≥ 12', () => {
    const minDistance = (list: readonly string[]) => {
      let min = Infinity;
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) min = Math.min(min, deltaE(list[i], list[j]));
      return min;
    };
    expect(new Set(THEME_PALETTE).size).toBe(THEME_PALETTE.length);
    expect(minDistance(THEME_PALETTE.slice(0, 12))).toBeGreaterThanOrEqual(19);
    expect(minDistance(THEME_PALETTE)).toBeGreaterThanOrEqual(12);
  });

  it('no theme colour can be taken for a concept or a faded node: every one is chromatic and far from the neutral marks', () => {
    for (const c of THEME_PALETTE) {
      const [, a, b] = toLab(c);
      expect(Math.hypot(a, b), c).toBeGreaterThan(25);
      for (const neutral of [CONCEPT_FILL, CONCEPT_OUTLINE, FADED_NODE]) expect(deltaE(c, neutral), `${c} vs ${neutral}`).toBeGreaterThan(20);
    }
    // The neutral marks themselves carry no hue.
    for (const neutral of [CONCEPT_FILL, CONCEPT_OUTLINE, FADED_NODE]) {
      const [, a, b] = toLab(neutral);
      expect(Math.hypot(a, b)).toBeLessThan(8);
    }
  });
});
