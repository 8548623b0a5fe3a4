// Scores extracted concepts against gold labels (the rules of shared/eval/README.md), per kind, micro-averaged.
import type { PaperExtraction } from './types.ts';

export interface GoldEntry {
  surface: string;
  canonical: string;
}

export interface GoldRecord {
  n: number;
  title: string;
  proposed: string[];
  benchmarks: GoldEntry[];
  datasets: GoldEntry[];
  models: GoldEntry[];
  metrics: GoldEntry[];
}

export const SCORED_KINDS = ['benchmarks', 'models', 'metrics'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

export interface KindScore {
  tp: number;
  predicted: number;
  predictedHits: number;
  gold: number;
  goldHits: number;
  precision: number;
  recall: number;
  f1: number;
  /** Gold entries nobody predicted: "paper n: canonical (surface)". */
  misses: string[];
  /** Predictions matching no gold entry: "paper n: label [span texts]". */
  falseHits: string[];
}

/** Lower-case, letters and digits only. */
export function normName(s: string): string {
  return s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function predictedKinds(kind: ScoredKind): ReadonlySet<string> {
  return new Set(kind === 'benchmarks' ? ['benchmark', 'dataset'] : kind === 'models' ? ['model'] : ['metric']);
}

/** Scores predictions of the papers named in the gold (matched by title); papers without gold are ignored. */
export function scoreExtraction(gold: GoldRecord[], papers: PaperExtraction[]): Record<ScoredKind, KindScore> {
  const byTitle = new Map(papers.map((p) => [normName(p.title), p]));
  const out = {} as Record<ScoredKind, KindScore>;
  for (const kind of SCORED_KINDS) {
    const s: KindScore = { tp: 0, predicted: 0, predictedHits: 0, gold: 0, goldHits: 0, precision: 0, recall: 0, f1: 0, misses: [], falseHits: [] };
    const kinds = predictedKinds(kind);
    for (const g of gold) {
      const p = byTitle.get(normName(g.title));
      const goldEntries = kind === 'benchmarks' ? [...g.benchmarks, ...g.datasets] : g[kind];
      const goldKeys = goldEntries.map((e) => new Set([normName(e.canonical), normName(e.surface)]));
      const proposed = new Set(g.proposed.map(normName));
      const preds = (p?.concepts ?? []).filter((c) => kinds.has(c.kind));
      const hit = new Array<boolean>(goldEntries.length).fill(false);
      for (const c of preds) {
        const names = new Set([c.label, c.id, ...c.aliases, ...c.spans.map((sp) => sp.text)].map(normName));
        if (kind === 'models' && [...names].some((nm) => proposed.has(nm))) continue;
        s.predicted++;
        let matched = false;
        goldKeys.forEach((keys, i) => {
          if ([...keys].some((k) => names.has(k))) {
            matched = true;
            hit[i] = true;
          }
        });
        if (matched) s.predictedHits++;
        else s.falseHits.push(`paper ${g.n}: ${c.label} [${[...new Set(c.spans.map((sp) => sp.text))].join(' | ')}] (${c.source})`);
      }
      s.gold += goldEntries.length;
      goldEntries.forEach((e, i) => {
        if (hit[i]) s.goldHits++;
        else s.misses.push(`paper ${g.n}: ${e.canonical}${e.surface !== e.canonical ? ` (${e.surface})` : ''}`);
      });
    }
    s.tp = s.goldHits;
    s.precision = s.predicted ? s.predictedHits / s.predicted : 1;
    s.recall = s.gold ? s.goldHits / s.gold : 1;
    s.f1 = s.precision + s.recall ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0;
    out[kind] = s;
  }
  return out;
}
