// The sidebar: themes legend (focus, hide), filters (kinds, theme, dates, degree) and the shared-benchmarks view.
import { el, linkButton } from './dom.ts';
import { VIEW_KINDS, type ViewKind, type ViewModel } from './model.ts';
import type { ViewState } from './state.ts';
import { leaderboard } from './leaderboard.ts';

export interface SidebarHost {
  model: ViewModel;
  state(): ViewState;
  update(patch: Partial<ViewState>): void;
  select(key: string): void;
  focusTheme(id: string | null): void;
}

export interface SidebarPart {
  element: HTMLElement;
  sync(state: ViewState): void;
}

export function themesLegend(host: SidebarHost): SidebarPart {
  const { model } = host;
  const rows = model.themes.map((t) => {
    const checkbox = el('input', {
      attrs: { type: 'checkbox', 'aria-label': `Show theme ${t.name}` },
      on: {
        change: () => {
          const hidden = new Set(host.state().hiddenThemes);
          if (checkbox.checked) hidden.delete(t.id);
          else hidden.add(t.id);
          host.update({ hiddenThemes: hidden });
        },
      },
    });
    const swatch = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
    swatch.style.background = t.color;
    // A click opens the theme (its panel, its papers framed); a second click on the open theme closes it.
    const name = linkButton(t.name, () => host.focusTheme(host.state().selected === `theme:${t.id}` ? null : t.id), 'theme-name');
    name.setAttribute('aria-pressed', 'false');
    if (t.note) name.title = t.note;
    const row = el('li', { attrs: { 'data-theme': t.id } }, [
      checkbox,
      swatch,
      name,
      el('span', { class: 'count', text: String(t.size), attrs: { title: `${t.size} papers, ${t.conceptCount} concepts` } }),
    ]);
    return { t, row, checkbox, name };
  });
  const element = el('section', { class: 'themes', attrs: { 'aria-labelledby': 'themes-h' } }, [
    el('h2', { text: 'Themes', attrs: { id: 'themes-h' } }),
    model.themes.length
      ? el(
          'ul',
          { class: 'legend' },
          rows.map((r) => r.row),
        )
      : el('p', { class: 'note', text: 'This graph has no themes.' }),
  ]);
  return {
    element,
    sync(state) {
      for (const r of rows) {
        r.checkbox.checked = !state.hiddenThemes.has(r.t.id);
        r.name.setAttribute('aria-pressed', String(state.focusTheme === r.t.id));
        r.row.classList.toggle('focused', state.focusTheme === r.t.id);
        r.row.classList.toggle('off', state.hiddenThemes.has(r.t.id));
      }
    },
  };
}

function kindSwatch(kind: ViewKind): HTMLElement {
  // NOTE: on the map a hue always means a theme, so kinds are told by shape (and name), not colour.
  return el('span', { class: `shape ${kind === 'paper' || kind === 'other' ? 'circle' : 'square'}`, attrs: { 'aria-hidden': 'true' } });
}

