// A benchmark's leaderboard: its reported results, one row per paper and number (duplicates dropped), grouped by metric
// and kind of number, sorted within a group only; the model and the sentence each number comes from; CSV download.
import { csvCell } from '../../src/export/csv.ts';
import { sentenceBounds } from '../../src/extract/results.ts';
import { el, linkButton } from './dom.ts';
import type { ResultRow, ViewModel } from './model.ts';

export interface LeaderboardRow {
  paper: string;
  paperTitle: string;
  paperId: string;
  /** Models named in the same sentence as the number (by the paper's extracted model concepts), or "". */
  model: string;
  metric: string;
  value: number;
  unit: string;
  delta: boolean;
  /** The sentence of the paper the number was read from. */
  evidence: string;
}

export interface LeaderboardGroup {
  /** "Accuracy (%) · score", "— · improvement (x)" … */
  title: string;
  metric: string;
  delta: boolean;
  unit: string;
  /** Higher is better, unless the metric's name says otherwise (error, FID, perplexity, latency, loss …). */
  higherIsBetter: boolean;
  rows: LeaderboardRow[];
}

const LOWER_IS_BETTER = /\b(error|err|fid|gfid|perplexity|ppl|latency|loss|wer|cer|ter|mse|mae|rmse|time|memory|cost|flops?|eer|kid|lpips)\b/i;
export const NO_METRIC = '(metric not named)';

function textOf(model: ViewModel, paper: string, field: string): string {
  const a = model.graph.getNodeAttributes(paper);
  if (a.kind !== 'paper') return '';
  return field === 'title' ? a.label : a.abstract;
}

/** Models whose evidence spans in this paper lie in [start, end) of `field`. */
function modelsIn(model: ViewModel, paper: string, field: string, start: number, end: number): string[] {
  const names: string[] = [];
  model.graph.forEachEdge(paper, (_e, attrs, s, t) => {
    const other = s === paper ? t : s;
    const c = model.graph.getNodeAttributes(other);
    if (c.kind !== 'model') return;
    if ((attrs.spans ?? []).some((sp) => sp.field === field && sp.start >= start && sp.end <= end) && !names.includes(c.label)) names.push(c.label);
  });
  return names;
}

