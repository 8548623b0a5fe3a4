// Entry of the viewer: loads graph.json (or a dropped / opened file), validates it and mounts the map; a build above the
// viewer budget opens on its overview (themes) and loads one theme's graph at a time.
// NOTE: first import, so its requests start before the modules below are evaluated.
import { EARLY } from './early.ts';
import './styles.css';
import { byId } from './dom.ts';
import { mountApp, type AppLinks, type MountedApp } from './app.ts';
import { conceptByTheme, conceptIndexOf, loadOverviewIndex } from './overview-index.ts';
import { LoadError, loadFromUrl, loadText } from './load.ts';
import type { ViewModel } from './model.ts';
import { defaultState, hashToState } from './state.ts';
import { fetchOverview, mountOverview, THEME_URL, type MountedOverview } from './overview.ts';
import { mountPreview, previewable, readFirstFrame, type MountedPreview } from './preview.ts';
import type { OverviewJson, OverviewTheme } from '../../src/model/overview-json.ts';

const status = byId('status');
let app: MountedApp | null = null;
let overviewView: MountedOverview | null = null;
let preview: MountedPreview | null = null;
let overview: OverviewJson | null = null;
const back = byId<HTMLButtonElement>('back-overview');

function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = text;
  status.className = kind;
  status.hidden = text === '';
}

function unmount(): void {
  preview?.kill();
  preview = null;
  app?.kill();
  app = null;
  overviewView?.kill();
  overviewView = null;
}

function setExports(enabled: boolean): void {
  for (const id of ['export-gexf', 'export-png']) byId<HTMLButtonElement>(id).disabled = !enabled;
}

/** `theme`: the overview's theme this model is (a drill-down), so the URL keeps it and Back returns to the overview. */
function show(model: ViewModel, fromUrl: boolean, theme: OverviewTheme | null = null): void {
  performance.mark('paper-kg:model');
  unmount();
  document.title = `${model.name} · paper-kg map`;
  const shown =
    theme && theme.shownPapers < theme.papers
      ? ` (the ${theme.shownPapers.toLocaleString('en')} most central of ${theme.papers.toLocaleString('en')} papers)`
      : '';
  const describe = () => {
    byId('graph-name').textContent = `${model.name} · ${model.graph.order.toLocaleString('en')} nodes, ${model.graph.size.toLocaleString('en')} edges${shown}`;
  };
  describe();
  const initial = fromUrl ? hashToState(location.hash) : defaultState();
  app = mountApp(model, { ...initial, view: theme?.id ?? null }, theme && overview ? elsewhereLinks(overview, theme) : {});
  if (!fromUrl) history.replaceState(null, '', theme ? `#view=${encodeURIComponent(theme.id)}` : location.pathname + location.search);
  back.hidden = theme === null;
  setExports(true);
  setStatus('');
  performance.mark('paper-kg:mounted');
  // Exposed for tests and the benchmark script; nothing in the page reads it. Ready once every edge is in.
  const exposed = { app, model, mode: theme ? 'theme' : 'graph', theme: theme?.id ?? null, ready: false };
  (window as unknown as { paperKg: unknown }).paperKg = exposed;
  const mounted = app;
  mounted.edgesLoaded.then(
    () => {
      if (app !== mounted) return;
      describe();
      exposed.ready = true;
    },
    (e: unknown) => {
      if (app === mounted) report(e);
    },
  );
}

/** In one theme of a large build: the papers of other themes with a concept, from the overview's search index. */
function elsewhereLinks(data: OverviewJson, current: OverviewTheme): AppLinks {
  return {
    async elsewhere(conceptKey) {
      const index = await loadOverviewIndex();
      if (!index) return [];
      const i = conceptIndexOf(index, conceptKey);
      if (i < 0) return [];
      return conceptByTheme(index, i, current.id).flatMap((g) => {
        const t = data.themes.find((x) => x.id === g.theme);
        return t
          ? [
              {
                theme: { id: t.id, name: t.name, color: t.color },
                papers: g.papers.length ? g.papers : [{ key: conceptKey, title: `${g.count} papers: open the theme` }],
              },
            ]
          : [];
      });
    },
    openElsewhere(themeId, key) {
      const t = data.themes.find((x) => x.id === themeId);
      if (t) void openTheme(t, false, key);
    },
  };
}

