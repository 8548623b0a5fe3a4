// Scores the themes against the gold topics (AMI, pair coherence) next to a plain bag-of-words map, and checks research lines.
// Usage: node --import tsx scripts/eval-themes.ts [--gold file.json] [--corpus file.txt] [--resolution r] [--seed n] [--members]
import { readFileSync } from 'node:fs';
import { ingest } from '../src/ingest/index.ts';
import { fileSource } from '../src/io/files.ts';
import { runPipeline } from '../src/pipeline.ts';
import { paperKey, createRng } from '../src/graph/index.ts';
import { adjustedMutualInformation, pairCoherence, bagOfWordsThemes } from '../src/themes/index.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const goldPath = arg('--gold', '../shared/eval/gold-seed-dev.json');
const corpusPath = arg('--corpus', 'graph/corpus/hf-daily-papers-fewer-tokens.txt');
const resolution = Number(arg('--resolution', '1'));
const seed = Number(arg('--seed', '42'));

interface GoldTopics {
  title: string;
  topics: string[];
}
const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldTopics[];
const { papers } = await ingest([fileSource(corpusPath)]);
const ctx = runPipeline(papers, { resolution, seed });

// Gold records match papers by exact title; an unmatched record is reported, never silently dropped.
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const byTitle = new Map(papers.map((p, i) => [norm(p.title), i]));
const rows: Array<{ index: number; topics: string[] }> = [];
for (const g of gold) {
  const index = byTitle.get(norm(g.title));
  if (index === undefined) process.stderr.write(`warning: gold paper not in the corpus: "${g.title}"\n`);
  else rows.push({ index, topics: g.topics });
}

// NOTE: the proxy gold of the even-numbered papers (ours, blind to the extractor: test/fixtures/eval/SOURCE.txt) doubles
// the annotated papers, so a difference of a few hundredths is less likely to be one paper moving.
const PROXY = 'test/fixtures/eval/gold-heldout-corpus-even.json';
const allRows = [...rows];
if (goldPath.endsWith('gold-seed-dev.json')) {
  for (const g of JSON.parse(readFileSync(PROXY, 'utf8')) as GoldTopics[]) {
    const index = byTitle.get(norm(g.title));
    if (index !== undefined) allRows.push({ index, topics: g.topics });
  }
}
const firstTopic = rows.map((r) => r.topics[0] ?? '');
const topics = rows.map((r) => r.topics);
const ours = rows.map((r) => ctx.themes.paperTheme.get(paperKey(papers[r.index].id))!);
const baselineAll = bagOfWordsThemes(papers.map((p) => `${p.title}. ${p.abstract}`), createRng(seed), 5, 1);
const baseline = rows.map((r) => baselineAll[r.index]);

