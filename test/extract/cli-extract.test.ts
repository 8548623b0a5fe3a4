// `paper-kg extract`: the --json output shape, and a bad --vocabulary file as a clear error with exit code 1.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.ts';

const CORPUS = 'graph/corpus/hf-daily-papers-fewer-tokens.txt';

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = await runCli(['extract', ...args]);
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('paper-kg extract', () => {
  it('--json prints one object per paper: {id, title, concepts[{id,label,kind,aliases,source,spans}], results}', async () => {
    const { stdout, code } = await cli([CORPUS, '--json', '-q']);
    expect(code).toBe(0);
    const papers = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(papers).toHaveLength(109);
    const first = papers[0] as { id: string; title: string; concepts: Array<Record<string, unknown>>; results: Array<Record<string, unknown>> };
    expect(Object.keys(first)).toEqual(['id', 'title', 'concepts', 'results']);
    const ocr = first.concepts.find((c) => c.id === 'ocrbench')!;
    expect(ocr).toMatchObject({ label: 'OCRBench', kind: 'benchmark', source: 'vocabulary' });
    expect((ocr.spans as unknown[])[0]).toMatchObject({ field: 'abstract', text: 'OCRBench' });
    expect(first.results[3]).toMatchObject({ benchmark: 'ocrbench', metric: 'accuracy', value: 78.4, unit: '%', delta: false });
  });
  it('a bad --vocabulary file fails with a message naming the entry and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pkg-vocab-'));
    try {
      const file = join(dir, 'mine.json');
      writeFileSync(file, JSON.stringify({ version: 1, concepts: [{ label: 'Zorblax', kind: 'gadget' }] }));
      const { stdout, stderr, code } = await cli([CORPUS, '--json', '--vocabulary', file]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/mine\.json: concept #0 "Zorblax": kind: /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