function showOverview(data: OverviewJson): void {
  unmount();
  overview = data;
  document.title = 'Overview · paper-kg map';
  byId('graph-name').textContent = `overview · ${data.themes.length} themes of ${data.meta.papers.toLocaleString('en')} papers`;
  history.replaceState(null, '', location.pathname + location.search);
  back.hidden = true;
  // NOTE: the exports work on a loaded graph; the overview has none (the build's own graph.gexf is the export).
  setExports(false);
  overviewView = mountOverview(data, (t, select) => void openTheme(t, false, select));
  setStatus('');
  (window as unknown as { paperKg: unknown }).paperKg = { overview: data, overviewView, mode: 'overview', ready: true };
}

/** `select`: a node to select once the theme is open (a paper or concept found from the overview). */
async function openTheme(theme: OverviewTheme, fromUrl: boolean, select?: string): Promise<void> {
  if (select) {
    history.replaceState(null, '', `#view=${encodeURIComponent(theme.id)}&sel=${encodeURIComponent(select)}`);
    fromUrl = true;
  }
  (window as unknown as { paperKg?: { ready: boolean } }).paperKg = { ready: false };
  if (!THEME_URL.test(theme.file))
    return report(new LoadError(`overview.json names an unexpected file for theme ${theme.id}; rebuild it with "paper-kg build".`));
  setStatus(`Loading ${theme.name} (${theme.nodes.toLocaleString('en')} nodes)…`);
  try {
    const model = await loadFromUrl(`./${theme.file}`);
    model.name = theme.name;
    show(model, fromUrl, theme);
  } catch (e) {
    report(e);
  }
}

back.addEventListener('click', () => {
  if (overview) showOverview(overview);
});

function report(e: unknown): void {
  const message = e instanceof LoadError ? e.message : `unexpected error: ${(e as Error).message ?? String(e)}`;
  setStatus(message, 'error');
  console.warn(`paper-kg: ${message}`);
}

/** Set once a person opens a file of their own: graph.json arriving later must not replace it. */
let ownFile = false;

async function openFile(file: File): Promise<void> {
  setStatus(`Reading ${file.name}…`);
  try {
    show(loadText(await file.text(), file.name), false);
    ownFile = true;
  } catch (e) {
    report(e);
  }
}

async function boot(): Promise<void> {
  setStatus('Loading…');
  try {
    // NOTE: relative URLs, so the built site works from any folder of any static host.
    const found = await fetchOverview('./overview.json', EARLY.overview);
    if (found) {
      const view = hashToState(location.hash).view;
      const theme = view ? found.themes.find((t) => t.id === view) : undefined;
      overview = found;
      if (theme) return void (await openTheme(theme, true));
      return showOverview(found);
    }
    setStatus('Loading graph.json…');
    await showFirstFrame();
    const started = await EARLY.graph;
    const model = await loadFromUrl('./graph.json', started ? Promise.resolve(started) : undefined);
    // NOTE: the first frame makes the page look loaded early, so a file may well be dropped on it before graph.json is in.
    if (!ownFile) show(model, true);
  } catch (e) {
    report(e);
  }
}

/**
 * The map from first-frame.json while graph.json loads (a build without it, or a link whose state needs graph.json, waits
 * for graph.json instead). NOTE: "paper-kg:first-frame" marks the frame after the one that drew it, as app.ts does.
 */
async function showFirstFrame(): Promise<void> {
  const state = hashToState(location.hash);
  if (!previewable(state)) return;
  const data = await readFirstFrame(await EARLY.firstFrame.catch(() => null));
  if (!data || app || preview || ownFile) return;
  preview = mountPreview(data, state);
  performance.mark('paper-kg:preview');
  byId('graph-name').textContent = `graph.json · ${data.nodes.toLocaleString('en')} nodes, ${data.edges.toLocaleString('en')} edges`;
  (window as unknown as { paperKg: unknown }).paperKg = { mode: 'preview', ready: false };
  const shown = preview;
  requestAnimationFrame(() => requestAnimationFrame(() => (preview === shown ? performance.mark('paper-kg:first-frame') : undefined)));
}

// Opening your own graph: drop it anywhere, or use the Open button.
document.addEventListener('dragover', (ev) => {
  ev.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (ev) => {
  if (ev.relatedTarget === null) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (ev) => {
  ev.preventDefault();
  document.body.classList.remove('dragging');
  const file = ev.dataTransfer?.files[0];
  if (file) void openFile(file);
});
const fileInput = byId<HTMLInputElement>('open-file');
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
  fileInput.value = '';
});
const sidebarToggle = byId('toggle-sidebar');
sidebarToggle.addEventListener('click', () => {
  const open = !document.body.classList.toggle('sidebar-closed');
  sidebarToggle.setAttribute('aria-expanded', String(open));
});
if (window.matchMedia('(max-width: 720px)').matches) {
  document.body.classList.add('sidebar-closed');
  sidebarToggle.setAttribute('aria-expanded', 'false');
}

void boot();
