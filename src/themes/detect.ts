// The themes stage: Louvain communities of the paper neighbour graph, named by their distinctive concepts, summarised.
// Louvain: Blondel et al. 2008, doi:10.1088/1742-5468/2008/10/P10008 (graphology-communities-louvain).
import louvain from 'graphology-communities-louvain';
import modularityOf from 'graphology-metrics/graph/modularity';
import type { KnowledgeGraph, Projection } from '../graph/index.ts';
import type { ClusteringGraph } from '../graph/clustering.ts';
import type { PaperNode, Theme } from '../model/graph-json.ts';
import { themeColor, OTHER_COLOR } from './palette.ts';
import { resolveThemesOptions, type ThemesOptions } from './options.ts';
import { scoreConcepts, scorePhrases, surfacePhrase, chooseName, type ScoredConcept, type NameCandidate } from './naming.ts';
import { consensusCommunities } from './consensus.ts';
import { chooseResolution, type ResolutionChoice } from './resolution.ts';

export const OTHER_THEME_ID = 'other';

export interface ThemesResult {
  themes: Theme[];
  /** Theme id of each paper node key. */
  paperTheme: Map<string, string>;
  /** Theme id of each concept node key: the theme holding most of its edge weight. */
  conceptTheme: Map<string, string>;
  /** Modularity of Louvain's partition of the clustering graph (before tiny communities are gathered). */
  modularity: number;
  /** Louvain's raw community of each node of the clustering graph (what the modularity is of). */
  communities: Record<string, number>;
  /** The resolution used (chosen from the data unless given). */
  resolution: number;
  /** Per resolution tried: the runs' mean agreement (empty when the resolution was given or not affordable). */
  stability: ResolutionChoice['stability'];
}

const round = (x: number, digits = 4): number => Number(x.toFixed(digits));

/**
 * Finds, names and summarises themes; writes `theme` and `color` on every node of the knowledge graph.
 * Deterministic for a given rng: Louvain's only randomness is its traversal order.
 */
