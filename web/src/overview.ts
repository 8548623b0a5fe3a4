// The overview of a build above its viewer budget: themes as discs linked by shared concepts; clicking one opens its papers.
import Graph from 'graphology';
import Sigma from 'sigma';
import { OverviewJsonSchema, type OverviewJson, type OverviewTheme } from '../../src/model/overview-json.ts';
import { byId, el, linkButton } from './dom.ts';
import { LoadError } from './load.ts';
import { mountSearch, normalise, type SearchEntry } from './search.ts';
import { conceptByTheme, indexEntries, loadOverviewIndex } from './overview-index.ts';
import type { OverviewIndex } from '../../src/model/overview-json.ts';

export interface MountedOverview {
  sigma: Sigma;
  kill(): void;
}

/** Only the build's own theme files are ever fetched, whatever a (possibly hand-edited) overview.json says. */
export const THEME_URL = /^overview\/[A-Za-z0-9_-]{1,64}\.json$/;

/** The overview of the build, or null when it has none (the server answers 204; a static host 404). */
export async function fetchOverview(url: string, started?: Promise<Response>): Promise<OverviewJson | null> {
  let response: Response;
  try {
    response = await (started ?? fetch(url));
  } catch (e) {
    throw new LoadError(`could not fetch ${url} (${(e as Error).message}); is the server still running?`);
  }
  if (response.status === 204 || response.status === 404) return null;
  if (!response.ok) throw new LoadError(`could not load ${url}: HTTP ${response.status}.`);
  let data: unknown;
  try {
    data = await response.json();
  } catch (e) {
    throw new LoadError(`${url} is not valid JSON (${(e as Error).message}); rebuild it with "paper-kg build".`);
  }
  const parsed = OverviewJsonSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
    throw new LoadError(`${url} is not a paper-kg overview (${issues.join('; ')}); rebuild it with "paper-kg build".`);
  }
  return parsed.data;
}

function themeSummary(t: OverviewTheme): string {
  return t.topConcepts.map((c) => c.label).join(' · ');
}

/** A concept found through the index, in the overview's panel: every theme that uses it, and (benchmarks, datasets) every paper. */
function showConceptPanel(overview: OverviewJson, index: OverviewIndex, i: number, open: (theme: OverviewTheme, select?: string) => void): void {
  const [key, label, kind] = index.concepts[i];
  const groups = conceptByTheme(index, i, null);
  const byTheme = new Map(overview.themes.map((t) => [t.id, t]));
  const total = groups.reduce((n, g) => n + g.count, 0);
  const body = byId('panel-body');
  body.replaceChildren(
    el('article', { class: 'concept overview-concept' }, [
      el('div', { class: 'badges' }, [el('span', { class: `kind-tag kind-${kind}`, text: kind })]),
      el('h2', { class: 'title', text: label, attrs: { id: 'panel-title' } }),
      el('p', { class: 'meta', text: `${total.toLocaleString('en')} papers in ${groups.length} theme${groups.length === 1 ? '' : 's'}` }),
      ...groups.map((g) => {
        const t = byTheme.get(g.theme);
        if (!t) return null;
        const sw = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
        sw.style.background = t.color;
        return el('section', { class: 'panel-section', attrs: { 'data-theme': t.id } }, [
          el('h3', {}, [sw, ' ', linkButton(`${t.name} (${g.count})`, () => open(t, key), 'link theme-link')]),
          g.papers.length
            ? el(
                'ol',
                { class: 'papers' },
                g.papers.map((p) => el('li', {}, [linkButton(p.title, () => open(t, p.key))])),
              )
            : null,
        ]);
      }),
    ]),
  );
  const panel = byId('panel');
  panel.hidden = false;
  document.body.classList.add('has-panel');
  byId('close-panel').onclick = () => {
    panel.hidden = true;
    document.body.classList.remove('has-panel');
  };
}

