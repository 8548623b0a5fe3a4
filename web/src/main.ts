// Entry of the viewer: loads graph.json (or a dropped / opened file), validates it and mounts the map.
import './styles.css';
import { byId } from './dom.ts';
import { mountApp, type MountedApp } from './app.ts';
import { LoadError, loadFromUrl, loadText } from './load.ts';
import type { ViewModel } from './model.ts';
import { defaultState, hashToState } from './state.ts';

const status = byId('status');
let app: MountedApp | null = null;

function setStatus(text: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = text;
  status.className = kind;
  status.hidden = text === '';
}

function show(model: ViewModel, fromUrl: boolean): void {
  performance.mark('paper-kg:model');
  app?.kill();
  app = null;
  document.title = `${model.name} · paper-kg map`;
  byId('graph-name').textContent = `${model.name} · ${model.graph.order.toLocaleString('en')} nodes, ${model.graph.size.toLocaleString('en')} edges`;
  app = mountApp(model, fromUrl ? hashToState(location.hash) : defaultState());
  if (!fromUrl) history.replaceState(null, '', location.pathname + location.search);
  setStatus('');
  performance.mark('paper-kg:mounted');
  // Exposed for tests and the benchmark script; nothing in the page reads it.
  (window as unknown as { paperKg: unknown }).paperKg = { app, model, ready: true };
}

function report(e: unknown): void {
  const message = e instanceof LoadError ? e.message : `unexpected error: ${(e as Error).message ?? String(e)}`;
  setStatus(message, 'error');
  console.warn(`paper-kg: ${message}`);
}

async function openFile(file: File): Promise<void> {
  setStatus(`Reading ${file.name}…`);
  try {
    show(loadText(await file.text(), file.name), false);
  } catch (e) {
    report(e);
  }
}

async function boot(): Promise<void> {
  setStatus('Loading graph.json…');
  try {
    // NOTE: a relative URL, so the built site works from any folder of any static host.
    show(await loadFromUrl('./graph.json'), true);
  } catch (e) {
    report(e);
  }
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