const f = (x: number | null): string => (x === null ? '  n/a' : x.toFixed(3));
const clusters = (labels: Array<string | number>): number => new Set(labels).size;
process.stdout.write(`Themes vs gold topics of ${goldPath} (${rows.length} of ${papers.length} papers annotated; seed ${seed}, resolution ${resolution})\n\n`);
process.stdout.write('map                                   clusters  AMI    pair coherence\n');
process.stdout.write(`concept themes (Louvain Q ${ctx.themes.modularity.toFixed(3)})        ${String(clusters(ours)).padStart(5)}  ${f(adjustedMutualInformation(ours, firstTopic))}  ${f(pairCoherence(ours, topics))}\n`);
process.stdout.write(`bag of words (TF-IDF, 5-NN, Louvain)      ${String(clusters(baseline)).padStart(5)}  ${f(adjustedMutualInformation(baseline, firstTopic))}  ${f(pairCoherence(baseline, topics))}\n`);
process.stdout.write('\nAMI: against each paper\'s first gold topic (chance-corrected). Pair coherence: share of same-theme annotated pairs sharing any gold topic.\n');
// NOTE: Louvain's traversal order changes the partition of a 109-paper graph noticeably: report a spread over seeds too.
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const stats = (xs: number[]): string => {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return `${mean.toFixed(3)} (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
};
// NOTE: the gold covers half the papers; the reader's check (test/themes/corpus.test.ts) guards the other half too, so a
// setting that wins on the gold by moving an unannotated paper out of its research line shows up here.
const LINES: Record<string, string[]> = {
  'visual-token pruning': ['ATP-LLaVA', 'DivPrune', 'TransPrune'],
  tokenizers: ['Zero-Shot Tokenizer Transfer', 'Retrofitting (Large) Language Models with Dynamic Tokenization'],
  'autoregressive image generation': ['NFIG', 'DetailFlow', 'DiSA'],
  'efficient reasoning / RL': ['Concise Reasoning, Big Gains', 'Done Is Better than Perfect'],
};
const linesApart = (paperTheme: Map<string, string>): boolean => {
  const ids = Object.values(LINES).map((titles) => {
    const themes = new Set(titles.map((t) => {
      const p = papers.find((x) => x.title.startsWith(t));
      return p ? paperTheme.get(paperKey(p.id)) : undefined;
    }));
    return themes.size === 1 ? [...themes][0] : undefined;
  });
  return ids.every((id) => id !== undefined && id !== 'other') && new Set(ids).size === ids.length;
};
const spread = { oursAmi: [] as number[], oursPc: [] as number[], baseAmi: [] as number[], basePc: [] as number[], lines: 0 };
const wide = { oursAmi: [] as number[], oursPc: [] as number[], baseAmi: [] as number[], basePc: [] as number[] };
const allFirst = allRows.map((r) => r.topics[0] ?? '');
const allTopics = allRows.map((r) => r.topics);
for (const s of SEEDS) {
  const run = runPipeline(papers, { resolution, seed: s, layout: { iterations: 0, noverlapIterations: 0 } }, ctx.extraction);
  if (linesApart(run.themes.paperTheme)) spread.lines++;
  const o = rows.map((r) => run.themes.paperTheme.get(paperKey(papers[r.index].id))!);
  const all = bagOfWordsThemes(papers.map((p) => `${p.title}. ${p.abstract}`), createRng(s), 5, 1);
  const b = rows.map((r) => all[r.index]);
  spread.oursAmi.push(adjustedMutualInformation(o, firstTopic));
  spread.oursPc.push(pairCoherence(o, topics) ?? 0);
  spread.baseAmi.push(adjustedMutualInformation(b, firstTopic));
  spread.basePc.push(pairCoherence(b, topics) ?? 0);
  const ow = allRows.map((r) => run.themes.paperTheme.get(paperKey(papers[r.index].id))!);
  const bw = allRows.map((r) => all[r.index]);
  wide.oursAmi.push(adjustedMutualInformation(ow, allFirst));
  wide.oursPc.push(pairCoherence(ow, allTopics) ?? 0);
  wide.baseAmi.push(adjustedMutualInformation(bw, allFirst));
  wide.basePc.push(pairCoherence(bw, allTopics) ?? 0);
}
process.stdout.write(`\nOver seeds ${SEEDS[0]}–${SEEDS.at(-1)}: mean (min–max)\n`);
process.stdout.write(`concept themes   AMI ${stats(spread.oursAmi)}   pair coherence ${stats(spread.oursPc)}\n`);
process.stdout.write(`bag of words     AMI ${stats(spread.baseAmi)}   pair coherence ${stats(spread.basePc)}\n`);
if (allRows.length > rows.length) {
  process.stdout.write(`\nAll ${allRows.length} papers (dev gold + the proxy topics of ${PROXY}), seeds ${SEEDS[0]}–${SEEDS.at(-1)}: mean (min–max)\n`);
  process.stdout.write(`concept themes   AMI ${stats(wide.oursAmi)}   pair coherence ${stats(wide.oursPc)}\n`);
  process.stdout.write(`bag of words     AMI ${stats(wide.baseAmi)}   pair coherence ${stats(wide.basePc)}\n`);
}
process.stdout.write(`\nReader's check (${Object.keys(LINES).join(', ')} in four different themes): seed 42 ${linesApart(ctx.themes.paperTheme) ? 'yes' : 'NO'}, seeds ${SEEDS[0]}–${SEEDS.at(-1)}: ${spread.lines} of ${SEEDS.length}\n`);

if (args.includes('--members')) {
  for (const t of ctx.themes.themes) {
    process.stdout.write(`\n${t.id} (${t.size}) ${t.name}\n`);
    rows.forEach((r, i) => {
      if (ours[i] === t.id) process.stdout.write(`  - ${papers[r.index].title.slice(0, 80)}  [${r.topics.join('; ')}]\n`);
    });
  }
}
