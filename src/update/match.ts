// Matches the themes of an updated build to the previous build's by shared papers, so ids, names and colours stay put.
import { THEME_PALETTE, OTHER_COLOR } from '../themes/palette.ts';
import type { UpdateOptions } from './options.ts';

export const OTHER_ID = 'other';

/** A theme and its papers (node keys), before or after the update. */
export interface ThemeSnapshot {
  id: string;
  name: string;
  color: string;
  papers: readonly string[];
}

export interface ThemeChange {
  /** The id after the update (kept from the previous build, or fresh). */
  id: string;
  name: string;
  color: string;
  status: 'continued' | 'appeared';
  size: number;
  /** Size in the previous build, when the theme continues one. */
  previousSize?: number;
  /** Papers that were not in the previous build. */
  newPapers: number;
  /** Where its other papers were in the previous build: theme id → papers, largest first. */
  from: Array<{ id: string; papers: number }>;
}

export interface ThemeMatchReport {
  themes: ThemeChange[];
  /** Continued themes with more papers than before. */
  grew: string[];
  /** Continued themes with fewer papers than before. */
  shrank: string[];
  /** Previous themes whose papers went in large parts to two or more themes. */
  split: Array<{ id: string; into: string[] }>;
  /** Themes that took in large parts of two or more previous themes. */
  merged: Array<{ id: string; from: string[] }>;
  /** New ids: themes that continue no previous one. */
  appeared: string[];
  /** Previous themes no theme continues (their ids are retired, never reused). */
  gone: Array<{ id: string; name: string; into: string[] }>;
  /** Every id retired so far, this update's included. */
  retired: string[];
}

export interface ThemeMatch {
  /** Id given by the themes stage → the id, name and colour it takes. */
  assign: Map<string, { id: string; name: string; color: string }>;
  report: ThemeMatchReport;
}

const idNumber = (id: string): number => (/^t(\d+)$/.test(id) ? Number(id.slice(1)) : 0);
const byCount = (a: { id: string; papers: number }, b: { id: string; papers: number }): number =>
  b.papers - a.papers || idNumber(a.id) - idNumber(b.id) || (a.id < b.id ? -1 : 1);

/**
 * Gives each current theme the id, name and colour of the previous theme it mostly continues (see
 * UpdateOptions.continueShare), else a fresh id and a palette colour no theme uses. Deterministic: ties go by size and
 * then by the themes' order. Linear in papers plus (themes × themes) for the overlap table.
 */
