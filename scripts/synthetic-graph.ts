// Generates a schema-valid graph.json of any size (themes, papers with evidence spans, every concept kind, results),
// for the viewer's tests and its 10k-node benchmark. Usage:
//   node --import tsx scripts/synthetic-graph.ts --out .tmp/synth [--papers 8000] [--concepts 2000] [--edges 50000] [--seed 1] [--xss]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { CONCEPT_KINDS, type ConceptKind } from '../src/extract/types.ts';
import { GraphJsonSchema, type GraphJson } from '../src/model/graph-json.ts';
import { PaperKgError, formatZodIssues } from '../src/errors.ts';
import { resolveOptions } from '../src/options.ts';
import { createRng } from '../src/graph/rng.ts';
import { toFirstFrame } from '../src/export/first-frame.ts';
import { FIRST_FRAME_FILE } from '../src/model/first-frame-json.ts';

export const SyntheticOptionsSchema = z.object({
  papers: z.number().int().positive(),
  concepts: z.number().int().positive(),
  /** Target number of paper–concept edges (each paper gets at least one concept). */
  edges: z.number().int().positive(),
  themes: z.number().int().positive().max(24),
  seed: z.number().int(),
  /** Title the first paper with an HTML payload, to check the viewer never renders data as HTML. */
  xss: z.boolean(),
});
export type SyntheticOptions = z.infer<typeof SyntheticOptionsSchema>;

export const DEFAULT_SYNTHETIC_OPTIONS: Readonly<SyntheticOptions> = Object.freeze({
  papers: 60,
  concepts: 40,
  edges: 300,
  themes: 5,
  seed: 1,
  xss: false,
});

export const XSS_TITLE = '<img src=x onerror=alert(1)>';

export function resolveSyntheticOptions(partial: Partial<SyntheticOptions> = {}): SyntheticOptions {
  return resolveOptions(SyntheticOptionsSchema, { ...DEFAULT_SYNTHETIC_OPTIONS, ...partial }, 'synthetic graph options');
}

const PALETTE = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324', '#469990', '#800000', '#808000', '#000075'];
const WORDS = [
  'efficient',
  'visual',
  'token',
  'sparse',
  'adaptive',
  'latent',
  'long',
  'context',
  'reasoning',
  'compression',
  'streaming',
  'multimodal',
  'policy',
  'retrieval',
  'memory',
  'quantized',
  'hierarchical',
  'dynamic',
  'speculative',
  'graph',
];
const NOUNS = ['pruning', 'attention', 'decoding', 'caching', 'tokenizer', 'distillation', 'alignment', 'routing', 'merging', 'encoder', 'planner', 'search'];
const KIND_SUFFIX: Record<ConceptKind, string> = {
  method: '',
  task: ' Understanding',
  modality: ' Video',
  benchmark: 'Bench',
  dataset: ' Corpus',
  model: '-LM',
  metric: ' Score',
  topic: ' Matter',
};

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(rng() || 1e-9)) * Math.cos(2 * Math.PI * rng());
}