export function detectThemes(
  kg: KnowledgeGraph,
  projection: Projection,
  clustering: ClusteringGraph,
  rng: () => number,
  partial: Partial<ThemesOptions> = {},
): ThemesResult {
  const options = resolveThemesOptions(partial);
  const pg = projection.graph;
  const paperKeys: string[] = [];
  pg.forEachNode((key) => paperKeys.push(key));

  let communities: Record<string, number> = {};
  let modularity = 0;
  // The resolution: from the data when allowed and affordable, else the option's.
  let resolution = options.resolution;
  let stability: ResolutionChoice['stability'] = [];
  // NOTE: runs are cut to what the budget affords (the bundled corpus and 1k papers get all 8); under 4 runs per
  // resolution the agreement is too noisy to choose by, so 10k papers and more use `resolution` with no extra run.
  const resolutionRuns =
    clustering.size > 0 ? Math.min(options.resolutionRuns, Math.floor(options.resolutionBudget / (clustering.size * options.resolutionGrid.length))) : 0;
  if (options.autoResolution && resolutionRuns >= Math.min(4, options.resolutionRuns)) {
    const choice = chooseResolution(clustering, paperKeys, rng, options.resolutionGrid, {
      runs: resolutionRuns,
      margin: options.resolutionMargin,
      minThemeSize: options.minThemeSize,
      maxSmallShare: options.resolutionMaxSmallShare,
    });
    resolution = choice.resolution;
    stability = choice.stability;
  }
  if (clustering.size > 0) {
    const runs = Math.max(1, Math.min(options.consensusRuns, Math.floor(options.consensusBudget / clustering.size)));
    if (runs > 1) {
      communities = consensusCommunities(clustering, rng, { runs, threshold: options.consensusThreshold, rounds: options.consensusRounds, resolution });
      // NOTE: the modularity reported is the returned partition's on the themes graph itself, not on the consensus graph.
      modularity = modularityOf(clustering, { getNodeCommunity: (key) => communities[key], getEdgeWeight: 'weight', resolution });
    } else {
      const detailed = louvain.detailed(clustering, { rng, resolution, getEdgeWeight: 'weight' });
      communities = detailed.communities;
      modularity = detailed.modularity;
    }
  } else {
    clustering.forEachNode((k, _a) => (communities[k] = Object.keys(communities).length));
  }

  // Gather members; communities too small (isolated papers included) go to "other", with the reason counted.
  const members = new Map<number, number[]>();
  paperKeys.forEach((k, i) => {
    const c = communities[k];
    const list = members.get(c);
    if (list) list.push(i);
    else members.set(c, [i]);
  });
  const groups: number[][] = [];
  const other: number[] = [];
  let isolated = 0;
  let tiny = 0;
  const kept = new Map<number, number[]>();
  for (const [c, list] of members) if (list.length >= options.minThemeSize) kept.set(c, list);
  for (const [c, list] of members) {
    if (kept.has(c)) continue;
    for (const i of list) {
      // NOTE: a paper of a community too small to be a theme joins the theme it is most linked to (through its
      // neighbours or its concepts) when it has one; "other" keeps only papers with no link to any theme.
      const weights = new Map<number, number>();
      if (options.mergeSmall) {
        clustering.forEachEdge(paperKeys[i], (_e, a, s, t) => {
          const nc = communities[s === paperKeys[i] ? t : s];
          if (kept.has(nc)) weights.set(nc, (weights.get(nc) ?? 0) + a.weight);
        });
      }
      let best: number | undefined;
      for (const [nc, w] of weights)
        if (best === undefined || w > weights.get(best)! || (w === weights.get(best)! && kept.get(nc)![0] < kept.get(best)![0])) best = nc;
      if (best !== undefined) {
        kept.get(best)!.push(i);
        continue;
      }
      other.push(i);
      if (clustering.degree(paperKeys[i]) === 0) isolated++;
      else tiny++;
    }
  }
  for (const list of kept.values()) groups.push(list.sort((a, b) => a - b));
  // Stable ids: the largest theme is t1; ties go to the theme whose first paper comes first in the input.
  groups.sort((a, b) => b.length - a.length || a[0] - b[0]);
  other.sort((a, b) => a - b);

  const paperTheme = new Map<string, string>();
  const themeIds = groups.map((_, r) => `t${r + 1}`);
  groups.forEach((list, r) => list.forEach((i) => paperTheme.set(paperKeys[i], themeIds[r])));
  for (const i of other) paperTheme.set(paperKeys[i], OTHER_THEME_ID);
  const allIds = other.length ? [...themeIds, OTHER_THEME_ID] : themeIds;
  const colorOf = (id: string): string => (id === OTHER_THEME_ID ? OTHER_COLOR : themeColor(themeIds.indexOf(id)));

  // Each concept belongs where its weight lies.
  const conceptTheme = new Map<string, string>();
  kg.forEachNode((key, attr) => {
    if (attr.kind === 'paper') return;
    const weights = new Map<string, number>();
    kg.forEachEdge(key, (_e, ea, s, t) => {
      const theme = paperTheme.get(s === key ? t : s)!;
      weights.set(theme, (weights.get(theme) ?? 0) + ea.weight);
    });
    let best = OTHER_THEME_ID;
    let bestWeight = -1;
    for (const id of allIds) {
      const w = weights.get(id) ?? 0;
      if (w > bestWeight + 1e-12) {
        best = id;
        bestWeight = w;
      }
    }
    conceptTheme.set(key, best);
  });
  kg.updateEachNodeAttributes((key, attr) => {
    const theme = (attr.kind === 'paper' ? paperTheme.get(key) : conceptTheme.get(key)) ?? OTHER_THEME_ID;
    return { ...attr, theme, color: colorOf(theme) };
  });

  const memberLists = new Map<string, number[]>(groups.map((list, r) => [themeIds[r], list]));
  if (other.length) memberLists.set(OTHER_THEME_ID, other);
  const scores = scoreConcepts(kg, paperTheme, memberLists, paperKeys.length);
  const phrases = scorePhrases(projection.termNames, projection.paperTermIds, memberLists, paperKeys.length);
  const textOf = (i: number): string => {
    const p = kg.getNodeAttributes(paperKeys[i]) as PaperNode;
    return `${p.label}. ${p.abstract ?? ''}`;
  };
  // Written forms only for the phrases a name uses: from the theme's own papers, in input order, each phrase read once.
  const surfaceIn = (list: number[]): ((c: NameCandidate) => string) => {
    const known = new Map<string, string>();
    return (c) => {
      if (c.kind !== 'phrase') return c.label;
      let written = known.get(c.label);
      if (written === undefined) {
        // NOTE: only the theme's papers whose counted terms hold the bigram (the same runs of words as surfaceRuns
        // reads): a rare phrase of a large theme no longer re-reads every text of the theme.
        const term = c.term;
        written = surfacePhrase(
          c.label,
          (function* () {
            for (const i of list) if (term === undefined || projection.paperTermIds[i].includes(term)) yield textOf(i);
          })(),
        );
        known.set(c.label, written);
      }
      return written;
    };
  };
  const taken = new Set<string>();
  const neighbourLinks = themeLinks(pg, paperTheme);

  const themes: Theme[] = allIds.map((id) => {
    const list = memberLists.get(id)!;
    const keys = list.map((i) => paperKeys[i]);
    const scored = scores.get(id) ?? [];
    const theme: Theme = {
      id,
      name:
        id === OTHER_THEME_ID
          ? 'Other'
          : chooseName(scored, phrases.get(id) ?? [], list.length, id, projection.hubLimit, options.phraseWeight, taken, surfaceIn(list)),
      color: colorOf(id),
      size: list.length,
      conceptCount: 0,
      keywords: scored.slice(0, options.topConcepts).map((s) => s.label),
      topConcepts: scored.slice(0, options.topConcepts).map((s) => ({ id: s.id, label: s.label, kind: s.kind, score: round(s.score) })),
      topBenchmarks: scored
        .filter((s) => s.kind === 'benchmark' || s.kind === 'dataset')
        .sort((a, b) => b.papers - a.papers || b.score - a.score || (a.id < b.id ? -1 : 1))
        .slice(0, options.topBenchmarks)
        .map((s) => ({ id: s.id, label: s.label, papers: s.papers })),
      dateRange: dateRange(kg, keys),
      years: years(kg, keys),
      neighbours: [],
      centralPapers: centralPapers(pg, keys, paperTheme, id, options.centralPapers),
      bridgePapers: bridgePapers(pg, keys, paperTheme, id, options.bridgePapers),
      x: 0,
      y: 0,
    };
    const byKind: Record<string, Array<{ id: string; label: string; papers: number; score: number }>> = {};
    for (const s of scored) {
      const list = (byKind[s.kind] ??= []);
      if (list.length < options.topPerKind) list.push({ id: s.id, label: s.label, papers: s.papers, score: round(s.score) });
    }
    theme.topConceptsByKind = byKind as Theme['topConceptsByKind'];
    taken.add(theme.name);
    if (id === OTHER_THEME_ID) {
      const reasons = [
        isolated ? `${isolated} paper(s) share no word or concept with another paper that can relate them (one in 2 papers or more, not in most papers)` : '',
        tiny ? `${tiny} paper(s) formed groups smaller than ${options.minThemeSize} papers` : '',
      ].filter(Boolean);
      theme.note = `Not a theme: the papers no theme holds. ${reasons.join('; ')}.`;
    }
    return theme;
  });
  const byId = new Map(themes.map((t) => [t.id, t]));
  for (const id of conceptTheme.values()) byId.get(id)!.conceptCount++;
  for (const t of themes) {
    if (t.id === OTHER_THEME_ID) continue;
    const links = [...(neighbourLinks.get(t.id) ?? new Map<string, number>())].filter(([other]) => other !== OTHER_THEME_ID);
    links.sort((a, b) => b[1] - a[1] || allIds.indexOf(a[0]) - allIds.indexOf(b[0]));
    t.neighbours = links.slice(0, options.neighbourThemes).map(([other, weight]) => ({
      theme: other,
      weight: round(weight),
      sharedConcepts: sharedConcepts(scores.get(t.id) ?? [], scores.get(other) ?? [], t.size, byId.get(other)!.size, paperKeys.length, options.sharedConcepts),
    }));
  }
  return { themes, paperTheme, conceptTheme, modularity, communities, resolution, stability };
}

