// Scores concept extraction against the gold labels: precision / recall / F1 per kind, then every miss and false hit.
// Usage: node --import tsx scripts/eval.ts [--gold file.json --corpus file[,file…]] [--quiet]
// Without --gold: the dev set (../shared/eval/) with its misses, then the proxy held-out sets of test/fixtures/eval/.
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
const corpusPaths = arg('--corpus', 'graph/corpus/hf-daily-papers-fewer-tokens.txt').split(',');
const quiet = args.includes('--quiet');
// NOTE: hand-made by us, blind to the extractor (test/fixtures/eval/SOURCE.txt): an estimate on text the rules were not
// written from, not the official held-out set. Printed without their misses, so that nobody tunes on them by reading.
// NOTE: labelled by hand by the writer of the name rules (issue 10, docs/incoming/recall.md) from days the rules may be
// written from: a dev set, printed with its misses, not an estimate on unseen text.
const DEV = [
  {
    gold: 'test/fixtures/eval/gold-dev-pool-2025-10.json',
    corpus: ['15', '16'].map((d) => `test/fixtures/hf-daily-papers-api/2025-10/2025-10-${d}.json`),
  },
  {
    // The 117 papers of 2025-10-01, 02, 03, 06, labelled before the extractor was run on them
    // (test/fixtures/eval/SOURCE-dev-pool-early.txt).
    gold: 'test/fixtures/eval/gold-dev-pool-2025-10-early.json',
    corpus: ['01', '02', '03', '06'].map((d) => `test/fixtures/hf-daily-papers-api/2025-10/2025-10-${d}.json`),
  },
  {
    // 40 ML abstracts of 2016 (OAI page 093, the page before the blind 094), labelled before the extractor was run on
    // them: the readable ground for names in older ML prose (test/fixtures/eval/SOURCE-dev-oai-cs.txt).
    gold: 'test/fixtures/eval/gold-dev-oai-cs-2016.json',
    corpus: ['test/fixtures/arxiv-oai-pmh-cs/listrecords-cs-page093-dev40.xml'],
  },
  {
    // 51 papers of HF 2025-10-07..09 (the first 17 of each day), labelled before the extractor was run on them: fresh
    // ground for metric rules once the dev pool stopped showing misses (test/fixtures/eval/SOURCE-dev-pool-mid.txt).
    gold: 'test/fixtures/eval/gold-dev-pool-2025-10-mid.json',
    corpus: ['07', '08', '09'].map((d) => `test/fixtures/hf-daily-papers-api/2025-10/2025-10-${d}.json`),
  },
];
const HELD_OUT = [
  { gold: 'test/fixtures/eval/gold-heldout-corpus-even.json', corpus: ['graph/corpus/hf-daily-papers-fewer-tokens.txt'] },
  {
    gold: 'test/fixtures/eval/gold-heldout-hf-2025-03.json',
    corpus: ['03', '04', '05', '06', '07'].map((d) => `test/fixtures/hf-daily-papers-api/2025-03/2025-03-${d}.json`),
  },
  {
    // NOTE: a month never read for rules (issue 10); rule writers keep to 2025-10-01..17.
    gold: 'test/fixtures/eval/gold-heldout-hf-2025-10.json',
    corpus: ['20', '21', '22', '23', '24', '27', '28', '29', '30', '31'].map((d) => `test/fixtures/hf-daily-papers-api/2025-10/2025-10-${d}.json`),
  },
  {
    // Named datasets in 2016 ML abstracts: the proxy of the external annotated set (benchmarks row = datasets ∪ benchmarks).
    gold: 'test/fixtures/eval/gold-heldout-datasets-oai-cs.json',
    corpus: ['test/fixtures/arxiv-oai-pmh-cs/listrecords-cs-page094.xml'],
  },
];

async function evaluate(goldFile: string, corpus: string[], showMisses: boolean): Promise<void> {
  const gold = JSON.parse(readFileSync(goldFile, 'utf8')) as GoldRecord[];
  const { papers } = await ingest(corpus.map((f) => fileSource(f)));
  const t0 = performance.now();
  const result = extract(papers);
  const ms = performance.now() - t0;
  const scores = scoreExtraction(gold, result.papers);

  const pct = (x: number): string => x.toFixed(3);
  process.stdout.write(`Concept extraction vs ${goldFile} (${gold.length} papers; ${papers.length} extracted in ${ms.toFixed(0)} ms)\n\n`);
  process.stdout.write('kind         P      R      F1     predicted  gold\n');
  for (const k of SCORED_KINDS) {
    const s = scores[k];
    process.stdout.write(
      `${k.padEnd(11)}  ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}  ${String(s.predicted).padStart(9)}  ${String(s.gold).padStart(4)}\n`,
    );
  }
  if (showMisses) {
    for (const k of SCORED_KINDS) {
      const s = scores[k];
      process.stdout.write(`\n## ${k}: ${s.misses.length} misses\n${s.misses.map((m) => '  - ' + m).join('\n')}\n`);
      process.stdout.write(`## ${k}: ${s.falseHits.length} false hits\n${s.falseHits.map((m) => '  + ' + m).join('\n')}\n`);
    }
  }
}

await evaluate(goldPath, corpusPaths, !quiet);
if (!args.includes('--gold')) {
  for (const d of DEV) {
    process.stdout.write('\nDev set (labelled by the rule writer, NOT blind; misses printed to work from):\n');
    await evaluate(d.gold, d.corpus, !quiet);
  }
  for (const h of HELD_OUT) {
    process.stdout.write('\nProxy held-out set (hand-made blind to the extractor; see test/fixtures/eval/SOURCE.txt):\n');
    await evaluate(h.gold, h.corpus, false);
  }
}
