// The committed build of the bundled corpus (graph/) equals a fresh build, byte for byte.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_FILES } from '../../src/export/index.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('graph/ (the committed build of the bundled corpus)', () => {
  it('is reproduced byte for byte by "paper-kg build graph/corpus/hf-daily-papers-fewer-tokens.txt --out graph"', () => {
    // The shared build of test/support/corpus-build.global.ts: buildToDirectory on the corpus with default options.
    const out = inject('corpusBuild');
    expect(JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8')).meta.papers).toBe(109);
    // manifest.json too: its sha256 of every file must be the committed files' (a reader refuses a mixed build).
    for (const name of [...OUTPUT_FILES, 'papers.jsonl', 'first-frame.json', 'manifest.json']) {
      const fresh = readFileSync(join(out, name), 'utf8');
      const committed = readFileSync(join(ROOT, 'graph', name), 'utf8');
      // NOTE: compared as strings but with a short message: a full diff of a 700 KB file helps nobody.
      expect(fresh === committed, `${name} differs from the committed graph/${name}: rebuild it (see docs/formats.md) and commit`).toBe(true);
    }
  });
});
