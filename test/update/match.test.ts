// Theme matching of an update on tiny hand-made cases: exact ids, colours and report.
import { describe, expect, it } from 'vitest';
import { matchThemes, type ThemeSnapshot } from '../../src/update/match.ts';
import { DEFAULT_UPDATE_OPTIONS } from '../../src/update/options.ts';
import { THEME_PALETTE, OTHER_COLOR } from '../../src/themes/palette.ts';

const papers = (prefix: string, from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `paper:${prefix}${from + i}`);
const [C1, C2, C3, C4] = THEME_PALETTE;

// Before: t1 (10 papers a1–a10), t2 (6 papers b1–b6), t3 (4 papers c1–c4), t4 (3 papers d1–d3), other (2 papers o1–o2).
const PREVIOUS: ThemeSnapshot[] = [
  { id: 't1', name: 'alpha', color: C1, papers: papers('a', 1, 10) },
  { id: 't2', name: 'beta', color: C2, papers: papers('b', 1, 6) },
  { id: 't3', name: 'gamma', color: C3, papers: papers('c', 1, 4) },
  { id: 't4', name: 'delta', color: C4, papers: papers('d', 1, 3) },
  { id: 'other', name: 'Other', color: OTHER_COLOR, papers: papers('o', 1, 2) },
];

// After (ids as the themes stage gives them, by size): alpha split in two (a1–a6 + 3 new, a7–a10 + 2 new), beta and
// gamma merged, delta gone into "other", and a theme of new papers (n1–n4) with an old "other" paper.
const CURRENT: ThemeSnapshot[] = [
  { id: 't1', name: 'beta+gamma', color: C1, papers: [...papers('b', 1, 6), ...papers('c', 1, 4)] },
  { id: 't2', name: 'alpha main', color: C2, papers: [...papers('a', 1, 6), ...papers('x', 1, 3)] },
  { id: 't3', name: 'alpha spin-off', color: C3, papers: [...papers('a', 7, 10), ...papers('y', 1, 2)] },
  { id: 't4', name: 'brand new', color: C4, papers: [...papers('n', 1, 4), 'paper:o1'] },
  { id: 'other', name: 'Other', color: OTHER_COLOR, papers: [...papers('d', 1, 3), 'paper:o2'] },
];

describe('matchThemes', () => {
  const { assign, report } = matchThemes(PREVIOUS, CURRENT, [], DEFAULT_UPDATE_OPTIONS);

  it('keeps the id, name and colour of the theme each new theme mostly continues', () => {
    expect(Object.fromEntries(assign)).toEqual({
      // beta (6 of 6) is the larger share of the merged theme: it keeps beta's id, name and colour.
      t1: { id: 't2', name: 'beta', color: C2 },
      t2: { id: 't1', name: 'alpha', color: C1 },
      // The spin-off holds 4 of alpha's 10 papers, and alpha is taken: a fresh id (after every old one) and a colour no theme had.
      t3: { id: 't5', name: 'alpha spin-off', color: THEME_PALETTE[4] },
      t4: { id: 't6', name: 'brand new', color: THEME_PALETTE[5] },
      other: { id: 'other', name: 'Other', color: OTHER_COLOR },
    });
  });

  it('reports growth, splits, merges, new and vanished themes', () => {
    expect(report.grew).toEqual(['t2']); // by the merge
    expect(report.shrank).toEqual(['t1']);
    expect(report.split).toEqual([{ id: 't1', into: ['t1', 't5'] }]);
    expect(report.merged).toEqual([{ id: 't2', from: ['t2', 't3'] }]);
    expect(report.appeared).toEqual(['t5', 't6']);
    expect(report.gone).toEqual([
      { id: 't3', name: 'gamma', into: ['t2'] },
      { id: 't4', name: 'delta', into: [] },
    ]);
    expect(report.retired).toEqual(['t3', 't4']);
    const beta = report.themes.find((t) => t.id === 't2')!;
    expect(beta).toEqual({
      id: 't2',
      name: 'beta',
      color: C2,
      status: 'continued',
      size: 10,
      previousSize: 6,
      newPapers: 0,
      from: [
        { id: 't2', papers: 6 },
        { id: 't3', papers: 4 },
      ],
    });
    expect(report.themes.find((t) => t.id === 't6')).toMatchObject({ status: 'appeared', size: 5, newPapers: 4, from: [{ id: 'other', papers: 1 }] });
  });

  it('never reuses an id retired by an earlier update, and an unchanged build changes nothing', () => {
    const again = matchThemes(PREVIOUS, CURRENT, ['t9'], DEFAULT_UPDATE_OPTIONS);
    expect(again.assign.get('t3')!.id).toBe('t10');
    expect(again.report.retired).toEqual(['t3', 't4', 't9']);
    const same = matchThemes(PREVIOUS, PREVIOUS, [], DEFAULT_UPDATE_OPTIONS);
    for (const t of PREVIOUS) expect(same.assign.get(t.id)).toEqual({ id: t.id, name: t.name, color: t.color });
    expect(same.report).toMatchObject({ grew: [], shrank: [], split: [], merged: [], appeared: [], gone: [], retired: [] });
  });

  it('grows a theme that takes in new papers', () => {
    const grown = matchThemes(
      PREVIOUS.slice(0, 1),
      [{ id: 't1', name: 'x', color: C1, papers: [...papers('a', 1, 10), 'paper:z1'] }],
      [],
      DEFAULT_UPDATE_OPTIONS,
    );
    expect(grown.report.grew).toEqual(['t1']);
    expect(grown.report.themes[0]).toMatchObject({ id: 't1', name: 'alpha', previousSize: 10, size: 11, newPapers: 1 });
  });
});
