// Compares the npm part-of-speech taggers considered for keyphrase chunks: speed (MB/s of CPU time) over real abstracts.
// Usage: node --import tsx scripts/bench/taggers.ts   (the bundled corpus + HF Daily Papers 2025-10-01..17)
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import nlp from 'compromise';

const SHARED = '../shared';
const sources = [fileSource(join(SHARED, 'corpus/hf-daily-papers-fewer-tokens.txt'))];
const dir = join(SHARED, 'fixtures/hf-daily-papers-api/2025-10');
// NOTE: only the days allowed for rules (01..17); the later days are kept blind.
for (const f of readdirSync(dir).sort()) if (f >= '2025-10-01' && f < '2025-10-18') sources.push(fileSource(join(dir, f)));
const papers = (await ingest(sources)).papers;
const texts = papers.flatMap((p) => [p.title, p.abstract]);
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);

function time(name: string, fn: () => number): void {
  fn(); // warm-up
  const t0 = process.cpuUsage();
  const tokens = fn();
  const u = process.cpuUsage(t0);
  const s = (u.user + u.system) / 1e6;
  console.log(`${name}: ${s.toFixed(2)} CPU s, ${(bytes / 1e6 / s).toFixed(2)} MB/s, ${tokens} tokens`);
}
console.log(`${papers.length} papers, ${(bytes / 1e6).toFixed(2)} MB`);
const wink = winkNLP(model);
const its = wink.its;
time('wink-nlp + wink-eng-lite-web-model (pos)', () => {
  let n = 0;
  for (const t of texts) n += wink.readDoc(t).tokens().out(its.pos).length;
  return n;
});
time('compromise (terms + tags)', () => {
  let n = 0;
  for (const t of texts) n += nlp(t).terms().json().length;
  return n;
});
