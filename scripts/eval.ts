// Scores concept extraction against the gold labels: precision / recall / F1 per kind, then every miss and false hit.
// Usage: node --import tsx scripts/eval.ts [--gold file.json] [--corpus file.txt] [--quiet]
import { readFileSync } from 'node:fs';
import { ingest } from '../src/ingest/index.ts';
import { fileSource } from '../src/io/files.ts';
import { extract } from '../src/extract/index.ts';
import { scoreExtraction, SCORED_KINDS, type GoldRecord } from '../src/extract/score.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const goldPath = arg('--gold', '../shared/eval/gold-seed-dev.json');
const corpusPath = arg('--corpus', 'graph/corpus/hf-daily-papers-fewer-tokens.txt');
const quiet = args.includes('--quiet');

// ---- inputs
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldRecord[];
const { papers } = await ingest([fileSource(corpusPath)]);

// ---- extraction and scoring
const t0 = performance.now();
const result = extract(papers);
const ms = performance.now() - t0;
const scores = scoreExtraction(gold, result.papers);

// ---- report
const pct = (x: number): string => x.toFixed(3);
process.stdout.write(`Concept extraction vs ${goldPath} (${gold.length} papers; ${papers.length} extracted in ${ms.toFixed(0)} ms)\n\n`);
process.stdout.write('kind         P      R      F1     predicted  gold\n');
for (const k of SCORED_KINDS) {
  const s = scores[k];
  process.stdout.write(`${k.padEnd(11)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.predicted).padStart(9)}  ${String(s.gold).padStart(4)}\n`);
}
if (!quiet) {
  for (const k of SCORED_KINDS) {
    const s = scores[k];
    process.stdout.write(`\n## ${k}: ${s.misses.length} misses\n${s.misses.map((m) => '  - ' + m).join('\n')}\n`);
    process.stdout.write(`## ${k}: ${s.falseHits.length} false hits\n${s.falseHits.map((m) => '  + ' + m).join('\n')}\n`);
  }
}