/** Papers per year (from their dates), oldest first. */
function years(kg: KnowledgeGraph, keys: string[]): Array<{ year: string; papers: number }> {
  const counts = new Map<string, number>();
  for (const k of keys) {
    const d = (kg.getNodeAttributes(k) as PaperNode).date;
    if (d) counts.set(d.slice(0, 4), (counts.get(d.slice(0, 4)) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([year, papers]) => ({ year, papers }));
}

/** Summed similarity of the paper neighbour graph's links between each pair of themes (both directions). */
function themeLinks(pg: Projection['graph'], paperTheme: Map<string, string>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const add = (a: string, b: string, w: number): void => {
    const m = out.get(a) ?? new Map<string, number>();
    m.set(b, (m.get(b) ?? 0) + w);
    out.set(a, m);
  };
  pg.forEachEdge((_e, attr, s, t) => {
    const a = paperTheme.get(s)!;
    const b = paperTheme.get(t)!;
    if (a === b) return;
    add(a, b, attr.weight);
    add(b, a, attr.weight);
  });
  return out;
}

/**
 * Concepts two themes share, the most telling first: the smaller of the two shares of papers with it × its rarity
 * (log N/df), so a concept common in both and rare elsewhere leads.
 */
function sharedConcepts(a: ScoredConcept[], b: ScoredConcept[], sizeA: number, sizeB: number, n: number, k: number): Array<{ id: string; label: string }> {
  const inB = new Map(b.map((s) => [s.id, s]));
  const shared: Array<{ id: string; label: string; score: number }> = [];
  for (const s of a) {
    const o = inB.get(s.id);
    if (!o || s.df >= n) continue;
    shared.push({ id: s.id, label: s.label, score: Math.min(s.papers / sizeA, o.papers / sizeB) * Math.log(n / s.df) });
  }
  shared.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return shared.slice(0, k).map(({ id, label }) => ({ id, label }));
}

function dateRange(kg: KnowledgeGraph, keys: string[]): [string, string] | null {
  let lo: string | undefined;
  let hi: string | undefined;
  for (const k of keys) {
    const d = (kg.getNodeAttributes(k) as PaperNode).date;
    if (!d) continue;
    if (lo === undefined || d < lo) lo = d;
    if (hi === undefined || d > hi) hi = d;
  }
  return lo && hi ? [lo, hi] : null;
}

type Pg = Projection['graph'];

/** Papers most tied to their own theme: the largest summed similarity to papers of the same theme. */
function centralPapers(pg: Pg, keys: string[], paperTheme: Map<string, string>, id: string, k: number): string[] {
  const scored = keys.map((key, order) => {
    let inside = 0;
    pg.forEachEdge(key, (_e, a, s, t) => {
      if (paperTheme.get(s === key ? t : s) === id) inside += a.weight;
    });
    return { key, inside, order };
  });
  scored.sort((a, b) => b.inside - a.inside || a.order - b.order);
  return scored.slice(0, k).map((s) => s.key);
}

/** Papers of the theme most tied to other themes (summed similarity to their papers), the strongest first. */
function bridgePapers(pg: Pg, keys: string[], paperTheme: Map<string, string>, id: string, k: number): string[] {
  const scored: Array<{ key: string; outside: number; order: number }> = [];
  keys.forEach((key, order) => {
    let outside = 0;
    pg.forEachEdge(key, (_e, a, s, t) => {
      const theme = paperTheme.get(s === key ? t : s);
      if (theme !== id && theme !== OTHER_THEME_ID) outside += a.weight;
    });
    if (outside > 0) scored.push({ key, outside, order });
  });
  scored.sort((a, b) => b.outside - a.outside || a.order - b.order);
  return scored.slice(0, k).map((s) => s.key);
}
