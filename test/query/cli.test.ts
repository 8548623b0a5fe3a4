// The build and query commands as a user runs them: data on stdout, messages on stderr, exit codes.
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const run = (...args: string[]) => runCli(args, { cwd: ROOT });

describe('paper-kg query', () => {
  it('--json prints the answer as JSON on stdout', async () => {
    const r = await run('query', 'benchmark', 'aime 2024', '--graph', 'graph', '--json');
    expect(r.status).toBe(0);
    const answer = JSON.parse(r.stdout);
    expect(answer.benchmark.label).toBe('AIME');
    expect(answer.papers.length).toBeGreaterThanOrEqual(2);
  });

  it('a table by default; an unknown name exits 1 with suggestions on stderr and nothing on stdout', async () => {
    const table = await run('query', 'themes', '--graph', 'graph');
    expect(table.status).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+papers\s+concepts/);
    const r = await run('query', 'benchmark', 'mmlu-prp', '--graph', 'graph');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/did you mean: MMLU-Pro/);
  });
});

describe('paper-kg build', () => {
  it('writes the five outputs and, with -q, prints nothing', async () => {
    const out = mkdtempSync(join(tmpdir(), 'paper-kg-cli-'));
    try {
      const r = await run('build', 'test/fixtures/hf-daily-papers-api/2024-06/2024-06-03.json', '--out', out, '-q', '--seed', '3');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('');
      for (const f of ['graph.json', 'graph.gexf', 'graph.graphml', 'nodes.csv', 'edges.csv']) expect(existsSync(join(out, f))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('fails with exit 1 and names the file when no input can be read', async () => {
    const r = await run('build', 'no-such-file.txt', '--out', join(tmpdir(), 'paper-kg-never'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no-such-file\.txt: cannot be read \(ENOENT\)/);
  });
});
