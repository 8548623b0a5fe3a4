// `paper-kg ingest` as a user runs it: JSON Lines on stdout, counts on stderr, --out, --quiet, exit codes, --help.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaperSchema } from '../../src/model/paper.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const FIX = join(ROOT, 'test/fixtures');
const HTML = join(FIX, 'hf-papers-html/huggingface_papers_2024-08-01.html');
const CSV = join(FIX, 'zotero-bibtex-ml/My_Library.csv');
const DAY = join(FIX, 'hf-daily-papers-api/2024-06/2024-06-03.json');
const REPR = join(FIX, 'hf-daily-papers-api/malformed/2024-12-11.json');
let dir: string;

async function run(...args: string[]) {
  const r = await runCli(['ingest', ...args], { cwd: ROOT });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function papersOf(jsonl: string) {
  expect(jsonl.endsWith('\n')).toBe(true);
  return jsonl
    .trimEnd()
    .split('\n')
    .map((line) => PaperSchema.parse(JSON.parse(line)));
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'paper-kg-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('paper-kg ingest', () => {
  it('prints one valid paper per line on stdout and the counts per file on stderr', async () => {
    const r = await run(HTML, DAY, CSV);
    expect(r.code).toBe(0);
    const papers = papersOf(r.stdout);
    // 13 + 6 + 217 records, one Zotero duplicate merged.
    expect(papers).toHaveLength(235);
    expect(papers[0].title).toBe('The Llama 3 Herd of Models');
    expect(new Set(papers.map((p) => p.id)).size).toBe(235);
    expect(r.stderr).toContain('huggingface_papers_2024-08-01.html: hf-html: read 13, parsed 13, merged 0, skipped 0\n');
    expect(r.stderr).toContain('2024-06-03.json: hf-api-json: read 6, parsed 6, merged 0, skipped 0\n');
    expect(r.stderr).toContain('My_Library.csv: csv: read 217, parsed 217, merged 1, skipped 0\n');
    expect(r.stderr).toContain('235 papers from 3 file(s)\n');
  });

  it('writes --out instead of stdout, and --quiet prints nothing on success', async () => {
    const out = join(dir, 'sub/papers.jsonl');
    const r = await run('--quiet', '--out', out, HTML);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(
      papersOf(await readFile(out, 'utf8'))
        .map((p) => p.id)
        .slice(0, 2),
    ).toEqual(['2407.21783', '2407.21705']);
  });

  it('exits 1 with one broken input among good ones, still printing the good papers', async () => {
    const r = await run(HTML, REPR, DAY);
    expect(r.code).toBe(1);
    expect(papersOf(r.stdout)).toHaveLength(19);
    expect(r.stderr).toMatch(/^error: 2024-12-11\.json: the array holds Python repr strings/m);
    expect(r.stderr).toContain('2024-12-11.json: FAILED (E_FORMAT_MALFORMED)\n');
    expect(r.stderr).toContain('19 papers from 3 file(s)\n');
    // --quiet keeps the errors.
    const q = await run('-q', REPR, HTML);
    expect(q.code).toBe(1);
    expect(q.stderr).toMatch(/^error: 2024-12-11\.json: .*Python repr strings/);
    expect(q.stderr).not.toContain('papers from');
  });

  it('reads a TSV through --field-map, and refuses a bad option without a stack trace', async () => {
    const tsv = join(dir, 'list.tsv');
    await writeFile(tsv, 'Paper\tAbstract Note\tWho\nA Mapped Title\tAn abstract.\tDoe, Jane; Roe, Rick\n');
    const r = await run('--field-map', 'title=Paper,authors=Who', tsv);
    expect(r.code).toBe(0);
    expect(papersOf(r.stdout)).toEqual([
      expect.objectContaining({
        title: 'A Mapped Title',
        abstract: 'An abstract.',
        authors: { names: ['Jane Doe', 'Rick Roe'] },
        provenance: [{ file: 'list.tsv', format: 'csv', line: 2, index: 0 }],
      }),
    ]);
    const bad = await run('--field-map', 'colour=Paper', tsv);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(
      'paper-kg: invalid ingest options: fieldMap: Unrecognized key: "colour" (--field-map takes id, title, abstract, authors, date, url, doi, categories)\n',
    );
  });

  it('--help describes the command and its options', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: paper-kg ingest [options] <inputs...>');
    for (const opt of ['--out <file>', '--format <name>', '--listing-date', '--field-map <pairs>', '--quiet']) expect(r.stdout).toContain(opt);
  });
});