export function leaderboardRows(model: ViewModel, results: ResultRow[]): LeaderboardRow[] {
  const seen = new Set<string>();
  const rows: LeaderboardRow[] = [];
  for (const r of results) {
    if (!model.graph.hasNode(r.paper)) continue;
    const metric = r.metric && model.graph.hasNode(r.metric) ? model.graph.getNodeAttribute(r.metric, 'label') : NO_METRIC;
    // The same number of the same paper on the same metric is one result, however often the paper states it.
    const id = `${r.paper}\u0000${metric}\u0000${r.value}\u0000${r.unit}\u0000${r.delta}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const text = textOf(model, r.paper, r.span.field);
    let evidence = r.span.text;
    let models: string[] = [];
    if (text && r.span.end <= text.length) {
      const [s, e] = sentenceBounds(text, r.span.start);
      evidence = text.slice(s, Math.min(text.length, e + 1)).trim();
      models = modelsIn(model, r.paper, r.span.field, s, e + 1);
    }
    const a = model.graph.getNodeAttributes(r.paper);
    rows.push({
      paper: r.paper,
      paperTitle: a.label,
      paperId: a.kind === 'paper' ? a.paperId : r.paper,
      model: models.join(', '),
      metric,
      value: r.value,
      unit: r.unit,
      delta: r.delta,
      evidence,
    });
  }
  return rows;
}

export function groupLeaderboard(rows: LeaderboardRow[]): LeaderboardGroup[] {
  const groups = new Map<string, LeaderboardGroup>();
  for (const r of rows) {
    const key = `${r.metric}\u0000${r.delta}\u0000${r.unit}`;
    let g = groups.get(key);
    if (!g) {
      const unit = r.unit ? ` (${r.unit})` : '';
      g = {
        title: `${r.metric}${unit} · ${r.delta ? 'improvement' : 'score'}`,
        metric: r.metric,
        delta: r.delta,
        unit: r.unit,
        higherIsBetter: !LOWER_IS_BETTER.test(r.metric),
        rows: [],
      };
      groups.set(key, g);
    }
    g.rows.push(r);
  }
  const out = [...groups.values()];
  for (const g of out) g.rows.sort((a, b) => (g.higherIsBetter || g.delta ? b.value - a.value : a.value - b.value) || a.paperTitle.localeCompare(b.paperTitle));
  // Named metrics first (most results first), scores before improvements; the unnamed ones last.
  out.sort(
    (a, b) =>
      Number(a.metric === NO_METRIC) - Number(b.metric === NO_METRIC) ||
      Number(a.delta) - Number(b.delta) ||
      b.rows.length - a.rows.length ||
      a.title.localeCompare(b.title),
  );
  return out;
}

export function formatValue(r: { value: number; unit: string; delta: boolean }): string {
  return `${r.delta && r.value > 0 ? '+' : ''}${r.value}${r.unit === '%' || r.unit === 'x' ? r.unit : r.unit ? ` ${r.unit}` : ''}`;
}

export function leaderboardCsv(benchmark: string, groups: LeaderboardGroup[]): string {
  const head = ['benchmark', 'metric', 'type', 'rank', 'paper', 'paperId', 'model', 'value', 'unit', 'evidence'];
  const lines = [head.join(',')];
  for (const g of groups) {
    g.rows.forEach((r, i) => {
      lines.push(
        [benchmark, r.metric, r.delta ? 'delta' : 'absolute', i + 1, r.paperTitle, r.paperId, r.model, r.value, r.unit, r.evidence]
          .map((v) => csvCell(v))
          .join(','),
      );
    });
  }
  return lines.join('\r\n') + '\r\n';
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = el('a', { attrs: { href: url, download: name } });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The leaderboard of one benchmark, as tables (one per metric and kind of number) and a CSV button. */
export function leaderboard(model: ViewModel, benchmarkKey: string, select: (key: string) => void): HTMLElement | null {
  const results = model.resultsByBenchmark.get(benchmarkKey) ?? [];
  if (!results.length) return null;
  const name = model.graph.getNodeAttribute(benchmarkKey, 'label');
  const groups = groupLeaderboard(leaderboardRows(model, results));
  const total = groups.reduce((n, g) => n + g.rows.length, 0);
  const tables = groups.map((g) =>
    el('table', { class: 'results leaderboard', attrs: { 'data-metric': g.metric, 'data-delta': String(g.delta) } }, [
      el('caption', { text: `${g.title}${g.delta ? '' : g.higherIsBetter ? ' · higher first' : ' · lower first'}` }),
      el('thead', {}, [
        el(
          'tr',
          {},
          ['#', 'Paper', 'Model', 'Value', 'Type'].map((h) => el('th', { text: h, attrs: { scope: 'col' } })),
        ),
      ]),
      el(
        'tbody',
        {},
        g.rows.flatMap((r, i) => [
          el('tr', { class: 'result' }, [
            el('td', { class: 'num', text: String(i + 1) }),
            el('td', {}, [linkButton(r.paperTitle, () => select(r.paper))]),
            el('td', { class: 'model', text: r.model || '—' }),
            el('td', { class: 'num value', text: formatValue(r) }),
            el('td', { class: 'type', text: r.delta ? 'delta' : 'absolute' }),
          ]),
          el('tr', { class: 'evidence-row' }, [el('td', {}), el('td', { class: 'evidence', text: `“${r.evidence}”`, attrs: { colspan: '4' } })]),
        ]),
      ),
    ]),
  );
  const csv = linkButton(
    'Download CSV',
    () => download(`${name.replace(/[^\w.-]+/g, '-') || 'benchmark'}-leaderboard.csv`, leaderboardCsv(name, groups)),
    'small csv',
  );
  return el('div', { class: 'leaderboard-wrap' }, [
    el('p', {
      class: 'note',
      text: `${total} distinct results from ${new Set(groups.flatMap((g) => g.rows.map((r) => r.paper))).size} papers, grouped by metric; numbers are compared only within a table.`,
    }),
    csv,
    ...tables,
  ]);
}
