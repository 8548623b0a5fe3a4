// `paper-kg fetch hf|arxiv`: downloads a listing, saves it as received, and prints what ingest makes of it.
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { fetchArxivQuery, fetchHfDay, ARXIV_SORT_BY, ARXIV_SORT_ORDER, type FetchOptions } from '../fetch/index.ts';
import { ingest } from '../ingest/index.ts';
import type { FormatName } from '../ingest/types.ts';
import { textSource, writeFileAtomic } from '../io/files.ts';
import { PaperKgError } from '../errors.ts';
import { fail, info, type CommonOptions } from './shared.ts';
import { cliIo } from './io.ts';

interface FetchCliOptions extends CommonOptions {
  out?: string;
  baseUrl?: string;
  timeout?: string;
  retries?: string;
  contact?: string;
}

const ARXIV_MIN_DELAY_MS = 3000;

function intOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new PaperKgError('E_OPTIONS', `${name}: expected a whole number, got "${value}"`);
  return Number(value);
}

function addCommonFetchOptions(cmd: Command): Command {
  return cmd
    .option('-o, --out <file>', 'save the response here (default: print it on stdout)')
    .option('--timeout <ms>', 'time limit per request', '30000')
    .option('--retries <n>', 'extra attempts after 429, 5xx, timeouts and network errors', '4')
    .option('--contact <email-or-url>', 'added to the User-Agent so the service can reach you (default: $PAPER_KG_CONTACT)')
    .addOption(new Option('--base-url <url>', 'talk to this server instead of the real one (tests, mirrors)').hideHelp())
    .option('-q, --quiet', 'print nothing but errors');
}

function commonOptions(opts: FetchCliOptions): Partial<FetchOptions> {
  return {
    timeoutMs: intOption('--timeout', opts.timeout),
    retries: intOption('--retries', opts.retries),
    contact: opts.contact ?? (cliIo().env.PAPER_KG_CONTACT || undefined),
  };
}

/** Saves or prints the data, then reads it back through ingest and reports the counts on stderr. */
async function deliver(opts: FetchCliOptions, name: string, data: string, format: FormatName): Promise<void> {
  if (opts.out) await writeFileAtomic(opts.out, data);
  else cliIo().stdout.write(data);
  const r = await ingest([textSource(opts.out ? basename(opts.out) : name, data)], { format });
  for (const m of r.messages)
    if (m.level === 'error' || !opts.quiet) cliIo().stderr.write(`${m.level}: ${m.index !== undefined ? `record ${m.index}: ` : ''}${m.message}\n`);
  for (const f of r.files) {
    info(
      opts,
      f.error ? `${f.file}: FAILED (${f.error.code})` : `${f.file}: ${f.format}: read ${f.read}, parsed ${f.parsed}, merged ${f.merged}, skipped ${f.skipped}`,
    );
  }
  info(opts, `${r.papers.length} papers${opts.out ? ` saved in ${opts.out}` : ''}`);
}

async function run(opts: FetchCliOptions, body: () => Promise<void>): Promise<void> {
  try {
    if (!opts.contact && !cliIo().env.PAPER_KG_CONTACT && !opts.baseUrl)
      info(opts, 'tip: pass --contact <email> (or set PAPER_KG_CONTACT) so the service can reach you');
    await body();
  } catch (err) {
    if (err instanceof PaperKgError) fail(err.message);
    else throw err;
  }
}

export function registerFetch(program: Command): void {
  const fetch = program.command('fetch').description('download a listing (HF Daily Papers day, arXiv API query), save it, and summarise it');

  addCommonFetchOptions(
    fetch
      .command('hf')
      .description('one day of Hugging Face Daily Papers (GET huggingface.co/api/daily_papers?date=…), saved as JSON')
      .requiredOption('--date <YYYY-MM-DD>', 'the listing day'),
  ).action((opts: FetchCliOptions & { date: string }) =>
    run(opts, async () => {
      const res = await fetchHfDay(opts.date, { ...commonOptions(opts), ...(opts.baseUrl ? { hfBaseUrl: opts.baseUrl } : {}) }, { log: (m) => info(opts, m) });
      info(opts, `${res.url}: ${res.count} papers`);
      await deliver(opts, `hf-daily-papers-${opts.date}.json`, res.body, 'hf-api-json');
    }),
  );

  addCommonFetchOptions(
    fetch
      .command('arxiv')
      .description('results of an arXiv API query (GET export.arxiv.org/api/query), paged politely, saved as Atom XML')
      .requiredOption('--query <search_query>', 'arXiv search query, e.g. "cat:cs.LG AND abs:graph"')
      .option('--max <n>', 'most results to fetch', '100')
      .option('--page-size <n>', 'results per request (≤ 100)', '100')
      .option('--delay <ms>', `pause between requests (≥ ${ARXIV_MIN_DELAY_MS}, as arXiv asks)`, String(ARXIV_MIN_DELAY_MS))
      .addOption(new Option('--sort <by>', 'sort results by').choices([...ARXIV_SORT_BY]))
      .addOption(new Option('--order <order>', 'sort order').choices([...ARXIV_SORT_ORDER])),
  ).action(
    (
      opts: FetchCliOptions & {
        query: string;
        max: string;
        pageSize: string;
        delay: string;
        sort?: (typeof ARXIV_SORT_BY)[number];
        order?: (typeof ARXIV_SORT_ORDER)[number];
      },
    ) =>
      run(opts, async () => {
        const delay = intOption('--delay', opts.delay)!;
        // NOTE: a shorter pause is only for servers other than arXiv's (tests, mirrors): arXiv asks for 3 s.
        if (delay < ARXIV_MIN_DELAY_MS && !opts.baseUrl)
          throw new PaperKgError('E_OPTIONS', `--delay: arXiv asks for at least ${ARXIV_MIN_DELAY_MS} ms between requests, got ${delay}`);
        const res = await fetchArxivQuery(
          { query: opts.query, max: intOption('--max', opts.max)!, sortBy: opts.sort, sortOrder: opts.order },
          {
            ...commonOptions(opts),
            pageDelayMs: delay,
            pageSize: intOption('--page-size', opts.pageSize),
            ...(opts.baseUrl ? { arxivBaseUrl: opts.baseUrl } : {}),
          },
          { log: (m) => info(opts, m) },
        );
        info(opts, `arXiv: ${res.entries} entries in ${res.pages.length} page(s) (${res.totalResults ?? '?'} match the query)`);
        await deliver(opts, 'arxiv-query.xml', res.pages.join(''), 'arxiv-atom');
      }),
  );
}
