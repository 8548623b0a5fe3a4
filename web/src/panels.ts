// The details panel: a paper (abstract with concept highlights, results, related papers), a concept, or an author.
import { CONCEPT_KINDS } from '../../src/model/concept.ts';
import { el, linkButton, safeHref } from './dom.ts';
import { leaderboard } from './leaderboard.ts';
import { themePanel } from './theme-panel.ts';
import { isConcept, type ResultRow, type ViewModel, type ViewNode } from './model.ts';

export interface PanelActions {
  select(key: string): void;
  focusTheme(id: string): void;
  filterYear(year: string): void;
  /**
   * In one theme of a large build: the papers of other themes that use a concept (from the overview's search index), or
   * undefined when the whole graph is loaded.
   */
  elsewhere?(conceptKey: string): Promise<Array<{ theme: { id: string; name: string; color: string }; papers: Array<{ key: string; title: string }> }>>;
  openElsewhere?(themeId: string, key: string): void;
}

const ARXIV_ID = /^(\d{4}\.\d{4,5})(v\d+)?$/;

/**
 * Where to read a paper: its links (http/https only), its arXiv and Hugging Face pages when its id is an arXiv id, its
 * DOI; and when it has none of those, a search for its title. Every paper gets at least one link out.
 */
export function paperLinks(a: Extract<ViewNode, { kind: 'paper' }>): Array<{ name: string; href: string }> {
  const out: Array<{ name: string; href: string }> = [];
  const add = (name: string, url: string | undefined) => {
    const href = safeHref(url);
    if (href && !out.some((l) => l.href === href)) out.push({ name, href });
  };
  const links = a.links ?? {};
  const arxiv = ARXIV_ID.exec(links.arxiv ?? '')?.[1] ?? ARXIV_ID.exec(a.paperId)?.[1];
  if (arxiv) add('arXiv', `https://arxiv.org/abs/${arxiv}`);
  else add('arXiv', links.arxiv);
  if (links.doi) add('DOI', /^https?:/.test(links.doi) ? links.doi : `https://doi.org/${links.doi}`);
  if (links.hf) add('Hugging Face', links.hf);
  else if (arxiv) add('Hugging Face', `https://huggingface.co/papers/${arxiv}`);
  for (const [name, url] of Object.entries(links)) if (!['arxiv', 'doi', 'hf'].includes(name)) add(name, url);
  add('page', a.url);
  if (!out.some((l) => l.name !== 'code')) add('search', `https://www.semanticscholar.org/search?q=${encodeURIComponent(a.label)}`);
  return out;
}

interface Highlight {
  start: number;
  end: number;
  key: string;
  kind: string;
  label: string;
}

/** Splits text at evidence spans into text nodes and <mark> buttons; spans that do not match the text are counted, not dropped silently. */
function highlightText(text: string, spans: Highlight[], actions: PanelActions): { nodes: Node[]; unplaced: number } {
  let unplaced = 0;
  const placed: Highlight[] = [];
  for (const s of spans) {
    if (s.end <= text.length && s.start < s.end) placed.push(s);
    else unplaced++;
  }
  // Longest span first at the same start; a span overlapping an earlier one is skipped (its concept is still listed below).
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes: Node[] = [];
  let at = 0;
  for (const s of placed) {
    if (s.start < at) continue;
    if (s.start > at) nodes.push(document.createTextNode(text.slice(at, s.start)));
    nodes.push(
      el('mark', {
        class: `concept kind-${s.kind}`,
        text: text.slice(s.start, s.end),
        attrs: { tabindex: '0', role: 'button', title: `${s.kind}: ${s.label}`, 'data-key': s.key },
        on: {
          click: () => actions.select(s.key),
          keydown: (ev) => {
            if (ev.key === 'Enter' || ev.key === ' ') {
              ev.preventDefault();
              actions.select(s.key);
            }
          },
        },
      }),
    );
    at = s.end;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return { nodes, unplaced };
}

function formatValue(r: ResultRow): string {
  return `${r.delta && r.value > 0 ? '+' : ''}${r.value}${r.unit === '%' || r.unit === 'x' ? r.unit : r.unit ? ` ${r.unit}` : ''}`;
}

function themeChip(model: ViewModel, themeId: string, actions: PanelActions): HTMLElement | null {
  const theme = model.themeById.get(themeId);
  if (!theme) return null;
  const chip = linkButton(theme.name, () => actions.focusTheme(theme.id), 'theme-chip');
  chip.prepend(el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } }));
  (chip.firstChild as HTMLElement).style.background = theme.color;
  return chip;
}

