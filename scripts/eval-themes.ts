// Scores the themes against reference labels on three panels (AMI, pair coherence), next to a plain bag-of-words map.
// Usage: node --import tsx scripts/eval-themes.ts [--panels bundled,cs,snapshot] [--seeds 10] [--resolution r] [--names]
//        [--graph '{"neighbours":8}'] [--themes '{"mergeSmall":true}']   (option overrides, to measure a change)
//
// Panels: the bundled corpus with its gold topics (../shared/eval/gold-seed-dev.json + the proxy topics of the
// even-numbered papers, test/fixtures/eval/gold-heldout-corpus-even.json), 1,000 papers of an arXiv OAI-PMH cs listing
// and 200 of the arXiv OAI snapshot (labels: each paper's primary arXiv category, its first). NOTE: the labels are only
// used here, for scoring; nothing in the pipeline reads them.
import { readFileSync } from 'node:fs';
import { ingest } from '../src/ingest/index.ts';
import { fileSource } from '../src/io/files.ts';
import { extract } from '../src/extract/index.ts';
import { runPipeline } from '../src/pipeline.ts';
import { paperKey, createRng } from '../src/graph/index.ts';
import { adjustedMutualInformation, pairCoherence, bagOfWordsThemes } from '../src/themes/index.ts';
import type { Paper } from '../src/model/paper.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const panelNames = arg('--panels', 'bundled,cs,snapshot').split(',');
const seeds = Array.from({ length: Number(arg('--seeds', '10')) }, (_, i) => i + 1);
const resolution = args.includes('--resolution') ? Number(arg('--resolution', '1')) : undefined;
const graphOptions = JSON.parse(arg('--graph', '{}')) as Record<string, unknown>;
const themesOptions = JSON.parse(arg('--themes', '{}')) as Record<string, unknown>;

interface Panel {
  name: string;
  file: string;
  /** Reference labels of the scored papers: index into the papers, labels (the first one is what AMI uses). */
  labels: (papers: Paper[]) => Array<{ index: number; labels: string[] }>;
}

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const goldLabels = (files: string[]) => (papers: Paper[]) => {
  const byTitle = new Map(papers.map((p, i) => [norm(p.title), i]));
  const rows: Array<{ index: number; labels: string[] }> = [];
  for (const file of files) {
    for (const g of JSON.parse(readFileSync(file, 'utf8')) as Array<{ title: string; topics: string[] }>) {
      const index = byTitle.get(norm(g.title));
      // An unmatched record is reported, never silently dropped.
      if (index === undefined) process.stderr.write(`warning: gold paper not in the corpus: "${g.title}" (${file})\n`);
      else rows.push({ index, labels: g.topics });
    }
  }
  return rows;
};
const primaryCategory = (papers: Paper[]) => papers.flatMap((p, index) => (p.categories.length ? [{ index, labels: [p.categories[0]] }] : []));

const PANELS: Record<string, Panel> = {
  bundled: {
    name: 'bundled corpus, gold topics (109 papers)',
    file: 'graph/corpus/hf-daily-papers-fewer-tokens.txt',
    labels: goldLabels(['../shared/eval/gold-seed-dev.json', 'test/fixtures/eval/gold-heldout-corpus-even.json']),
  },
  cs: { name: 'arXiv OAI-PMH cs page, primary category', file: 'test/fixtures/eval-panels/listrecords-cs-page094.xml', labels: primaryCategory },
  snapshot: {
    name: 'arXiv OAI snapshot sample, primary category',
    file: 'test/fixtures/eval-panels/arxiv-metadata-oai-snapshot.head.jsonl',
    labels: primaryCategory,
  },
};

const stats = (xs: number[]): string => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${mean.toFixed(3)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
};
const lines: string[] = [
  `| panel | papers scored | map | themes (mean) | "other" | AMI, seeds ${seeds[0]}–${seeds.at(-1)}: mean (min–max) | pair coherence |`,
  '|---|---|---|---|---|---|---|',
];
for (const key of panelNames) {
  const panel = PANELS[key];
  if (!panel) throw new Error(`--panels: unknown panel "${key}"; expected some of ${Object.keys(PANELS).join(', ')}`);
  const { papers } = await ingest([fileSource(panel.file)]);
  const rows = panel.labels(papers);
  const first = rows.map((r) => r.labels[0]);
  const all = rows.map((r) => r.labels);
  const extraction = extract(papers);
  const ours = { ami: [] as number[], pc: [] as number[], themes: [] as number[], other: [] as number[], resolution: [] as number[] };
  const bow = { ami: [] as number[], pc: [] as number[], themes: [] as number[] };
  const texts = papers.map((p) => `${p.title}. ${p.abstract}`);
  for (const seed of seeds) {
    const run = runPipeline(
      papers,
      {
        seed,
        ...(resolution !== undefined ? { resolution } : {}),
        graph: graphOptions,
        themes: themesOptions,
        layout: { iterations: 0, noverlapIterations: 0 },
      },
      extraction,
    );
    const o = rows.map((r) => run.themes.paperTheme.get(paperKey(papers[r.index].id))!);
    ours.ami.push(adjustedMutualInformation(o, first));
    ours.pc.push(pairCoherence(o, all) ?? 0);
    ours.themes.push(run.themes.themes.filter((t) => t.id !== 'other').length);
    ours.other.push((run.themes.themes.find((t) => t.id === 'other')?.size ?? 0) / papers.length);
    ours.resolution.push(run.themes.resolution);
    const b = bagOfWordsThemes(texts, createRng(seed), 5, 1);
    const bb = rows.map((r) => b[r.index]);
    bow.ami.push(adjustedMutualInformation(bb, first));
    bow.pc.push(pairCoherence(bb, all) ?? 0);
    bow.themes.push(new Set(b).size);
    if (args.includes('--names') && seed === seeds[0]) {
      process.stderr.write(`\n${panel.name} (seed ${seed}, resolution ${run.themes.resolution}):\n`);
      for (const t of run.themes.themes) process.stderr.write(`  ${t.id} (${t.size}) ${t.name}\n`);
    }
  }
  const mean = (xs: number[]): number => xs.reduce((a, c) => a + c, 0) / xs.length;
  const res = [...new Set(ours.resolution)].sort((a, c) => a - c).join('/');
  lines.push(
    `| ${panel.name} | ${rows.length} | **paper-kg** (resolution ${resolution ?? `chosen: ${res}`}) | ${mean(ours.themes).toFixed(1)} | ${(100 * mean(ours.other)).toFixed(1)} % | **${stats(ours.ami)}** | ${stats(ours.pc)} |`,
  );
  lines.push(`| | | bag of words (TF-IDF, 5-NN, Louvain) | ${mean(bow.themes).toFixed(1)} | – | ${stats(bow.ami)} | ${stats(bow.pc)} |`);
  process.stderr.write(`${key} done\n`);
}
process.stdout.write(
  `${lines.join('\n')}\n\nAMI: against each paper's first label (chance-corrected). Pair coherence: share of same-theme pairs of scored papers sharing a label.\n`,
);
