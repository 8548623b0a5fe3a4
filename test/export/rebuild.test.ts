// The committed build of the bundled corpus (graph/) equals a fresh build, byte for byte.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToDirectory } from '../../src/io/build.ts';
import { OUTPUT_FILES } from '../../src/export/index.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('graph/ (the committed build of the bundled corpus)', () => {
  it('is reproduced byte for byte by "paper-kg build graph/corpus/hf-daily-papers-fewer-tokens.txt --out graph"', async () => {
    const out = mkdtempSync(join(tmpdir(), 'paper-kg-rebuild-'));
    try {
      const summary = await buildToDirectory({ inputs: [join(ROOT, 'graph/corpus/hf-daily-papers-fewer-tokens.txt')], out });
      expect(summary.papers).toBe(109);
      // manifest.json too: its sha256 of every file must be the committed files' (a reader refuses a mixed build).
      for (const name of [...OUTPUT_FILES, 'papers.jsonl', 'manifest.json']) {
        const fresh = readFileSync(join(out, name), 'utf8');
        const committed = readFileSync(join(ROOT, 'graph', name), 'utf8');
        // NOTE: compared as strings but with a short message: a full diff of a 700 KB file helps nobody.
        expect(fresh === committed, `${name} differs from the committed graph/${name}: rebuild it (see README, "Build and exports") and commit`).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
