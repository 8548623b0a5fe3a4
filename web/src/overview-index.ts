// The overview's search index (overview/search-index.json): paper titles and concepts of the whole build, fetched once,
// so the overview's search finds a benchmark, a concept or a paper inside any theme, and a theme's panel can name the
// papers of other themes.
import { OVERVIEW_INDEX_FILE, OverviewIndexSchema, INDEX_PAPER_KINDS, type OverviewIndex } from '../../src/model/overview-json.ts';
import { normalise, type SearchEntry } from './search.ts';

let cached: Promise<OverviewIndex | null> | null = null;

/** The index, or null when the build has none (built before it existed). Fetched once per page. */
export function loadOverviewIndex(): Promise<OverviewIndex | null> {
  cached ??= (async () => {
    const response = await fetch(`./${OVERVIEW_INDEX_FILE}`);
    if (response.status === 404 || response.status === 204) return null;
    if (!response.ok) throw new Error(`${OVERVIEW_INDEX_FILE}: HTTP ${response.status}`);
    const parsed = OverviewIndexSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error(`${OVERVIEW_INDEX_FILE} is not a paper-kg search index; rebuild it with "paper-kg build"`);
    return parsed.data;
  })();
  return cached;
}

/** Search entries for every paper (key "ix:p:<i>") and concept ("ix:c:<i>"), weighted by papers. */
export function indexEntries(index: OverviewIndex): SearchEntry[] {
  const out: SearchEntry[] = [];
  index.papers.forEach(([, title], i) => out.push({ key: `ix:p:${i}`, label: title, text: normalise(title), kind: 'paper', weight: 1 }));
  index.concepts.forEach(([, label, kind, list], i) => {
    const papers = INDEX_PAPER_KINDS.has(kind) ? list.length : list.reduce((n, v, j) => (j % 2 ? n + v : n), 0);
    out.push({ key: `ix:c:${i}`, label: `${label} (${papers} papers)`, text: normalise(label), kind, weight: papers });
  });
  return out;
}

export interface Elsewhere {
  theme: string;
  /** Papers of that theme with the concept (benchmarks and datasets), else empty. */
  papers: Array<{ key: string; title: string }>;
  count: number;
}

/** Where a concept is used, theme by theme (most papers first), leaving out `exceptTheme`. */
export function conceptByTheme(index: OverviewIndex, conceptIndex: number, exceptTheme: string | null): Elsewhere[] {
  const [, , kind, list] = index.concepts[conceptIndex];
  const groups = new Map<number, Elsewhere>();
  if (INDEX_PAPER_KINDS.has(kind)) {
    for (const p of list) {
      const [key, title, t] = index.papers[p];
      let g = groups.get(t);
      if (!g) groups.set(t, (g = { theme: index.themes[t], papers: [], count: 0 }));
      g.papers.push({ key, title });
      g.count++;
    }
  } else for (let j = 0; j + 1 < list.length; j += 2) groups.set(list[j], { theme: index.themes[list[j]], papers: [], count: list[j + 1] });
  return [...groups.values()].filter((g) => g.theme !== exceptTheme).sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme));
}

export function conceptIndexOf(index: OverviewIndex, key: string): number {
  return index.concepts.findIndex((c) => c[0] === key);
}