function isoDate(day: number): string {
  return new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

export function syntheticGraph(partial: Partial<SyntheticOptions> = {}): GraphJson {
  const o = resolveSyntheticOptions(partial);
  const rng = createRng(o.seed);
  const themes = Array.from({ length: o.themes }, (_, i) => {
    const angle = (2 * Math.PI * i) / o.themes;
    return { id: `t${i + 1}`, color: PALETTE[i % PALETTE.length], x: Math.cos(angle) * 100, y: Math.sin(angle) * 100 };
  });

  // Concepts: every kind is present, benchmarks and methods most often.
  const kindCycle: ConceptKind[] = ['method', 'benchmark', 'task', 'method', 'model', 'dataset', 'metric', 'modality', 'benchmark'];
  const concepts = Array.from({ length: o.concepts }, (_, i) => {
    const kind = i < CONCEPT_KINDS.length ? CONCEPT_KINDS[i] : kindCycle[i % kindCycle.length];
    const base = `${pick(rng, WORDS)} ${pick(rng, NOUNS)}`;
    const label = (kind === 'benchmark' ? `${base.replace(/\s/g, '').slice(0, 10)}${KIND_SUFFIX[kind]}` : `${base}${KIND_SUFFIX[kind]}`) + ` ${i}`;
    const theme = themes[i % themes.length];
    return { id: `c${i}-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, label, kind, theme, papers: [] as number[] };
  });
  const metrics = concepts.filter((c) => c.kind === 'metric');

  const nodes: GraphJson['graph']['nodes'] = [];
  const edges: GraphJson['graph']['edges'] = [];
  const results: GraphJson['results'] = [];
  const perPaper = Math.max(1, Math.round(o.edges / o.papers));
  // NOTE: a Zipf-like draw (rank ~ u^2) gives a few very common concepts and a long tail, as real corpora do.
  const drawConcept = (themeIndex: number): number => {
    const local = rng() < 0.8;
    const rank = Math.floor(rng() * rng() * o.concepts);
    if (!local) return rank;
    const sameTheme = rank - (rank % o.themes) + themeIndex;
    return sameTheme < o.concepts ? sameTheme : rank;
  };

  const paperNodes: Array<{ key: string; theme: number; x: number; y: number; date: string; concepts: number[] }> = [];
  for (let p = 0; p < o.papers; p++) {
    const t = p % o.themes;
    const theme = themes[t];
    const chosen = new Set<number>();
    const want = Math.max(1, perPaper + Math.round(gaussian(rng) * 1.5));
    while (chosen.size < Math.min(want, o.concepts)) chosen.add(drawConcept(t));
    const conceptIdx = [...chosen].sort((a, b) => a - b);
    const title = p === 0 && o.xss ? XSS_TITLE : `${pick(rng, WORDS)} ${pick(rng, NOUNS)} for ${concepts[conceptIdx[0]].label} (${p})`;
    // The abstract names each concept once, so every edge has a real span into it.
    let abstract = 'We study ';
    const spans: Array<{ concept: number; start: number; end: number; text: string }> = [];
    for (const c of conceptIdx) {
      const text = concepts[c].label;
      spans.push({ concept: c, start: abstract.length, end: abstract.length + text.length, text });
      abstract += `${text}, `;
    }
    abstract += `and show that ${pick(rng, WORDS)} ${pick(rng, NOUNS)} helps.`;
    const bench = conceptIdx.map((c) => concepts[c]).find((c) => c.kind === 'benchmark');
    if (bench) {
      const value = Math.round(rng() * 1000) / 10;
      const sentence = ` It reaches ${value}% accuracy on ${bench.label}.`;
      const start = abstract.length + sentence.indexOf(`${value}%`);
      const metric = metrics.length ? metrics[p % metrics.length] : undefined;
      abstract += sentence;
      results.push({
        paper: `paper:p${p}`,
        benchmark: `concept:${bench.id}`,
        metric: metric ? `concept:${metric.id}` : null,
        value,
        unit: '%',
        delta: false,
        span: { field: 'abstract', start, end: start + `${value}%`.length, text: `${value}%`, rule: 'synthetic' },
      });
    }
    const r = 35 * Math.sqrt(rng());
    const a = rng() * 2 * Math.PI;
    const x = theme.x + Math.cos(a) * r;
    const y = theme.y + Math.sin(a) * r;
    const date = isoDate(Math.floor(rng() * 600));
    paperNodes.push({ key: `paper:p${p}`, theme: t, x, y, date, concepts: conceptIdx });
    for (const s of spans) {
      concepts[s.concept].papers.push(p);
      edges.push({
        key: `e${edges.length}`,
        source: `paper:p${p}`,
        target: `concept:${concepts[s.concept].id}`,
        attributes: {
          weight: 1 + Math.round(rng() * 100) / 100,
          source: 'vocabulary',
          spans: [{ field: 'abstract', start: s.start, end: s.end, text: s.text, rule: 'synthetic' }],
        },
      });
    }
    nodes.push({
      key: `paper:p${p}`,
      attributes: {
        kind: 'paper',
        label: title,
        x,
        y,
        size: 1,
        color: theme.color,
        theme: theme.id,
        degree: conceptIdx.length,
        weightedDegree: conceptIdx.length,
        pagerank: 0,
        paperId: `p${p}`,
        abstract,
        authors: [`Author ${p % 97}`, `Coauthor ${(p * 7) % 89}`],
        date,
        upvotes: Math.floor(rng() * 50),
        url: `https://arxiv.org/abs/2401.${String(p).padStart(5, '0')}`,
        links: { arxiv: `https://arxiv.org/abs/2401.${String(p).padStart(5, '0')}` },
      },
    });
  }
  for (const c of concepts) {
    if (c.papers.length === 0) continue;
    let x = 0;
    let y = 0;
    for (const p of c.papers) {
      x += paperNodes[p].x;
      y += paperNodes[p].y;
    }
    const dates = c.papers.map((p) => paperNodes[p].date).sort();
    nodes.push({
      key: `concept:${c.id}`,
      attributes: {
        kind: c.kind,
        label: c.label,
        x: x / c.papers.length + gaussian(rng) * 4,
        y: y / c.papers.length + gaussian(rng) * 4,
        size: 1,
        color: c.theme.color,
        theme: c.theme.id,
        degree: c.papers.length,
        weightedDegree: c.papers.length,
        pagerank: 0,
        conceptId: c.id,
        aliases: c.kind === 'benchmark' ? [c.label.toUpperCase()] : [],
        source: 'vocabulary',
        df: c.papers.length,
        firstSeen: dates[0],
        lastSeen: dates[dates.length - 1],
      },
    });
  }
  const maxDegree = nodes.reduce((m, n) => Math.max(m, n.attributes.degree), 1);
  for (const n of nodes) {
    n.attributes.size = 2 + 10 * Math.sqrt(n.attributes.degree / maxDegree);
    n.attributes.pagerank = n.attributes.degree / edges.length / 2;
  }
  // NOTE: a result's benchmark is always one of its paper's concepts, so it always has a node.
  const themeOut = themes.map((t, i) => {
    const members = paperNodes.filter((p) => p.theme === i);
    const dates = members.map((p) => p.date).sort();
    const top = concepts.filter((c) => c.theme.id === t.id && c.papers.length > 0).sort((a, b) => b.papers.length - a.papers.length);
    return {
      id: t.id,
      name:
        top
          .slice(0, 2)
          .map((c) => c.label)
          .join(' · ') || `Theme ${i + 1}`,
      color: t.color,
      size: members.length,
      conceptCount: top.length,
      topConcepts: top.slice(0, 5).map((c) => ({ id: c.id, label: c.label, kind: c.kind, score: c.papers.length })),
      topBenchmarks: top
        .filter((c) => c.kind === 'benchmark')
        .slice(0, 3)
        .map((c) => ({ id: c.id, label: c.label, papers: c.papers.length })),
      dateRange: dates.length ? ([dates[0], dates[dates.length - 1]] as [string, string]) : null,
      keywords: [],
      years: [],
      neighbours: [],
      centralPapers: members.slice(0, 3).map((p) => p.key),
      bridgePapers: [],
      x: t.x,
      y: t.y,
    };
  });
  const json: GraphJson = {
    version: 1,
    meta: { generator: 'paper-kg', inputs: ['synthetic'], papers: o.papers, concepts: nodes.length - o.papers, modularity: 0.5, resolution: 1, seed: o.seed },
    themes: themeOut,
    results,
    graph: { attributes: {}, options: { type: 'undirected', multi: false, allowSelfLoops: false }, nodes, edges },
  };
  const check = GraphJsonSchema.safeParse(json);
  if (!check.success)
    throw new PaperKgError('E_GRAPH', `synthetic graph is not schema-valid (a bug in this script): ${formatZodIssues(check.error.issues.slice(0, 5))}`);
  return check.data;
}

