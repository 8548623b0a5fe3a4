// Blind audit support: a deterministic sample of mined keyphrases from a corpus, as a plain shuffled list of phrases.
// Usage: node --import tsx scripts/audit-phrases.ts <inputs…> [--n 200] [--seed 1] [--out phrases.txt] [--kinds]
//   e.g. the HF Daily Papers days 2025-10-01..17: ../shared/fixtures/hf-daily-papers-api/2025-10/2025-10-{01..17}.json
// NOTE: the list holds the phrase only (no kind, score or paper), one a line, so the auditor judges the phrase blind;
// --kinds writes "phrase<TAB>kind" instead, for checking the kind rule (not for the blind audit).
import { writeFileSync } from 'node:fs';
import { ingest } from '../src/ingest/index.ts';
import { fileSource } from '../src/io/files.ts';
import { extract } from '../src/extract/index.ts';
import { createRng } from '../src/graph/rng.ts';

const args = process.argv.slice(2);
const flags = new Map<string, string>();
const inputs: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--kinds') flags.set(a, '1');
  else if (a.startsWith('--')) flags.set(a, args[++i] ?? '');
  else inputs.push(a);
}
const n = Number(flags.get('--n') ?? 200);
const seed = Number(flags.get('--seed') ?? 1);
if (!inputs.length || !Number.isInteger(n) || n <= 0 || !Number.isInteger(seed)) {
  console.error('usage: audit-phrases.ts <inputs…> [--n 200] [--seed 1] [--out file] [--kinds]  (n, seed: integers, n > 0)');
  process.exit(2);
}

const { papers } = await ingest(inputs.map((f) => fileSource(f)));
const { concepts } = extract(papers);
// NOTE: concepts come sorted by id, so the sample depends only on the inputs and the seed.
const mined = concepts.filter((c) => c.source === 'mined');
const rng = createRng(seed);
// Fisher–Yates over a copy, then the first n: a uniform sample without replacement, already in shuffled order.
const order = mined.slice();
for (let i = order.length - 1; i > 0; i--) {
  const j = Math.floor(rng() * (i + 1));
  [order[i], order[j]] = [order[j]!, order[i]!];
}
const sample = order.slice(0, n);
const text = sample.map((c) => (flags.has('--kinds') ? `${c.label}\t${c.kind}` : c.label)).join('\n') + '\n';
const out = flags.get('--out');
if (out) writeFileSync(out, text);
else process.stdout.write(text);
console.error(`${papers.length} papers, ${mined.length} mined phrases, ${sample.length} sampled (seed ${seed})`);