function label(model: ViewModel, key: string | null): string {
  return key && model.graph.hasNode(key) ? model.graph.getNodeAttribute(key, 'label') : '—';
}

function section(title: string, children: Array<Node | null>): HTMLElement {
  return el('section', { class: 'panel-section' }, [el('h3', { text: title }), ...children]);
}

function relatedPapers(model: ViewModel, key: string): Array<{ key: string; score: number; shared: string[] }> {
  const { graph } = model;
  const papers = Math.max(1, model.graph.order);
  const scores = new Map<string, { score: number; shared: string[] }>();
  graph.forEachNeighbor(key, (concept, c) => {
    if (c.kind === 'paper') return;
    // NOTE: rare concepts explain a relation better than ubiquitous ones, so each shared concept counts by its IDF.
    const idf = Math.log(1 + papers / Math.max(1, graph.degree(concept)));
    graph.forEachNeighbor(concept, (other, o) => {
      if (other === key || o.kind !== 'paper') return;
      const entry = scores.get(other) ?? { score: 0, shared: [] };
      entry.score += idf;
      entry.shared.push(c.label);
      scores.set(other, entry);
    });
  });
  return [...scores]
    .map(([k, v]) => ({ key: k, ...v }))
    .sort((a, b) => b.score - a.score || a.key.localeCompare(b.key))
    .slice(0, 8);
}

