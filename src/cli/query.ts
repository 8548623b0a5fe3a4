// `paper-kg query`: questions asked of a built graph directory, as a table (stdout) or --json.
import { Option, type Command } from 'commander';
import { loadGraphDirectory } from '../io/build-dir.ts';
import { printable } from './shared.ts';
import { CONCEPT_KINDS, type ConceptKind } from '../extract/types.ts';
import { PaperKgError } from '../errors.ts';
import {
  createQueryIndex,
  queryBenchmark,
  queryBoth,
  queryShared,
  querySimilar,
  queryTheme,
  queryThemes,
  type QueryIndex,
  type PaperRef,
} from '../query/index.ts';
import { cliIo } from './io.ts';

interface QueryCliOptions {
  graph: string;
  json?: boolean;
}

/** Aligned columns; long cells are cut with "…" so a row stays on one line. */
export function formatTable(headers: string[], rows: string[][], maxWidth = 70): string {
  const cut = (s: string): string => (s.length > maxWidth ? s.slice(0, maxWidth - 1) + '…' : s);
  const cells = [headers, ...rows].map((r) => r.map((c) => cut(c.replace(/\s+/g, ' '))));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n') + '\n';
}

const paperCells = (p: PaperRef): string[] => [p.id, p.date ?? '', p.theme, p.title];

function withCommon(cmd: Command): Command {
  return cmd.option('-g, --graph <dir>', 'directory written by "paper-kg build"', 'graph').option('--json', 'print JSON instead of a table');
}

async function run(opts: QueryCliOptions, answer: (index: QueryIndex) => unknown, table: (value: never) => string): Promise<void> {
  const index = createQueryIndex(await loadGraphDirectory(opts.graph));
  const value = answer(index);
  cliIo().stdout.write(opts.json ? JSON.stringify(value, null, 2) + '\n' : printable(table(value as never)));
}