export function mountOverview(overview: OverviewJson, open: (theme: OverviewTheme, select?: string) => void): MountedOverview {
  const container = byId('map');
  const sidebar = byId('sidebar-content');
  const graph = new Graph({ type: 'undirected' });
  const maxPapers = Math.max(1, ...overview.themes.map((t) => t.papers));
  const byId_ = new Map(overview.themes.map((t) => [t.id, t]));
  for (const t of overview.themes) {
    graph.addNode(`theme:${t.id}`, {
      x: t.x,
      y: t.y,
      size: 6 + 24 * Math.sqrt(t.papers / maxPapers),
      color: t.color,
      label: `${t.name} (${t.papers.toLocaleString('en')})`,
    });
  }
  const maxWeight = Math.max(1, ...overview.links.map((l) => l.weight));
  for (const l of overview.links) {
    const [s, t] = [`theme:${l.source}`, `theme:${l.target}`];
    if (graph.hasNode(s) && graph.hasNode(t) && !graph.hasEdge(s, t))
      graph.addEdge(s, t, { size: 0.5 + 4 * (l.weight / maxWeight), color: '#c9d0d8', label: l.concepts.join(', ') });
  }
  let hovered: string | null = null;
  const sigma = new Sigma(graph, container, {
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 13,
    labelWeight: '600',
    labelColor: { color: '#1f2933' },
    labelDensity: 0.6,
    labelRenderedSizeThreshold: 4,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    nodeReducer: (key, a) => {
      if (!hovered) return a;
      const near = key === hovered || graph.areNeighbors(key, hovered);
      return near ? { ...a, forceLabel: true, zIndex: 1 } : { ...a, color: '#e3e5e8', label: '' };
    },
    edgeReducer: (_key, a) => a,
    zIndex: true,
  });
  sigma.on('clickNode', ({ node }) => {
    const t = byId_.get(node.slice('theme:'.length));
    if (t) open(t);
  });
  sigma.on('enterNode', ({ node }) => {
    hovered = node;
    container.style.cursor = 'pointer';
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('leaveNode', () => {
    hovered = null;
    container.style.cursor = '';
    sigma.refresh({ skipIndexation: true });
  });

  // The sidebar lists every theme with its strongest concepts: the same choices as the map, reachable by keyboard.
  const rows = overview.themes.map((t) => {
    const swatch = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.background = t.color;
    const name = linkButton(t.name, () => open(t), 'theme-name');
    name.title = `Open this theme: ${t.nodes.toLocaleString('en')} nodes`;
    const shown = t.shownPapers < t.papers ? ` (the ${t.shownPapers.toLocaleString('en')} most central shown)` : '';
    return el('li', { attrs: { 'data-theme': t.id } }, [
      el('div', { class: 'overview-row' }, [
        swatch,
        name,
        el('span', { class: 'count', text: t.papers.toLocaleString('en'), attrs: { title: `${t.papers} papers${shown}` } }),
      ]),
      el('div', { class: 'note', text: themeSummary(t) + shown }),
    ]);
  });
  const m = overview.meta;
  sidebar.replaceChildren(
    el('section', { class: 'themes overview', attrs: { 'aria-labelledby': 'themes-h' } }, [
      el('h2', { text: 'Themes', attrs: { id: 'themes-h' } }),
      el('p', {
        class: 'note',
        text: `${m.papers.toLocaleString('en')} papers and ${m.concepts.toLocaleString('en')} concepts (${m.nodes.toLocaleString('en')} nodes) are more than the viewer draws at once (${m.budget.toLocaleString('en')}): open a theme to see its papers. Links join themes whose papers share concepts.`,
      }),
      el('ul', { class: 'legend overview-list' }, rows),
    ]),
  );

  // Search over theme names and their strongest concepts; a pick opens the theme.
  const index: SearchEntry[] = [];
  for (const t of overview.themes) {
    index.push({ key: t.id, label: t.name, text: normalise(t.name), kind: 'theme', weight: t.papers });
    for (const c of t.topConcepts) index.push({ key: t.id, label: `${c.label} → ${t.name}`, text: normalise(c.label), kind: c.kind, weight: c.papers });
  }
  // Then the whole build's papers and concepts, from the search index, as soon as it is in.
  let full: OverviewIndex | null = null;
  let killed = false;
  loadOverviewIndex().then(
    (ix) => {
      if (!ix || killed) return;
      full = ix;
      for (const e of indexEntries(ix)) index.push(e);
    },
    (e: unknown) => console.warn(`paper-kg: ${(e as Error).message}`),
  );
  const unmountSearch = mountSearch(byId<HTMLInputElement>('search'), byId<HTMLUListElement>('suggestions'), index, (key) => {
    const m = /^ix:([pc]):(\d+)$/.exec(key);
    if (m && full) {
      const i = Number(m[2]);
      if (m[1] === 'c') return showConceptPanel(overview, full, i, open);
      const [paperKey, , t] = full.papers[i];
      const theme = byId_.get(full.themes[t]);
      if (theme) open(theme, paperKey);
      return;
    }
    const t = byId_.get(key);
    if (t) open(t);
  });
  return {
    sigma,
    kill() {
      killed = true;
      byId('panel').hidden = true;
      document.body.classList.remove('has-panel');
      unmountSearch();
      sigma.kill();
      sidebar.replaceChildren();
    },
  };
}
