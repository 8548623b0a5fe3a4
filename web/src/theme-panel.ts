// A theme's panel: name, keywords, central papers, top benchmarks, papers per year and neighbouring themes with the
// concepts they share. graph.json's fields are used when the build wrote them; otherwise they are derived from the graph.
import type { Theme } from '../../src/model/graph-json.ts';
import { el, linkButton } from './dom.ts';
import type { ViewModel } from './model.ts';

/** Fields a newer build adds to each theme (src/themes); optional here so older graph.json files still open. */
interface ThemeExtras {
  keywords?: string[];
  years?: Array<{ year: number | string; papers: number }>;
  neighbours?: Array<{ theme: string; weight: number; sharedConcepts: Array<{ id: string; label: string }> }>;
}

export interface ThemeSummary {
  theme: Theme;
  papers: string[];
  keywords: Array<{ label: string; key: string | null }>;
  central: string[];
  benchmarks: Array<{ key: string | null; label: string; papers: number }>;
  years: Array<{ year: string; papers: number }>;
  /** `sharedCount`: concepts that papers of both themes use (from the graph); `weight`: the build's link weight when given. */
  neighbours: Array<{ theme: Theme; weight: number; sharedCount: number; shared: Array<{ key: string | null; label: string }> }>;
}

export interface ThemePanelActions {
  select(key: string): void;
  focusTheme(id: string): void;
  filterYear(year: string): void;
}

const conceptKey = (model: ViewModel, id: string): string | null => {
  const key = id.startsWith('concept:') ? id : `concept:${id}`;
  return model.graph.hasNode(key) ? key : null;
};

/** Linear in the theme's papers and their concepts' papers. */
export function summariseTheme(model: ViewModel, id: string): ThemeSummary | null {
  const theme = model.themeById.get(id) as (Theme & ThemeExtras) | undefined;
  if (!theme) return null;
  const { graph } = model;
  const papers: string[] = [];
  graph.forEachNode((k, a) => (a.kind === 'paper' && a.theme === id ? papers.push(k) : undefined));
  const byLabel = new Map<string, string>();
  graph.forEachNode((k, a) => (a.kind !== 'paper' && a.kind !== 'other' ? byLabel.set(a.label.toLowerCase(), k) : undefined));

  let keywords: string[] = theme.keywords ?? [];
  if (!keywords.length) {
    const seen = new Set<string>();
    for (const c of theme.topConcepts) seen.add(c.label);
    for (const list of Object.values(theme.topConceptsByKind ?? {})) for (const c of list ?? []) seen.add(c.label);
    keywords = [...seen].slice(0, 10);
  }

  let central = theme.centralPapers.filter((k) => graph.hasNode(k));
  if (!central.length) central = [...papers].sort((a, b) => rank(b) - rank(a) || a.localeCompare(b)).slice(0, 8);
  function rank(k: string): number {
    const a = graph.getNodeAttributes(k);
    return 'pagerank' in a ? a.pagerank : 0;
  }

  let years: ThemeSummary['years'];
  if (theme.years?.length) years = theme.years.map((y) => ({ year: String(y.year), papers: y.papers }));
  else {
    const counts = new Map<string, number>();
    for (const p of papers) {
      const a = graph.getNodeAttributes(p);
      const year = a.kind === 'paper' ? a.date?.slice(0, 4) : undefined;
      if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
    }
    years = [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([year, n]) => ({ year, papers: n }));
  }

  // Concepts of this theme's papers that papers of other themes use too, per other theme (the rarest first).
  const own = new Set<string>();
  for (const p of papers) graph.forEachNeighbor(p, (c, ca) => (ca.kind !== 'paper' ? own.add(c) : undefined));
  const links = new Map<string, Array<{ key: string; label: string; df: number }>>();
  for (const c of own) {
    const themes = new Set<string>();
    graph.forEachNeighbor(c, (p, pa) => (pa.kind === 'paper' && pa.theme !== id ? themes.add(pa.theme) : undefined));
    const a = graph.getNodeAttributes(c);
    for (const t of themes) {
      let list = links.get(t);
      if (!list) links.set(t, (list = []));
      list.push({ key: c, label: a.label, df: graph.degree(c) });
    }
  }
  let neighbours: ThemeSummary['neighbours'] = [];
  if (theme.neighbours?.length) {
    // NOTE: the build's neighbours and their named concepts. The panel shows each one's count of shared concepts, so it
    // lists them by that count (a column of counts out of order reads as a mistake); the build's link weight breaks ties.
    neighbours = theme.neighbours
      .flatMap((n) => {
        const t = model.themeById.get(n.theme);
        const sharedCount = links.get(n.theme)?.length ?? 0;
        return t ? [{ theme: t, weight: n.weight, sharedCount, shared: n.sharedConcepts.map((c) => ({ key: conceptKey(model, c.id), label: c.label })) }] : [];
      })
      .sort((a, b) => b.sharedCount - a.sharedCount || b.weight - a.weight || a.theme.id.localeCompare(b.theme.id));
  } else {
    neighbours = [...links]
      .flatMap(([t, shared]) => {
        const other = model.themeById.get(t);
        if (!other) return [];
        shared.sort((a, b) => a.df - b.df || a.label.localeCompare(b.label));
        const named = shared.slice(0, 4).map(({ key, label }) => ({ key, label }));
        return [{ theme: other, weight: shared.length, sharedCount: shared.length, shared: named }];
      })
      .sort((a, b) => b.weight - a.weight || a.theme.id.localeCompare(b.theme.id))
      .slice(0, 5);
  }

  return {
    theme,
    papers,
    keywords: keywords.map((label) => ({ label, key: byLabel.get(label.toLowerCase()) ?? null })),
    central,
    benchmarks: theme.topBenchmarks.map((b) => ({ key: conceptKey(model, b.id), label: b.label, papers: b.papers })),
    years,
    neighbours,
  };
}