export function registerQuery(program: Command): void {
  const query = program.command('query').description('ask a built graph: benchmark, shared, similar, themes, theme, both');

  withCommon(query.command('benchmark').argument('<name>', 'benchmark or dataset (id, label or alias, any case)'))
    .description('the papers evaluated on a benchmark, with their reported results side by side')
    .action((name: string, opts: QueryCliOptions) =>
      run(
        opts,
        (i) => queryBenchmark(i, name),
        (a: ReturnType<typeof queryBenchmark>) =>
          `${a.benchmark.label} (${a.benchmark.kind}): ${a.papers.length} paper(s)\n` +
          formatTable(
            ['paper', 'date', 'theme', 'results', 'title'],
            a.papers.map((p) => [
              p.id,
              p.date ?? '',
              p.theme,
              p.results.map((r) => `${r.delta ? '+' : ''}${r.value}${r.unit}${r.metric ? ' ' + r.metric : ''}`).join('; ') || '-',
              p.title,
            ]),
            60,
          ),
      ),
    );

  withCommon(query.command('shared'))
    .description('every concept (of a kind) shared by at least 2 papers, with the papers')
    .addOption(new Option('--kind <kind>', 'only this kind of concept').choices([...CONCEPT_KINDS]))
    .option('--min <n>', 'at least this many papers', '2')
    .action((opts: QueryCliOptions & { kind?: ConceptKind; min: string }) => {
      const min = Number(opts.min);
      if (!Number.isInteger(min) || min < 1) throw new PaperKgError('E_OPTIONS', `--min: expected a positive integer, got "${opts.min}"`);
      return run(
        opts,
        (i) => queryShared(i, { kind: opts.kind, minPapers: min }),
        (a: ReturnType<typeof queryShared>) =>
          formatTable(
            ['concept', 'kind', 'papers', 'paper ids'],
            a.concepts.map((c) => [c.label, c.kind, String(c.papers), c.paperList.map((p) => p.id).join(' ')]),
            90,
          ),
      );
    });

  withCommon(query.command('similar').argument('<paper>', 'paper id (e.g. 2410.05261) or exact title'))
    .description('the nearest papers, with the shared concepts that explain why')
    .option('-n, --count <n>', 'how many', '10')
    .action((paper: string, opts: QueryCliOptions & { count: string }) =>
      run(
        opts,
        (i) => querySimilar(i, paper, Number(opts.count) || 10),
        (a: ReturnType<typeof querySimilar>) =>
          `${a.paper.title}\n` +
          formatTable(
            ['score', 'paper', 'shared concepts (rarest first)', 'title'],
            a.similar.map((s) => [s.score.toFixed(3), s.id, s.shared.map((c) => c.label).join(', '), s.title]),
            50,
          ),
      ),
    );

  withCommon(query.command('themes'))
    .description('the theme summaries')
    .action((opts: QueryCliOptions) =>
      run(
        opts,
        (i) => queryThemes(i),
        (themes: ReturnType<typeof queryThemes>) =>
          formatTable(
            ['id', 'papers', 'concepts', 'dates', 'name', 'top benchmarks'],
            themes.map((t) => [
              t.id,
              String(t.size),
              String(t.conceptCount),
              t.dateRange ? t.dateRange.join(' to ') : '',
              t.name,
              t.topBenchmarks.map((b) => `${b.label} (${b.papers})`).join(', '),
            ]),
            80,
          ),
      ),
    );

  withCommon(query.command('theme').argument('<theme>', 'theme id (t1, other) or name'))
    .description('one theme: its summary and papers')
    .action((name: string, opts: QueryCliOptions) =>
      run(
        opts,
        (i) => queryTheme(i, name),
        (a: ReturnType<typeof queryTheme>) => {
          const t = a.theme;
          const kinds = Object.entries(t.topConceptsByKind ?? {}).map(([k, list]) => `  ${k}: ${list!.map((c) => `${c.label} (${c.papers})`).join(', ')}`);
          return [
            `${t.id}: ${t.name} — ${t.size} papers, ${t.conceptCount} concepts${t.dateRange ? `, ${t.dateRange.join(' to ')}` : ''}`,
            ...(t.note ? [`note: ${t.note}`] : []),
            `keywords: ${(t.keywords.length ? t.keywords : t.topConcepts.map((c) => c.label)).join(', ')}`,
            'by kind:',
            ...kinds,
            `benchmarks: ${t.topBenchmarks.map((b) => `${b.label} (${b.papers})`).join(', ') || '-'}`,
            `years: ${t.years.map((y) => `${y.year} (${y.papers})`).join(', ') || '-'}`,
            `central: ${a.centralPapers.map((p) => `${p.id} ${p.title}`).join('; ') || '-'}`,
            `bridges to other themes: ${a.bridgePapers.map((p) => p.id).join(', ') || '-'}`,
            'neighbouring themes:',
            ...(t.neighbours.length
              ? t.neighbours.map(
                  (n) => `  ${n.theme} ${a.neighbourNames[n.theme] ?? ''} (${n.weight}): ${n.sharedConcepts.map((c) => c.label).join(', ') || '-'}`,
                )
              : ['  -']),
            '',
            formatTable(['paper', 'date', 'theme', 'title'], a.papers.map(paperCells)),
          ].join('\n');
        },
      ),
    );

  withCommon(query.command('both').argument('<a>', 'a concept').argument('<b>', 'another concept'))
    .description('papers using both concepts')
    .action((a: string, b: string, opts: QueryCliOptions) =>
      run(
        opts,
        (i) => queryBoth(i, a, b),
        (ans: ReturnType<typeof queryBoth>) =>
          `${ans.concepts[0].label} + ${ans.concepts[1].label}: ${ans.papers.length} paper(s)\n` +
          formatTable(['paper', 'date', 'theme', 'title'], ans.papers.map(paperCells)),
      ),
    );
}
