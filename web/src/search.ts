// Search over papers, concepts (labels and aliases) and authors, and the combobox that shows its suggestions.
import { el } from './dom.ts';
import { isConcept, type ViewModel } from './model.ts';

export interface SearchEntry {
  /** Node key, or "author:<name>". */
  key: string;
  label: string;
  /** Lower-cased text matched against. */
  text: string;
  /** What the entry is: "paper", a concept kind, "author". */
  kind: string;
  weight: number;
}

export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function buildSearchIndex(model: ViewModel): SearchEntry[] {
  const entries: SearchEntry[] = [];
  model.graph.forEachNode((key, a) => {
    const weight = 'degree' in a && typeof a.degree === 'number' ? a.degree : model.graph.degree(key);
    entries.push({ key, label: a.label, text: normalise(a.label), kind: a.kind, weight });
    if (isConcept(a))
      for (const alias of a.aliases) if (alias !== a.label) entries.push({ key, label: `${alias} → ${a.label}`, text: normalise(alias), kind: a.kind, weight });
  });
  for (const [name, papers] of model.papersByAuthor)
    entries.push({ key: `author:${name}`, label: name, text: normalise(name), kind: 'author', weight: papers.length });
  return entries;
}

const WORD_START = new Set([' ', '\t', '\n', '-', '_', ':', '(', '/']);

/** Order of ties: better connected first, then by label, then by key. */
function compareEntries(a: SearchEntry, b: SearchEntry): number {
  return b.weight - a.weight || a.label.localeCompare(b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Each index sorted once in tie order (again if entries were added since), so a query needs no sort. */
const ranked = new WeakMap<SearchEntry[], { size: number; order: SearchEntry[] }>();

function inTieOrder(index: SearchEntry[]): SearchEntry[] {
  let r = ranked.get(index);
  if (!r || r.size !== index.length) ranked.set(index, (r = { size: index.length, order: [...index].sort(compareEntries) }));
  return r.order;
}

/**
 * Ranks exact matches, then prefixes, then word starts, then substrings; ties go to better-connected entries. One pass
 * over the index, kept in tie order, so each score's first few matches are its best. NOTE: sorting every match per query
 * took 2 s for a one-letter query over 124k entries (100k papers); this is ~25–60 ms.
 */
export function searchIndex(index: SearchEntry[], query: string, limit = 10): SearchEntry[] {
  const q = normalise(query.trim());
  if (!q) return [];
  // Per score, the first matches in tie order: twice the limit, as aliases of one key may take several places.
  const keep = limit * 2;
  const buckets: SearchEntry[][] = [[], [], [], []];
  for (const e of inTieOrder(index)) {
    const at = e.text.indexOf(q);
    if (at < 0) continue;
    const score = e.text.length === q.length ? 3 : at === 0 ? 2 : WORD_START.has(e.text[at - 1]) ? 1 : 0;
    if (buckets[score].length < keep) buckets[score].push(e);
  }
  const seen = new Set<string>();
  const out: SearchEntry[] = [];
  for (let score = 3; score >= 0; score--) {
    for (const e of buckets[score]) {
      if (out.length >= limit) return out;
      if (seen.has(e.key)) continue;
      seen.add(e.key);
      out.push(e);
    }
  }
  return out;
}

/** Wires the search box as an ARIA combobox; `onPick` receives the chosen key. Returns its cleanup. */
export function mountSearch(input: HTMLInputElement, list: HTMLUListElement, index: SearchEntry[], onPick: (key: string) => void): () => void {
  let items: SearchEntry[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const pick = (entry: SearchEntry | undefined) => {
    if (!entry) return;
    close();
    onPick(entry.key);
  };
  const render = () => {
    list.replaceChildren(
      ...items.map((entry, i) =>
        el(
          'li',
          {
            attrs: { role: 'option', id: `suggestion-${i}`, 'aria-selected': String(i === active), 'data-key': entry.key },
            class: i === active ? 'active' : '',
            on: {
              // NOTE: mousedown, not click: a click would first blur the input and close the list.
              mousedown: (ev) => {
                ev.preventDefault();
                pick(entry);
              },
            },
          },
          [el('span', { class: `kind-tag kind-${entry.kind}`, text: entry.kind }), el('span', { class: 'suggestion-label', text: entry.label })],
        ),
      ),
    );
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const onInput = () => {
    items = searchIndex(index, input.value);
    active = -1;
    render();
  };
  const onKey = (ev: KeyboardEvent) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      if (!items.length) items = searchIndex(index, input.value);
      if (!items.length) return;
      ev.preventDefault();
      active = ev.key === 'ArrowDown' ? (active + 1) % items.length : (active - 1 + items.length) % items.length;
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      const found = items.length ? items : searchIndex(index, input.value);
      pick(found[Math.max(0, active)]);
    } else if (ev.key === 'Escape') {
      close();
    }
  };
  const onBlur = () => setTimeout(close, 100);
  input.addEventListener('input', onInput);
  input.addEventListener('keydown', onKey);
  input.addEventListener('blur', onBlur);
  return () => {
    input.removeEventListener('input', onInput);
    input.removeEventListener('keydown', onKey);
    input.removeEventListener('blur', onBlur);
    close();
  };
}