/** Writes <out>/graph.json and returns its path. */
/** Writes graph.json and, as a build does, first-frame.json beside it (`firstFrame: false` leaves it out, like an older build). */
export function writeSyntheticGraph(out: string, partial: Partial<SyntheticOptions> = {}, opts: { firstFrame?: boolean } = {}): string {
  mkdirSync(out, { recursive: true });
  const path = join(out, 'graph.json');
  const doc = syntheticGraph(partial);
  writeFileSync(path, JSON.stringify(doc));
  if (opts.firstFrame !== false) writeFileSync(join(out, FIRST_FRAME_FILE), JSON.stringify(toFirstFrame(doc)) + '\n');
  return path;
}

function parseArgs(argv: string[]): { out: string; options: Partial<SyntheticOptions> } {
  const options: Partial<SyntheticOptions> = {};
  let out = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--xss') options.xss = true;
    else if (arg === '--out') out = argv[++i] ?? '';
    else if (['--papers', '--concepts', '--edges', '--themes', '--seed'].includes(arg)) {
      (options as Record<string, number>)[arg.slice(2)] = Number(argv[++i]);
    } else
      throw new PaperKgError(
        'E_OPTIONS',
        `synthetic-graph: unknown argument "${arg}"; expected --out DIR [--papers N] [--concepts N] [--edges N] [--themes N] [--seed N] [--xss]`,
      );
  }
  if (!out) throw new PaperKgError('E_OPTIONS', 'synthetic-graph: --out DIR is required (graph.json is written inside it)');
  return { out, options };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const { out, options } = parseArgs(process.argv.slice(2));
    const path = writeSyntheticGraph(out, options);
    process.stderr.write(`wrote ${path} and ${FIRST_FRAME_FILE}\n`);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  }
}