export function matchThemes(
  previous: readonly ThemeSnapshot[],
  current: readonly ThemeSnapshot[],
  retiredBefore: readonly string[],
  options: UpdateOptions,
): ThemeMatch {
  const oldOf = new Map<string, string>();
  for (const t of previous) for (const p of t.papers) oldOf.set(p, t.id);
  const oldSize = new Map(previous.map((t) => [t.id, t.papers.length]));

  // overlap[current][previous] over the papers both builds have; "new" counts papers the previous build lacked.
  const overlap = new Map<string, Map<string, number>>();
  const fresh = new Map<string, number>();
  const oldPapers = new Map<string, number>();
  for (const t of current) {
    const row = new Map<string, number>();
    let added = 0;
    for (const p of t.papers) {
      const o = oldOf.get(p);
      if (o === undefined) added++;
      else row.set(o, (row.get(o) ?? 0) + 1);
    }
    overlap.set(t.id, row);
    fresh.set(t.id, added);
    oldPapers.set(t.id, t.papers.length - added);
  }

  const candidates: Array<{ cur: string; old: string; n: number; ci: number; oi: number }> = [];
  const oldIndex = new Map(previous.map((t, i) => [t.id, i]));
  current.forEach((t, ci) => {
    if (t.id === OTHER_ID) return;
    for (const [old, n] of overlap.get(t.id)!) {
      if (old === OTHER_ID) continue;
      // NOTE: either it holds most of the old theme, or most of its old papers come from there and they are a real part of it
      // (a new theme of three papers, two of them from an old theme of thirteen, continues nothing).
      const holdsMost = n >= options.continueShare * oldSize.get(old)!;
      const comesFrom = n >= options.continueShare * oldPapers.get(t.id)! && n >= options.flowShare * oldSize.get(old)!;
      if (holdsMost || comesFrom) candidates.push({ cur: t.id, old, n, ci, oi: oldIndex.get(old)! });
    }
  });
  candidates.sort((a, b) => b.n - a.n || a.oi - b.oi || a.ci - b.ci);
  const continues = new Map<string, string>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (continues.has(c.cur) || taken.has(c.old)) continue;
    continues.set(c.cur, c.old);
    taken.add(c.old);
  }

  const previousById = new Map(previous.map((t) => [t.id, t]));
  const retired = new Set(retiredBefore);
  for (const t of previous) if (t.id !== OTHER_ID && !taken.has(t.id)) retired.add(t.id);
  let next = 1 + Math.max(0, ...previous.map((t) => idNumber(t.id)), ...[...retired].map(idNumber));
  const usedColors = new Set<string>();
  for (const old of taken) usedColors.add(previousById.get(old)!.color);
  // NOTE: a colour an old theme had is handed out last, so a reader does not take a new theme for a vanished one.
  const everUsed = new Set(previous.map((t) => t.color));
  const pickColor = (): string => {
    const free =
      THEME_PALETTE.find((c) => !usedColors.has(c) && !everUsed.has(c)) ??
      THEME_PALETTE.find((c) => !usedColors.has(c)) ??
      THEME_PALETTE[usedColors.size % THEME_PALETTE.length];
    usedColors.add(free);
    return free;
  };

  const assign = new Map<string, { id: string; name: string; color: string }>();
  const changes: ThemeChange[] = [];
  for (const t of current) {
    const from = [...overlap.get(t.id)!].map(([id, papers]) => ({ id, papers })).sort(byCount);
    const old = continues.get(t.id);
    let target: { id: string; name: string; color: string };
    if (t.id === OTHER_ID) target = { id: OTHER_ID, name: t.name, color: OTHER_COLOR };
    else if (old !== undefined) {
      const o = previousById.get(old)!;
      target = { id: o.id, name: o.name, color: o.color };
    } else {
      const id = `t${next++}`;
      // The themes stage names a theme it cannot name after its id: follow the id it now has.
      target = { id, name: t.name === `Theme ${t.id}` ? `Theme ${id}` : t.name, color: pickColor() };
    }
    assign.set(t.id, target);
    const continued = t.id === OTHER_ID ? previousById.has(OTHER_ID) : old !== undefined;
    const change: ThemeChange = { ...target, status: continued ? 'continued' : 'appeared', size: t.papers.length, newPapers: fresh.get(t.id)!, from };
    if (continued) change.previousSize = oldSize.get(target.id);
    changes.push(change);
  }

  // Large flows of papers between a previous theme and a current one tell splits and merges apart from drift.
  const isFlow = (old: string, n: number): boolean => old !== OTHER_ID && n >= options.minFlow && n >= options.flowShare * oldSize.get(old)!;
  const into = new Map<string, string[]>();
  const merged: ThemeMatchReport['merged'] = [];
  for (const c of changes) {
    if (c.id === OTHER_ID) continue;
    const flows = c.from.filter((f) => isFlow(f.id, f.papers));
    for (const f of flows) (into.get(f.id) ?? into.set(f.id, []).get(f.id)!).push(c.id);
    if (flows.length >= 2) merged.push({ id: c.id, from: flows.map((f) => f.id) });
  }
  const split: ThemeMatchReport['split'] = [];
  for (const t of previous) {
    const targets = into.get(t.id) ?? [];
    if (targets.length >= 2) split.push({ id: t.id, into: targets });
  }
  const kept = changes.filter((c) => c.status === 'continued' && c.id !== OTHER_ID);
  return {
    assign,
    report: {
      themes: changes,
      grew: kept.filter((c) => c.size > c.previousSize!).map((c) => c.id),
      shrank: kept.filter((c) => c.size < c.previousSize!).map((c) => c.id),
      split,
      merged,
      appeared: changes.filter((c) => c.status === 'appeared' && c.id !== OTHER_ID).map((c) => c.id),
      gone: previous.filter((t) => t.id !== OTHER_ID && !taken.has(t.id)).map((t) => ({ id: t.id, name: t.name, into: into.get(t.id) ?? [] })),
      retired: [...retired].sort((a, b) => idNumber(a) - idNumber(b) || (a < b ? -1 : 1)),
    },
  };
}