function resultsTable(model: ViewModel, rows: ResultRow[], first: 'benchmark' | 'paper', actions: PanelActions): HTMLTableElement {
  const head = first === 'benchmark' ? ['Benchmark', 'Metric', 'Value'] : ['Paper', 'Metric', 'Value'];
  return el('table', { class: 'results' }, [
    el('thead', {}, [
      el(
        'tr',
        {},
        head.map((h) => el('th', { text: h, attrs: { scope: 'col' } })),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.map((r) => {
        const target = first === 'benchmark' ? r.benchmark : r.paper;
        const cell = target ? linkButton(label(model, target), () => actions.select(target)) : document.createTextNode('(unnamed)');
        return el('tr', {}, [
          el('td', {}, [cell]),
          el('td', { text: label(model, r.metric) }),
          el('td', { class: 'num', text: formatValue(r), attrs: { title: r.span.text } }),
        ]);
      }),
    ),
  ]);
}

function paperPanel(model: ViewModel, key: string, a: Extract<ViewNode, { kind: 'paper' }>, actions: PanelActions): HTMLElement {
  const { graph } = model;
  const titleSpans: Highlight[] = [];
  const abstractSpans: Highlight[] = [];
  const byKind = new Map<string, Array<{ key: string; label: string; df: number }>>();
  graph.forEachEdge(key, (_e, attrs, source, target) => {
    const other = source === key ? target : source;
    const c = graph.getNodeAttributes(other);
    if (!isConcept(c)) return;
    const list = byKind.get(c.kind) ?? [];
    list.push({ key: other, label: c.label, df: graph.degree(other) });
    byKind.set(c.kind, list);
    for (const s of attrs.spans ?? [])
      (s.field === 'title' ? titleSpans : abstractSpans).push({ start: s.start, end: s.end, key: other, kind: c.kind, label: c.label });
  });
  const title = highlightText(a.label, titleSpans, actions);
  const abstract = highlightText(a.abstract, abstractSpans, actions);
  const authors = a.authors.length ? a.authors.join(', ') : a.authorCount ? `${a.authorCount} authors` : '';
  const links = paperLinks(a).map((l) => el('a', { text: l.name, attrs: { href: l.href, target: '_blank', rel: 'noopener noreferrer' } }));
  const results = model.resultsByPaper.get(key) ?? [];
  const related = relatedPapers(model, key);
  const unplaced = title.unplaced + abstract.unplaced;
  return el('article', { class: 'paper' }, [
    el('div', { class: 'badges' }, [el('span', { class: 'kind-tag kind-paper', text: 'paper' }), themeChip(model, a.theme, actions)]),
    el('h2', { class: 'title', attrs: { id: 'panel-title' } }, title.nodes),
    el('p', { class: 'meta' }, [a.date ?? 'undated', authors ? ` · ${authors}` : '', a.upvotes !== undefined ? ` · ▲ ${a.upvotes}` : '']),
    links.length ? el('p', { class: 'links' }, links) : null,
    el('p', { class: 'abstract' }, abstract.nodes.length ? abstract.nodes : ['(no abstract)']),
    unplaced ? el('p', { class: 'note', text: `${unplaced} evidence span(s) do not fit this text and are not highlighted.` }) : null,
    byKind.size
      ? section(
          'Concepts',
          CONCEPT_KINDS.filter((k) => byKind.has(k)).map((k) =>
            el('div', { class: 'concept-group' }, [
              el('span', { class: `kind-tag kind-${k}`, text: k }),
              ...byKind
                .get(k)!
                .sort((x, y) => y.df - x.df || x.label.localeCompare(y.label))
                .map((c) => linkButton(c.label, () => actions.select(c.key), `chip kind-${k}`)),
            ]),
          ),
        )
      : null,
    results.length ? section('Reported results', [resultsTable(model, results, 'benchmark', actions)]) : null,
    related.length
      ? section('Related papers', [
          el(
            'ol',
            { class: 'related' },
            related.map((r) =>
              el('li', {}, [linkButton(label(model, r.key), () => actions.select(r.key)), el('span', { class: 'why', text: `shares ${r.shared.join(', ')}` })]),
            ),
          ),
        ])
      : null,
  ]);
}

function paperList(model: ViewModel, keys: string[], actions: PanelActions, sortable: boolean): HTMLElement {
  const list = el('ol', { class: 'papers' });
  let order: 'date-desc' | 'date-asc' = 'date-desc';
  const date = (k: string) => {
    const a = model.graph.getNodeAttributes(k);
    return a.kind === 'paper' ? (a.date ?? '') : '';
  };
  const render = () => {
    const sorted = [...keys].sort((x, y) => (order === 'date-desc' ? date(y).localeCompare(date(x)) : date(x).localeCompare(date(y))) || x.localeCompare(y));
    list.replaceChildren(
      ...sorted.map((k) => el('li', {}, [el('span', { class: 'date', text: date(k) || '—' }), linkButton(label(model, k), () => actions.select(k))])),
    );
  };
  render();
  if (!sortable) return list;
  const toggle = el('button', {
    class: 'sort',
    text: 'Newest first',
    attrs: { type: 'button', 'aria-label': 'Sort papers by date' },
    on: {
      click: () => {
        order = order === 'date-desc' ? 'date-asc' : 'date-desc';
        toggle.textContent = order === 'date-desc' ? 'Newest first' : 'Oldest first';
        render();
      },
    },
  });
  return el('div', {}, [toggle, list]);
}

function conceptPanel(model: ViewModel, key: string, a: Extract<ViewNode, { conceptId: string }>, actions: PanelActions): HTMLElement {
  const papers: string[] = [];
  model.graph.forEachNeighbor(key, (n, na) => {
    if (na.kind === 'paper') papers.push(n);
  });
  const board = leaderboard(model, key, (k) => actions.select(k));
  const parent = a.parent ? (model.graph.hasNode(`concept:${a.parent}`) ? `concept:${a.parent}` : null) : null;
  return el('article', { class: 'concept' }, [
    el('div', { class: 'badges' }, [el('span', { class: `kind-tag kind-${a.kind}`, text: a.kind }), themeChip(model, a.theme, actions)]),
    el('h2', { class: 'title', text: a.label, attrs: { id: 'panel-title' } }),
    el('p', {
      class: 'meta',
      text: [
        `${papers.length} paper${papers.length === 1 ? '' : 's'}`,
        a.firstSeen && a.lastSeen ? `${a.firstSeen} → ${a.lastSeen}` : '',
        `found by ${a.source}`,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
    a.aliases.length ? el('p', { class: 'aliases', text: `Also written: ${a.aliases.join(', ')}` }) : null,
    parent ? el('p', {}, ['Broader: ', linkButton(label(model, parent), () => actions.select(parent))]) : null,
    board ? section(`Leaderboard: ${a.label}`, [board]) : null,
    a.df > papers.length && actions.elsewhere ? elsewhereNote(key, a.df - papers.length, actions) : null,
    section('Papers', [paperList(model, papers, actions, true)]),
  ]);
}

/** In one theme of a large build: "N more papers in other themes", then those papers by theme once the index is in. */
function elsewhereNote(key: string, more: number, actions: PanelActions): HTMLElement {
  const body = el('div', { class: 'elsewhere-list' }, [el('span', { class: 'note', text: 'Looking them up…' })]);
  const box = el('div', { class: 'more-themes', attrs: { 'data-more': String(more) } }, [
    el('strong', { text: `${more} more paper${more === 1 ? '' : 's'} in other themes` }),
    body,
  ]);
  actions.elsewhere!(key).then(
    (groups) => {
      body.replaceChildren(
        ...groups.map((g) => {
          const sw = el('span', { class: 'swatch', attrs: { 'aria-hidden': 'true' } });
          sw.style.background = g.theme.color;
          return el('details', { attrs: { 'data-theme': g.theme.id } }, [
            el('summary', {}, [sw, ` ${g.theme.name} `, el('span', { class: 'count', text: `${g.papers.length}` })]),
            el(
              'ol',
              { class: 'papers' },
              g.papers.map((p) => el('li', {}, [linkButton(p.title, () => actions.openElsewhere?.(g.theme.id, p.key))])),
            ),
          ]);
        }),
      );
    },
    () => body.replaceChildren(el('span', { class: 'note', text: 'The overview index could not be loaded.' })),
  );
  return box;
}

function otherPanel(key: string, a: Extract<ViewNode, { kind: 'other' }>): HTMLElement {
  return el('article', {}, [
    el('h2', { class: 'title', text: a.label, attrs: { id: 'panel-title' } }),
    el('p', { class: 'meta', text: `node ${key} · degree ${a.degree}` }),
    el('table', { class: 'results' }, [
      el(
        'tbody',
        {},
        Object.entries(a.extra).map(([k, v]) =>
          el('tr', {}, [el('th', { text: k, attrs: { scope: 'row' } }), el('td', { text: typeof v === 'string' ? v : JSON.stringify(v) })]),
        ),
      ),
    ]),
  ]);
}

/** The panel for a selection, or null when the key names nothing in this graph. */
export function renderPanel(model: ViewModel, key: string, actions: PanelActions): HTMLElement | null {
  if (key.startsWith('theme:')) return themePanel(model, key.slice('theme:'.length), actions);
  if (key.startsWith('author:')) {
    const name = key.slice('author:'.length);
    const papers = model.papersByAuthor.get(name);
    if (!papers) return null;
    return el('article', { class: 'author' }, [
      el('div', { class: 'badges' }, [el('span', { class: 'kind-tag kind-author', text: 'author' })]),
      el('h2', { class: 'title', text: name, attrs: { id: 'panel-title' } }),
      section('Papers', [paperList(model, papers, actions, true)]),
    ]);
  }
  if (!model.graph.hasNode(key)) return null;
  const a = model.graph.getNodeAttributes(key);
  if (a.kind === 'paper') return paperPanel(model, key, a, actions);
  if (a.kind === 'other') return otherPanel(key, a);
  return conceptPanel(model, key, a, actions);
}
