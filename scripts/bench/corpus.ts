// Synthetic corpora for the pipeline bench: papers resampled sentence by sentence from the real abstracts in ../shared.
import { createWriteStream, readdirSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import type { Paper } from '../../src/model/paper.ts';
import { createRng } from '../../src/graph/rng.ts';

const SHARED = join(import.meta.dirname, '../../../shared');

/** Every listing file of the real corpus and the fixtures that hold abstracts (SOURCE.txt and malformed/ left out). */
function realFiles(): string[] {
  const files = [join(SHARED, 'corpus/hf-daily-papers-fewer-tokens.txt')];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'malformed') walk(path);
      } else if (name !== 'SOURCE.txt') files.push(path);
    }
  };
  for (const d of ['hf-daily-papers-api', 'arxiv-atom-api', 'arxiv-oai-pmh-cs', 'arxiv-oai-snapshot-sample', 'hf-papers-html', 'zotero-bibtex-ml'])
    walk(join(SHARED, 'fixtures', d));
  return files.filter((f) => !f.endsWith('My_Library.csv')); // the same library as My_Library.bib
}

/** The real papers with a usable abstract. */
export async function realPapers(): Promise<Paper[]> {
  const { papers } = await ingest(realFiles().map(fileSource));
  return papers.filter((p) => p.abstract.length > 200);
}

/**
 * Writes `n` synthetic papers as JSON Lines (paper-kg's jsonl reader reads them), dated over 2022–2025. NOTE: abstracts
 * are 5–10 sentences drawn from the real abstracts (not whole abstracts copied), so phrase statistics stay realistic
 * while texts differ; titles join the head of one real title to the tail of another and must be unique, or ingest would
 * rightly merge them as one paper.
 */
export async function writeSyntheticCorpus(path: string, n: number, seed: number, real: Paper[]): Promise<{ bytes: number }> {
  const rng = createRng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng() * xs.length)]!;
  const sentences = real.flatMap((p) => p.abstract.split(/(?<=[.!?])\s+(?=[A-Z])/)).filter((s) => s.length > 20);
  const heads: string[] = [];
  const tails: string[] = [];
  for (const p of real) {
    const t = p.title.replace(/\s+/g, ' ').trim();
    const colon = t.indexOf(': ');
    if (colon > 0) {
      heads.push(t.slice(0, colon));
      tails.push(t.slice(colon + 2));
    } else {
      const words = t.split(' ');
      const cut = Math.max(1, Math.floor(words.length / 2));
      heads.push(words.slice(0, cut).join(' '));
      tails.push(words.slice(cut).join(' ') || t);
    }
  }
  const authors = real.map((p) => p.authors.names).filter((a) => a.length > 0);
  const seen = new Set<string>();
  const out = createWriteStream(path);
  let bytes = 0;
  const start = Date.UTC(2022, 0, 1);
  const days = 4 * 365;
  for (let i = 0; i < n; i++) {
    let title = `${pick(heads)}: ${pick(tails)}`;
    while (seen.has(title.toLowerCase())) title = `${pick(heads)} with ${pick(heads)}: ${pick(tails)}`;
    seen.add(title.toLowerCase());
    const k = 5 + Math.floor(rng() * 6);
    const parts: string[] = [];
    for (let s = 0; s < k; s++) parts.push(pick(sentences));
    const date = new Date(start + Math.floor(rng() * days) * 86_400_000).toISOString().slice(0, 10);
    const line = JSON.stringify({ id: `bench-${seed}-${i}`, title, abstract: parts.join(' '), authors: pick(authors), date }) + '\n';
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { bytes };
}