export function filters(host: SidebarHost): SidebarPart {
  const { model } = host;
  const kinds = VIEW_KINDS.filter((k) => model.kindsPresent.has(k));
  const kindBoxes = kinds.map((kind) => {
    const box = el('input', {
      attrs: { type: 'checkbox', 'data-kind': kind },
      on: {
        change: () => {
          const next = new Set(host.state().kinds);
          if (box.checked) next.add(kind);
          else next.delete(kind);
          host.update({ kinds: next });
        },
      },
    });
    return { kind, box, label: el('label', { class: 'kind' }, [box, kindSwatch(kind), kind]) };
  });
  const themeSelect = el('select', { attrs: { id: 'theme-filter' }, on: { change: () => host.update({ onlyTheme: themeSelect.value || null }) } }, [
    el('option', { text: 'All themes', attrs: { value: '' } }),
    ...model.themes.map((t) => el('option', { text: t.name, attrs: { value: t.id } })),
  ]);
  const months = model.months;
  const last = Math.max(0, months.length - 1);
  const fromRange = el('input', { attrs: { type: 'range', min: '0', max: String(last), step: '1', 'aria-label': 'Papers from month' } });
  const toRange = el('input', { attrs: { type: 'range', min: '0', max: String(last), step: '1', 'aria-label': 'Papers up to month' } });
  const dateLabel = el('span', { class: 'range-label' });
  const onDates = () => {
    let a = Number(fromRange.value);
    let b = Number(toRange.value);
    if (a > b) [a, b] = [b, a];
    host.update({ from: a > 0 ? months[a] : null, to: b < last ? months[b] : null });
  };
  fromRange.addEventListener('input', onDates);
  toRange.addEventListener('input', onDates);
  const maxDeg = Math.min(30, model.maxDegree);
  const degRange = el('input', { attrs: { type: 'range', min: '0', max: String(maxDeg), step: '1', id: 'min-degree', 'aria-label': 'Minimum degree' } });
  const degLabel = el('span', { class: 'range-label' });
  degRange.addEventListener('input', () => host.update({ minDegree: Number(degRange.value) }));
  const element = el('section', { class: 'filters', attrs: { 'aria-labelledby': 'filters-h' } }, [
    el('h2', { text: 'Filters', attrs: { id: 'filters-h' } }),
    el('fieldset', {}, [el('legend', { text: 'Show' }), ...kindBoxes.map((k) => k.label)]),
    el('div', { class: 'presets' }, [
      linkButton('Papers + benchmarks', () => host.update({ kinds: new Set<ViewKind>(['paper', 'benchmark']) }), 'small'),
      linkButton(
        'Reset filters',
        () => host.update({ kinds: new Set(VIEW_KINDS), onlyTheme: null, from: null, to: null, minDegree: 0, hiddenThemes: new Set() }),
        'small',
      ),
    ]),
    model.themes.length ? el('label', { class: 'row' }, ['Theme ', themeSelect]) : null,
    months.length > 1 ? el('div', { class: 'row dates' }, [el('span', { text: 'Dates ' }), dateLabel, fromRange, toRange]) : null,
    el('div', { class: 'row' }, [el('label', { text: 'Min. degree ', attrs: { for: 'min-degree' } }), degLabel, degRange]),
  ]);
  return {
    element,
    sync(state) {
      for (const k of kindBoxes) k.box.checked = state.kinds.has(k.kind);
      themeSelect.value = state.onlyTheme ?? '';
      const a = state.from ? Math.max(0, months.indexOf(state.from)) : 0;
      const b = state.to && months.includes(state.to) ? months.indexOf(state.to) : last;
      fromRange.value = String(a);
      toRange.value = String(b);
      dateLabel.textContent = months.length ? `${months[a]} → ${months[b]}` : '';
      degRange.value = String(state.minDegree);
      degLabel.textContent = String(state.minDegree);
    },
  };
}

export function sharedBenchmarks(host: SidebarHost): SidebarPart {
  const graph = host.model.graph;
  const items: Array<{ key: string; label: string; papers: string[] }> = [];
  graph.forEachNode((key, a) => {
    if (a.kind !== 'benchmark') return;
    const papers: string[] = [];
    graph.forEachNeighbor(key, (n, na) => {
      if (na.kind === 'paper') papers.push(n);
    });
    if (papers.length >= 2) items.push({ key, label: a.label, papers });
  });
  items.sort((x, y) => y.papers.length - x.papers.length || x.label.localeCompare(y.label));
  const details = items.map((item) => {
    const body = el('div', { class: 'bench-body' });
    const d = el('details', { attrs: { 'data-key': item.key } }, [
      el('summary', {}, [item.label, el('span', { class: 'count', text: ` ${item.papers.length} papers` })]),
      body,
    ]);
    d.addEventListener('toggle', () => {
      if (d.open) {
        if (!body.firstChild) body.append(benchmarkBody(host, item.key, item.papers));
        if (host.state().benchmark !== item.key) host.update({ benchmark: item.key });
      } else if (host.state().benchmark === item.key) host.update({ benchmark: null });
    });
    return { key: item.key, d };
  });
  const element = el('section', { class: 'benchmarks', attrs: { 'aria-labelledby': 'bench-h' } }, [
    el('h2', { text: 'Shared benchmarks', attrs: { id: 'bench-h' } }),
    details.length
      ? el(
          'div',
          {},
          details.map((x) => x.d),
        )
      : el('p', { class: 'note', text: 'No benchmark is used by two papers or more.' }),
  ]);
  return {
    element,
    sync(state) {
      for (const x of details) if (x.d.open !== (state.benchmark === x.key)) x.d.open = state.benchmark === x.key;
    },
  };
}

function benchmarkBody(host: SidebarHost, key: string, papers: string[]): HTMLElement {
  const { model } = host;
  const withResults = new Set((model.resultsByBenchmark.get(key) ?? []).map((r) => r.paper));
  const without = papers.filter((p) => !withResults.has(p)).sort((a, b) => a.localeCompare(b));
  return el('div', {}, [
    linkButton('Open benchmark', () => host.select(key), 'small'),
    leaderboard(model, key, (k) => host.select(k)),
    without.length
      ? el('div', {}, [
          el('p', { class: 'note', text: `${without.length} paper${without.length === 1 ? '' : 's'} use it without a number:` }),
          el(
            'ul',
            { class: 'papers plain' },
            without.map((p) => el('li', {}, [linkButton(model.graph.getNodeAttribute(p, 'label'), () => host.select(p))])),
          ),
        ])
      : null,
  ]);
}