function section(title: string, children: Array<Node | null>): HTMLElement {
  return el('section', { class: 'panel-section' }, [el('h3', { text: title }), ...children]);
}

function chip(label: string, key: string | null, actions: ThemePanelActions, className = 'chip kind-method'): HTMLElement {
  return key ? linkButton(label, () => actions.select(key), className) : el('span', { class: className, text: label });
}

export function themePanel(model: ViewModel, id: string, actions: ThemePanelActions): HTMLElement | null {
  const s = summariseTheme(model, id);
  if (!s) return null;
  const { theme } = s;
  const swatch = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
  swatch.style.background = theme.color;
  const label = (k: string) => model.graph.getNodeAttribute(k, 'label');
  const maxYear = Math.max(1, ...s.years.map((y) => y.papers));
  const years = el(
    'div',
    { class: 'years' },
    s.years.map((y) => {
      const fill = el('span', { class: 'fill' });
      fill.style.height = `${Math.max(3, Math.round((y.papers / maxYear) * 36))}px`;
      fill.style.background = theme.color;
      return el(
        'button',
        {
          class: 'bar link',
          attrs: { type: 'button', title: `${y.papers} papers in ${y.year}: show only ${y.year}`, 'data-year': y.year },
          on: { click: () => actions.filterYear(y.year) },
        },
        [el('span', { class: 'count', text: String(y.papers) }), fill, el('span', { text: y.year })],
      );
    }),
  );
  return el('article', { class: 'theme', attrs: { 'data-theme': theme.id } }, [
    el('div', { class: 'badges' }, [el('span', { class: 'kind-tag kind-theme', text: 'theme' }), swatch]),
    el('h2', { class: 'title', text: theme.name, attrs: { id: 'panel-title' } }),
    el('p', {
      class: 'meta',
      text: [`${theme.size} papers`, `${theme.conceptCount} concepts`, theme.dateRange ? `${theme.dateRange[0]} → ${theme.dateRange[1]}` : '']
        .filter(Boolean)
        .join(' · '),
    }),
    theme.note ? el('p', { class: 'note', text: theme.note }) : null,
    s.keywords.length
      ? section('Keywords', [
          el(
            'div',
            { class: 'keywords' },
            s.keywords.map((k) => chip(k.label, k.key, actions)),
          ),
        ])
      : null,
    s.central.length
      ? section('Central papers', [
          el(
            'ol',
            { class: 'papers central' },
            s.central.map((k) => el('li', {}, [linkButton(label(k), () => actions.select(k))])),
          ),
        ])
      : null,
    s.benchmarks.length
      ? section('Top benchmarks', [
          el(
            'ol',
            { class: 'papers benchmarks' },
            s.benchmarks.map((b) =>
              el('li', {}, [chip(b.label, b.key, actions, 'link'), el('span', { class: 'count', text: ` ${b.papers} paper${b.papers === 1 ? '' : 's'}` })]),
            ),
          ),
        ])
      : null,
    s.years.length ? section('Papers per year', [years]) : null,
    s.neighbours.length
      ? section('Neighbouring themes', [
          el(
            'div',
            { class: 'neighbours' },
            s.neighbours.map((n) => {
              const sw = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
              sw.style.background = n.theme.color;
              const name = linkButton(n.theme.name, () => actions.focusTheme(n.theme.id), 'link theme-link');
              return el('div', { class: 'neighbour', attrs: { 'data-theme': n.theme.id } }, [
                el('div', {}, [sw, ' ', name, el('span', { class: 'count', text: ` ${n.sharedCount} shared concept${n.sharedCount === 1 ? '' : 's'}` })]),
                el(
                  'div',
                  { class: 'shared' },
                  n.shared.map((c) => chip(c.label, c.key, actions)),
                ),
              ]);
            }),
          ),
        ])
      : null,
  ]);
}
