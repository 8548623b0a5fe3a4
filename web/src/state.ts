// The view state (selection, filters, camera) in one typed object, and its round trip through the URL hash.
import { VIEW_KINDS, type ViewKind } from './model.ts';

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  /** A node key, or "author:<name>" for an author's papers. */
  selected: string | null;
  /** Themes switched off in the legend. */
  hiddenThemes: Set<string>;
  /** Theme focused from the legend: its nodes stay bright. */
  focusTheme: string | null;
  /** Filter: only this theme. */
  onlyTheme: string | null;
  kinds: Set<ViewKind>;
  /** Month range "YYYY-MM" of papers shown, inclusive; null = open. */
  from: string | null;
  to: string | null;
  minDegree: number;
  /** Benchmark opened in the shared-benchmarks view, highlighted on the map. */
  benchmark: string | null;
  camera: CameraView | null;
  /** The theme opened from the overview of a build above the viewer budget (its id), or null for the whole graph. */
  view: string | null;
}

export function defaultState(): ViewState {
  return {
    selected: null,
    hiddenThemes: new Set(),
    focusTheme: null,
    onlyTheme: null,
    kinds: new Set(VIEW_KINDS),
    from: null,
    to: null,
    minDegree: 0,
    benchmark: null,
    camera: null,
    view: null,
  };
}

const MONTH = /^\d{4}-\d{2}$/;

export function stateToHash(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.view) p.set('view', s.view);
  if (s.selected) p.set('sel', s.selected);
  if (s.hiddenThemes.size) p.set('hide', [...s.hiddenThemes].sort().join(','));
  if (s.focusTheme) p.set('focus', s.focusTheme);
  if (s.onlyTheme) p.set('theme', s.onlyTheme);
  if (s.kinds.size !== VIEW_KINDS.length) p.set('kinds', VIEW_KINDS.filter((k) => s.kinds.has(k)).join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.minDegree > 0) p.set('deg', String(s.minDegree));
  if (s.benchmark) p.set('bench', s.benchmark);
  if (s.camera) p.set('cam', [s.camera.x, s.camera.y, s.camera.ratio].map((v) => v.toFixed(4)).join(','));
  const text = p.toString();
  return text ? `#${text}` : '';
}

/** Reads a hash leniently: a hand-edited or stale link restores what it can and ignores the rest. */
export function hashToState(hash: string): ViewState {
  const s = defaultState();
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  s.selected = p.get('sel') || null;
  s.hiddenThemes = new Set((p.get('hide') ?? '').split(',').filter(Boolean));
  s.focusTheme = p.get('focus') || null;
  s.onlyTheme = p.get('theme') || null;
  const kinds = p.get('kinds');
  if (kinds !== null) s.kinds = new Set(VIEW_KINDS.filter((k) => kinds.split(',').includes(k)));
  const from = p.get('from');
  const to = p.get('to');
  if (from && MONTH.test(from)) s.from = from;
  if (to && MONTH.test(to)) s.to = to;
  const deg = Number(p.get('deg'));
  if (Number.isInteger(deg) && deg > 0) s.minDegree = deg;
  s.benchmark = p.get('bench') || null;
  s.view = p.get('view') || null;
  const cam = (p.get('cam') ?? '').split(',').map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite) && cam[2] > 0) s.camera = { x: cam[0], y: cam[1], ratio: cam[2] };
  return s;
}
