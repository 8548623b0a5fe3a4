// The naming rules on real themes: every theme name of three real corpora is a short phrase of content words.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { STOPWORDS } from '../../src/graph/text.ts';
import { isNameablePhrase, NAME_CONNECTIVES } from '../../src/themes/naming.ts';
import type { GraphJson } from '../../src/model/graph-json.ts';

const ROOT = join(import.meta.dirname, '../..');
const CORPUS_FILE = 'graph/corpus/hf-daily-papers-fewer-tokens.txt';
const PANELS = [CORPUS_FILE, 'test/fixtures/eval-panels/listrecords-cs-page094.xml', 'test/fixtures/eval-panels/arxiv-metadata-oai-snapshot.head.jsonl'];

describe.each(PANELS)('theme names of %s', (file) => {
  it('are phrases of content words joined by a connective: no stoplist word, no prose fragment, no dots, all distinct', async () => {
    let themes: Array<{ id: string; name: string }>;
    // NOTE: the bundled corpus's themes are those of the shared build (test/support/corpus-build.global.ts: the same
    // pipeline, default seed 42; the layout draws from its own stream), not computed a second time.
    if (file === CORPUS_FILE) themes = (JSON.parse(readFileSync(join(inject('corpusBuild'), 'graph.json'), 'utf8')) as GraphJson).themes;
    else {
      const { papers } = await ingest([fileSource(join(ROOT, file))]);
      themes = runPipeline(papers, { seed: 42, layout: { iterations: 0, noverlapIterations: 0 } }).themes.themes;
    }
    const named = themes.filter((t) => t.id !== 'other');
    expect(named.length).toBeGreaterThan(3);
    expect(new Set(named.map((t) => t.name)).size).toBe(named.length);
    let placeholders = 0;
    for (const t of named) {
      if (/^Theme t\d+$/.test(t.name)) {
        placeholders++;
        continue;
      }
      expect(t.name).not.toMatch(/·/);
      const words = t.name
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      expect(words.length).toBeLessThanOrEqual(9);
      for (const w of words) if (!NAME_CONNECTIVES.has(w)) expect(STOPWORDS.has(w), `"${w}" in "${t.name}"`).toBe(false);
      const phrases = t.name.split(/ (?:in|for|on|and) /);
      expect(phrases.length).toBeLessThanOrEqual(2);
      for (const p of phrases) expect(isNameablePhrase(p), `"${p}" of "${t.name}"`).toBe(true);
    }
    expect(placeholders / named.length).toBeLessThanOrEqual(0.1);
  }, 60_000);
});
