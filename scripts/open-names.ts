// Builds src/extract/vocabulary-open.json from the public name lists kept under src/extract/open-names/ (re-runnable).
// Usage: node --import tsx scripts/open-names.ts [--check]   (--check: exit 1 when the file on disk differs)
//        node --import tsx scripts/open-names.ts --import <list> <git dir of the fetched snapshot>
//          (re-takes one list, its LICENSE and SOURCE.txt from a snapshot; lists: see IMPORTS below)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { curatedVocabulary, slugify } from '../src/extract/vocabulary.ts';
import { phraseKey } from '../src/extract/tokenize.ts';

const DIR = 'src/extract/open-names';
const OUT = 'src/extract/vocabulary-open.json';

/** A fetched snapshot's git directory, read at HEAD. */
class Snapshot {
  constructor(readonly dir: string) {}
  private git(...args: string[]): string {
    return execFileSync('git', ['--git-dir', this.dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  }
  commit(): string {
    return this.git('rev-parse', 'HEAD').trim();
  }
  show(path: string): string {
    return this.git('show', `HEAD:${path}`);
  }
  ls(path: string): string[] {
    return this.git('ls-tree', '-r', '--name-only', 'HEAD', path).split('\n').filter(Boolean).sort();
  }
}

interface ImportSpec {
  title: string;
  repo: string;
  licence: string;
  /** The list file written beside SOURCE.txt, and what it holds. */
  file: string;
  what: string;
  take(s: Snapshot): string[];
}

/** "Long Name (ACR)" lines: the first line of `path` matching `re`, its group 1. */
const firstMatch = (text: string, re: RegExp): string => re.exec(text)?.[1]?.trim() ?? '';

/**
 * The lists taken from fetched snapshots (`--import <list> <git dir>`): each yields tab-separated lines, sorted, so a
 * re-import from the same commit is byte-identical. Only names (and a metric's one-line description) are taken.
 */
const IMPORTS: Record<string, ImportSpec> = {
  opencompass: {
    title: 'OpenCompass dataset index: the display name of each evaluation data set it supports.',
    repo: 'open-compass/opencompass',
    licence: 'Apache License 2.0',
    file: 'dataset-index-names.tsv',
    what: 'dataset-index.yml: "<key>\\t<name>" for each "- <key>:" entry and its "name:" field',
    take: (s) => {
      const out: string[] = [];
      let key = '';
      for (const line of s.show('dataset-index.yml').split('\n')) {
        const k = /^- ([^:]+):\s*$/.exec(line);
        if (k) key = k[1]!.trim();
        const n = /^\s+name:\s*(.+?)\s*$/.exec(line);
        if (n && key) out.push(`${key}\t${n[1]!.replace(/^['"]|['"]$/g, '')}`);
      }
      return out;
    },
  },
  'lmms-eval': {
    title: 'lmms-eval (EvolvingLMMs-Lab): the top-level tasks of its task list (multimodal benchmarks).',
    repo: 'EvolvingLMMs-Lab/lmms-eval',
    licence: 'MIT',
    file: 'current-tasks.tsv',
    what: 'docs/advanced/current_tasks.md: "<task>\\t<name>" for each top-level "- [Name](url) (task)" bullet (sub-variants left out)',
    take: (s) => {
      const out: string[] = [];
      for (const line of s.show('docs/advanced/current_tasks.md').split('\n')) {
        const m = /^- (?:\[([^\]]+)\]\([^)]*\)|([^([]+?))\s*(?:\(([^)]*)\))?\s*$/.exec(line);
        if (m) out.push(`${(m[3] ?? '').trim()}\t${(m[1] ?? m[2] ?? '').trim()}`);
      }
      return out;
    },
  },
  torchmetrics: {
    title: 'TorchMetrics (Lightning-AI): the header of each metric page of its documentation.',
    repo: 'Lightning-AI/torchmetrics',
    licence: 'Apache License 2.0',
    file: 'doc-headers.tsv',
    what: 'docs/source/<domain>/<page>.rst: "<domain>/<page>\\t<the page\'s :header: line>"',
    take: (s) =>
      s
        .ls('docs/source')
        .filter((p) => /^docs\/source\/[a-z_]+\/[^/]+\.rst$/.test(p))
        .map((p) => `${p.replace(/^docs\/source\/|\.rst$/g, '')}\t${firstMatch(s.show(p), /:header:\s*(.+)/)}`),
  },
  'hf-evaluate': {
    title: 'Hugging Face evaluate: the title and one-line description of each metric of its metrics/ folder.',
    repo: 'huggingface/evaluate',
    licence: 'Apache License 2.0',
    file: 'metric-titles.tsv',
    what: 'metrics/<folder>/README.md: "<folder>\\t<title:>\\t<first sentence of description:>"',
    take: (s) =>
      s
        .ls('metrics')
        .filter((p) => /^metrics\/[^/]+\/README\.md$/.test(p))
        .map((p) => {
          const text = s.show(p);
          const desc = firstMatch(text, /description:\s*>?-?\s*\n?\s*([^\n]+)/).split(/\.\s/)[0]!;
          return `${p.split('/')[1]}\t${firstMatch(text, /^title:\s*(.+)$/m)}\t${desc}`;
        }),
  },
  vlmevalkit: {
    title: 'VLMEvalKit (OpenCompass): the data set names its dataset classes download (keys of their DATASET_URL tables).',
    repo: 'open-compass/VLMEvalKit',
    licence: 'Apache License 2.0',
    file: 'dataset-url-keys.tsv',
    what: 'vlmeval/dataset/**/*.py: "<file>\\t<key>" for each quoted key at the start of a line inside a "DATASET_URL = {" block',
    take: (s) =>
      s
        .ls('vlmeval/dataset')
        .filter((p) => p.endsWith('.py'))
        .flatMap((p) => {
          const out: string[] = [];
          let inside = false;
          for (const line of s.show(p).split('\n')) {
            if (/DATASET_URL\s*=\s*\{/.test(line)) inside = true;
            else if (inside && /^\s*\}/.test(line)) inside = false;
            const k = inside ? /^\s*['"]([^'"]+)['"]\s*:/.exec(line) : null;
            if (k) out.push(`${p.replace(/^vlmeval\/dataset\/|\.py$/g, '')}\t${k[1]}`);
          }
          return out;
        }),
  },
  torchtext: {
    title: 'torchtext: the names of its datasets registry.',
    repo: 'pytorch/text',
    licence: 'BSD 3-Clause',
    file: 'dataset-names.txt',
    what: 'torchtext/datasets/__init__.py: each "<Name>": key of the DATASETS table',
    take: (s) => [...s.show('torchtext/datasets/__init__.py').matchAll(/^\s+"([A-Za-z0-9_]+)":\s/gm)].map((m) => m[1]!),
  },
  pyg: {
    title: 'PyTorch Geometric: the data set names its dataset classes document as name arguments.',
    repo: 'pyg-team/pytorch_geometric',
    licence: 'MIT',
    file: 'dataset-names.tsv',
    what: 'torch_geometric/datasets/<file>.py: "<file>\\t<name>" for each :obj:`"<name>"` of the file (unique per file)',
    take: (s) =>
      s
        .ls('torch_geometric/datasets')
        .filter((p) => /^torch_geometric\/datasets\/[^/]+\.py$/.test(p))
        .flatMap((p) => {
          const file = p.replace(/^.*\/|\.py$/g, '');
          return [...new Set([...s.show(p).matchAll(/:obj:`"([^"`]+)"`/g)].map((m) => m[1]!))].map((n) => `${file}\t${n}`);
        }),
  },
  ogb: {
    title: 'Open Graph Benchmark: the data set names of its master tables.',
    repo: 'snap-stanford/ogb',
    licence: 'MIT',
    file: 'dataset-names.tsv',
    what: 'ogb/<family>/master.csv: "<family>\\t<name>" for each column of the header row',
    take: (s) =>
      s
        .ls('ogb')
        .filter((p) => /^ogb\/[^/]+\/master\.csv$/.test(p))
        .flatMap((p) =>
          s
            .show(p)
            .split('\n')[0]!
            .split(',')
            .filter(Boolean)
            .map((n) => `${p.split('/')[1]}\t${n.trim()}`),
        ),
  },
};

/** Writes one list, its LICENSE and SOURCE.txt from a snapshot (the only step that reads outside the repository). */
function importList(name: string, gitDir: string): void {
  const spec = IMPORTS[name];
  if (!spec) throw new Error(`open-names: unknown list "${name}", expected one of ${Object.keys(IMPORTS).join(', ')}`);
  const s = new Snapshot(gitDir);
  const lines = [...new Set(spec.take(s))].sort();
  const dir = `${DIR}/${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${spec.file}`, lines.join('\n') + '\n');
  writeFileSync(`${dir}/LICENSE`, s.show('LICENSE'));
  const source = [
    spec.title,
    `repo:    https://github.com/${spec.repo}`,
    `commit:  ${s.commit()}`,
    `licence: ${spec.licence} (the repository's LICENSE, copied beside this file)`,
    `what:    ${spec.file}: ${spec.what}`,
    `how:     node --import tsx scripts/open-names.ts --import ${name} <git dir of a snapshot of the repo>   (IMPORTS["${name}"])`,
    '         Only the names are used (no data, no code).',
    'used by: scripts/open-names.ts, which turns them into ../vocabulary-open.json',
  ];
  writeFileSync(`${dir}/SOURCE.txt`, source.join('\n') + '\n');
  console.log(`${dir}/${spec.file}: ${lines.length} lines from ${spec.repo}@${s.commit().slice(0, 12)}`);
}

/** Words that type a data set or benchmark next to its name: what a name that is also an English word needs nearby. */
const TYPING_WORDS = [
  'dataset',
  'datasets',
  'benchmark',
  'benchmarks',
  'corpus',
  'corpora',
  'suite',
  'leaderboard',
  'split',
  'splits',
  'subset',
  'testbed',
  'collection',
];

/** Words of measuring: what a metric name that is also a quantity of the method needs nearby. */
const METRIC_WORDS = ['metric', 'metrics', 'score', 'scores', 'measured', 'evaluated', 'evaluation', 'lower', 'higher', 'reduces', 'improves', 'achieves'];

/** English words (the word-list package, MIT): a name made only of them needs its typing words nearby. */
const english: Set<string> = (() => {
  return new Set(readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean));
})();

type OpenKind = 'benchmark' | 'dataset' | 'metric';

interface OpenEntry {
  id: string;
  label: string;
  kind: OpenKind;
  aliases?: string[];
  caseSensitive?: boolean;
  requires: { field: 'ml'; context?: string[]; window?: number };
  source: string;
}

/** Only names: a heading like "Targeted Syntactic Evaluation of Language Models (LM-SynEval)" gives its short form. */
function cleanHeading(h: string): string | undefined {
  let s = h
    .replace(/^#+\s*/, '')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  const paren = /\(([^()]+)\)\s*$/.exec(s);
  if (paren && /[A-Z]{2}/.test(paren[1]!)) s = paren[1]!;
  s = s
    .split(':')[0]!
    .replace(/\s+(Benchmark|Datasets?|evaluations?)$/i, '')
    .replace(/\s+Benchmark$/i, '')
    .trim();
  if (!s || /^(task-name|paper|changelog)$/i.test(s) || s.split(/\s+/).length > 4) return undefined;
  return s;
}

/** Catalog names that are also model names in ML papers ("Claude Opus"): the data set reading would take them over. */
const ALSO_MODELS = new Set(['opus']);

/** Names of things ML papers handle as objects ("LEGO" bricks in assembly and robotics tasks, "LEGO-Puzzles"). */
const ALSO_THINGS = new Set(['lego']);

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** lm-evaluation-harness: a task folder's README heading when it names the folder, else nothing (headings are copied around). */
function lmEval(): Named[] {
  const out: Named[] = [];
  for (const line of readFileSync(`${DIR}/lm-evaluation-harness/task-readme-headings.tsv`, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [folder, heading = ''] = line.split('\t') as [string, string?];
    const label = cleanHeading(heading);
    if (!label) continue;
    const a = squash(label);
    const b = squash(folder);
    if (!(a.includes(b) || b.includes(a) || (a.length >= 4 && b.startsWith(a.slice(0, 4))))) continue;
    out.push({ label, kind: 'benchmark', source: `lm-evaluation-harness:${folder}` });
  }
  return out;
}

/** TFDS catalog ids: "svhn_cropped" → "svhn", "oxford_iiit_pet" → "oxford iiit pet"; collections of many pieces left out. */
function tfds(): Named[] {
  const out: Named[] = [];
  for (const raw of readFileSync(`${DIR}/tensorflow-datasets/catalog-ids.txt`, 'utf8').split('\n')) {
    const id = raw.trim();
    if (!id || /^(d4rl|rlu|robo|asimov|bc|mt_opt|user_libri|open_images_challenge|xtreme_|wmt_t2t)/.test(id)) continue;
    // NOTE: "math_dataset" is MATH: a trailing "dataset" is the typing word, not the name.
    const name = id.replace(/_(cropped|corrupted|subset|small|translate|manual|lm|resized|bitmap|converted_externally_to_rlds|dataset)$/, '');
    if (/_(\d|[a-z])$/.test(name) && !/^imagenet_[ar]$/.test(name)) continue; // "cifar10_1", "cifar100_n": variants
    if (name.split('_').length > 3) continue;
    out.push({ label: displayName(name.split('_')), kind: 'dataset', source: `tensorflow-datasets:${id}` });
  }
  return out;
}

/** An open name before its guard: `asWritten` when the source writes it in capitals only ("TOMATO", "EMMA"). */
interface Named {
  label: string;
  kind: OpenKind;
  source: string;
  aliases?: string[];
  asWritten?: boolean;
  /** A plain capitalised word of a list that also holds person names and object categories ("Cora", "Michael"). */
  wordLike?: boolean;
}

const tsvRows = (list: string, file: string): string[][] =>
  readFileSync(`${DIR}/${list}/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.split('\t'));

/** Characters a benchmark name is written with; anything else ("V*-Bench", "Cloze Test-max/min") is left out. */
const NAME_CHARS = /^[A-Za-z0-9][A-Za-z0-9 .+'-]*$/;

/** A label written in capitals only, with at least four letters and no digit: "TOMATO", "MINERVA", "RULER". */
const isCapitalsOnly = (label: string): boolean => /^[A-Z][A-Z-]{3,}$/.test(label);

/**
 * A benchmark name as an evaluation toolkit displays it: "CLUE / AFQMC" → "AFQMC", "InfiniteBench (∞Bench)" →
 * "InfiniteBench", "Government Report Dataset" → "Government Report"; underscores read as hyphens.
 */
function cleanBenchmarkName(raw: string): string | undefined {
  const s = (raw.split(' / ').pop() ?? '')
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/_/g, '-')
    .replace(/\s+(Benchmark|Datasets?)$/i, '')
    .trim();
  // NOTE: a name in lower case only ("medmcqa", "matbench") is the toolkit's id, not how papers write it.
  return s && NAME_CHARS.test(s) && /[A-Z]/.test(s) && s.split(/\s+/).length <= 4 ? s : undefined;
}

/** OpenCompass dataset-index.yml: the "name:" of each evaluation data set. */
function openCompass(): Named[] {
  return tsvRows('opencompass', 'dataset-index-names.tsv').flatMap(([key, raw = '']) => {
    const label = cleanBenchmarkName(raw);
    return label ? [{ label, kind: 'benchmark' as const, source: `opencompass:${key}`, asWritten: isCapitalsOnly(label) }] : [];
  });
}

/** lmms-eval's task list: the top-level name of each task. */
function lmmsEval(): Named[] {
  return tsvRows('lmms-eval', 'current-tasks.tsv').flatMap(([task = '', raw = '']) => {
    const label = cleanBenchmarkName(raw);
    return label ? [{ label, kind: 'benchmark' as const, source: `lmms-eval:${task || slugify(label)}`, asWritten: isCapitalsOnly(label) }] : [];
  });
}

/**
 * PyTorch Geometric's name arguments: data set names, but also shape categories ("Airplane"), options ("public",
 * "geom-gcn") and TOSCA's person names ("David"). Lower-case and ≤ 2-character names are options; a plain capitalised
 * word is guarded like an English word.
 */
function pyg(): Named[] {
  return tsvRows('pyg', 'dataset-names.tsv').flatMap(([file = '', raw = '']) => {
    if (!/^[A-Z][A-Za-z0-9_-]{2,}$/.test(raw) || NOT_DATASET_NAMES.test(file)) return [];
    const label = raw.replace(/_/g, '-');
    // NOTE: an English word there is a category or an option ("Airplane", "Train", "All") unless written in capitals
    // ("PROTEINS", "PATTERN": TU and GNN-benchmark sets).
    if (isWordy(label) && !isCapitalsOnly(label)) return [];
    return [{ label, kind: 'dataset' as const, source: `pyg:${file}`, asWritten: isCapitalsOnly(label), wordLike: /^[A-Z][a-z]+$/.test(label) }];
  });
}

/**
 * VLMEvalKit's download keys: "MMBench_DEV_EN_V11" → "MMBench" (the part before the first "_" is the name, the rest
 * split, language and version); keys of other tables in the same block ("Center", "acc", "ACC@0.1") are left out by
 * shape: a capital first, no English word alone, at least four characters.
 */
function vlmEvalKit(): Named[] {
  return tsvRows('vlmevalkit', 'dataset-url-keys.tsv').flatMap(([file, key = '']) => {
    const label = key
      .split('_')[0]!
      .replace(/-VLMEvalKit$/, '')
      .replace(/Dataset$/, '');
    if (!/^[A-Z][A-Za-z0-9-]{3,}$/.test(label) || isWordy(label)) return [];
    return [{ label, kind: 'benchmark' as const, source: `vlmevalkit:${file}`, asWritten: isCapitalsOnly(label) }];
  });
}

/** torchtext: "PennTreebank", "AG_NEWS" → "AG NEWS", "WikiText103". */
function torchtext(): Named[] {
  return readFileSync(`${DIR}/torchtext/dataset-names.txt`, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((n) => ({ label: n.replace(/_/g, ' '), kind: 'dataset' as const, source: `torchtext:${n}` }));
}

/** PyG files whose name arguments are object classes, shapes, places or noise levels, not data sets. */
const NOT_DATASET_NAMES = /^(pascal|pascal_pf|shapenet|tosca|shrec2016|willow|faust|airports|pcpnet_dataset|geometry)$/;

/** OGB: "ogbn-arxiv", "ogbg-molhiv", … */
function ogb(): Named[] {
  return tsvRows('ogb', 'dataset-names.tsv').map(([family, name = '']) => ({ label: name, kind: 'dataset' as const, source: `ogb:${family}` }));
}

/** Every spelling of the curated vocabulary, by phrase key. */
const curatedKeys: Set<string> = new Set(curatedVocabulary().concepts.flatMap((c) => [c.label, ...c.aliases].map(phraseKey)));

/** The last word of a metric name made of English words: what makes it a metric and not a topic ("Confusion Matrix"). */
const METRIC_HEADS = new Set([
  'score',
  'error',
  'rate',
  'distance',
  'coefficient',
  'index',
  'divergence',
  'precision',
  'gain',
  'rank',
  'ratio',
  'kappa',
  'measure',
]);

/** Toolkit pages that are no metric of a paper: aggregations, wrappers, pairwise helpers. */
const NOT_METRIC_PAGES = /^(aggregation|wrappers|pairwise)\/|^classification\/(stat_scores|recall_at_fixed_precision|precision_recall_curve)$/;

/**
 * A metric name and its acronym: "Peak Signal-to-Noise Ratio (PSNR)" → label and alias; a two- or three-letter
 * capitals acronym ("TV", "CSI", "MAP") is left out (it names other things in ML papers), a longer or mixed-case one
 * ("mIoU", "DNSMOS", "MiFID") is kept.
 */
function metricName(raw: string): Pick<Named, 'label' | 'aliases'> | undefined {
  const m = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(raw.trim());
  const label = (m ? m[1]! : raw).replace(/^Retrieval\s+/, '').trim();
  const acr = m?.[2]?.split(/\s+/)[0];
  const aliases = acr && (acr.length >= 4 || /[a-z]/.test(acr)) && NAME_CHARS.test(acr) ? [acr] : [];
  if (!label || !NAME_CHARS.test(label) || /\s\S$/.test(label)) return undefined;
  const words = label.toLowerCase().split(/[\s-]+/);
  // NOTE: a curated metric under a longer spelling ("ROUGE Score", "Peak Signal-to-Noise Ratio" = PSNR, "Mean IoU" =
  // mIoU, "Pearson Correlation Coefficient" = Pearson correlation) would split it in two: such names (and one whose acronym the curated file has) are the curated entry's.
  const stem = phraseKey(label.replace(/\s+(Score|Coefficient)$/, ''));
  const initials = label
    .split(/[\s-]+/)
    .map((w) => (/[A-Z0-9].*[A-Z0-9]/.test(w) ? w : w[0]!))
    .join('')
    .toLowerCase();
  if (curatedKeys.has(stem) || curatedKeys.has(initials) || (acr && curatedKeys.has(phraseKey(acr)))) return undefined;
  // NOTE: one English word ("Accuracy", "Sum", "Running") is a generic term; a name ending in an English word needs a
  // metric head word there ("Confusion Matrix", "RL Reliability" are not metrics of a paper); "CLIP IQA" ends in a name.
  const last = words[words.length - 1]!;
  if (isWordy(label) && words.length === 1) return undefined;
  // NOTE: a two-word run of English words ("calibration error", "edit distance", "hit rate") and a divergence,
  // distance or ratio made of English words ("signal-to-noise ratio") are terms of method text as often as metrics.
  if (isWordy(label) && (words.length === 2 || /^(divergence|distance|ratio)$/.test(last))) return undefined;
  if (words.length > 1 && isEnglish(last) && !METRIC_HEADS.has(last.replace(/s$/, ''))) return undefined;
  if (/\sAt\s/.test(label)) return undefined; // "Recall At Fixed Precision": a toolkit function
  return { label, aliases };
}

/**
 * TorchMetrics' classification and clustering scores (F-beta, Jaccard index, Matthews correlation, expected error rate,
 * mutual information and Rand scores): left out, from every list. They changed no extraction figure but moved the
 * themes of the OAI cs panel (pair coherence 0.549 → 0.543, bisected by figures only): in 2016 prose they are the
 * similarity functions and statistics of the method as often as reported scores; F1, accuracy and precision stay the
 * curated file's.
 */
const GENERIC_SCORE_PAGES = /^(classification|clustering)\//;

function genericScores(): Set<string> {
  return new Set(
    tsvRows('torchmetrics', 'doc-headers.tsv').flatMap(([page = '', header = '']) => {
      const n = GENERIC_SCORE_PAGES.test(page) ? metricName(header) : undefined;
      return n ? [phraseKey(n.label)] : [];
    }),
  );
}

/** TorchMetrics documentation headers. */
function torchmetrics(): Named[] {
  return tsvRows('torchmetrics', 'doc-headers.tsv').flatMap(([page = '', header = '']) => {
    const n = NOT_METRIC_PAGES.test(page) || GENERIC_SCORE_PAGES.test(page) ? undefined : metricName(header);
    return n ? [{ ...n, kind: 'metric' as const, source: `torchmetrics:${page}` }] : [];
  });
}

/**
 * Hugging Face evaluate metric titles, without the scorers of one data set (their description names a dataset,
 * benchmark or corpus: "SQuAD v2", "Competition MATH"), the evaluation harnesses ("Code Eval") and the package-style
 * lower-case ids ("seqeval", "r_squared").
 */
function hfEvaluate(): Named[] {
  const generic = genericScores();
  return tsvRows('hf-evaluate', 'metric-titles.tsv').flatMap(([folder, title = '', desc = '']) => {
    if (/\b(datasets?|benchmarks?|corpus|combination)\b/i.test(desc) || /Eval$/.test(title) || /^[a-z_]+$/.test(title)) return [];
    const n = metricName(title);
    return n && !generic.has(phraseKey(n.label)) ? [{ ...n, kind: 'metric' as const, source: `hf-evaluate:${folder}` }] : [];
  });
}

/**
 * ML terms that read like words in a name: the curated vocabulary's method / task / modality names of one token ("LLM",
 * "ASR", "VQA", "OCR"): "LLM Compression", "Open ASR" are topics as often as names.
 */
const terms: Set<string> = new Set(
  curatedVocabulary()
    .concepts.filter((c) => c.kind === 'method' || c.kind === 'task' || c.kind === 'modality')
    .flatMap((c) => [c.label, ...c.aliases])
    .filter((n) => /^[A-Za-z]{3,}$/.test(n))
    .map((n) => n.toLowerCase()),
);

const isEnglish = (w: string): boolean =>
  !/\d/.test(w) && (english.has(w) || english.has(w.replace(/s$/, '')) || terms.has(w) || terms.has(w.replace(/s$/, '')));

/** A catalog id's words as a reader writes them: short non-words in capitals ("svhn" → "SVHN"), the rest capitalised. */
function displayName(words: string[]): string {
  return words.map((w) => (!isEnglish(w) && w.length <= (words.length === 1 ? 6 : 4) ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1))).join(' ');
}

/** Guards by shape: every open name needs an ML paper; one made only of English words (or of ≤ 3 letters) needs its typing words too. */
function isWordy(label: string): boolean {
  const words = label
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  return words.every(isEnglish) || /^[a-z0-9]{1,3}$/i.test(label);
}

/**
 * A name made of English words ("Race", "Natural Questions", "Asset") fires only as written with capitals (so "high
 * quality dataset" is not QuALITY) and right next to a typing word ("the RACE dataset", "benchmark Race").
 */
function guardOf(e: Named): Pick<OpenEntry, 'requires' | 'aliases' | 'caseSensitive'> {
  const label = e.label;
  // NOTE: a divergence, distance or ratio ("KL divergence", "edit distance", "signal-to-noise ratio") is a term of the
  // method as often as a reported metric: it needs a word of measuring nearby.
  if (e.kind === 'metric' && /\b(divergence|distance|ratio)$/i.test(label)) return { requires: { field: 'ml', context: METRIC_WORDS, window: 4 } };
  if (e.kind === 'metric') return { requires: { field: 'ml' } };
  // NOTE: a name its source writes in capitals only ("EMMA", "MINERVA") is a word or a person's name in any other case.
  if (e.asWritten && !isWordy(label)) return { caseSensitive: true, requires: { field: 'ml' } };
  if (!isWordy(label) && !e.wordLike) return { requires: { field: 'ml' } };
  const forms = [...new Set([label.toUpperCase(), label.replace(/\b[a-z]/g, (c) => c.toUpperCase())])].filter((f) => f !== label);
  return { aliases: forms, caseSensitive: true, requires: { field: 'ml', context: TYPING_WORDS, window: 1 } };
}

export function buildOpenVocabulary(): { version: 1; concepts: OpenEntry[] } {
  const curated = curatedVocabulary().concepts;
  const keys = new Set(curated.flatMap((c) => [c.label, ...c.aliases].map(phraseKey)));
  const ids = new Set(curated.map((c) => c.id));
  const seen = new Set<string>();
  const concepts: OpenEntry[] = [];
  const lists: Named[] = [
    ...lmEval(),
    ...tfds(),
    ...openCompass(),
    ...lmmsEval(),
    ...vlmEvalKit(),
    ...torchtext(),
    ...pyg(),
    ...ogb(),
    ...torchmetrics(),
    ...hfEvaluate(),
  ];
  for (const e of lists) {
    const key = phraseKey(e.label);
    const id = slugify(e.label);
    // NOTE: the curated vocabulary wins: a name it knows (by id or by any spelling) is left out here.
    if (key.length < 3 || !id || keys.has(key) || ids.has(id) || seen.has(key) || ALSO_MODELS.has(key) || ALSO_THINGS.has(key)) continue;
    // NOTE: a known name with a version or year run on ("SQuAD2", "AIME2026", "IWSLT2017", "Q-Bench1") is that name's
    // variant: the matcher folds versions into the entry that has the name, a second entry would split it.
    const stem = phraseKey(e.label.replace(/[\s-]?v?\d+(\.\d+)?$/i, ''));
    if (
      e.source.split(':')[0] !== 'tensorflow-datasets' &&
      e.source.split(':')[0] !== 'lm-evaluation-harness' &&
      stem !== key &&
      (keys.has(stem) || seen.has(stem))
    )
      continue;
    seen.add(key);
    const g = guardOf(e);
    // NOTE: an alias another entry (or the curated file) already spells is that entry's.
    const aliases = [...(e.aliases ?? []), ...(g.aliases ?? [])].filter((a) => {
      const k = phraseKey(a);
      if (keys.has(k) || (seen.has(k) && k !== key) || ALSO_MODELS.has(k)) return false;
      seen.add(k);
      return true;
    });
    concepts.push({
      id,
      label: e.label,
      kind: e.kind,
      ...(aliases.length ? { aliases } : {}),
      ...(g.caseSensitive ? { caseSensitive: true } : {}),
      requires: g.requires,
      source: e.source,
    });
  }
  concepts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: 1, concepts };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''));
const importAt = process.argv.indexOf('--import');
if (isMain && importAt >= 0) {
  importList(process.argv[importAt + 1] ?? '', process.argv[importAt + 2] ?? '');
} else if (isMain) {
  const vocab = buildOpenVocabulary();
  // One entry per line, like vocabulary.json, so a diff shows what a re-run changed.
  const text = `{\n  "version": 1,\n  "concepts": [\n${vocab.concepts.map((c) => `    ${JSON.stringify(c)}`).join(',\n')}\n  ]\n}\n`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(same ? `${OUT} is up to date (${vocab.concepts.length} names)` : `${OUT} differs from a fresh build: run scripts/open-names.ts`);
    process.exit(same ? 0 : 1);
  }
  writeFileSync(OUT, text);
  const guarded = vocab.concepts.filter((c) => c.requires.context).length;
  console.log(`${OUT}: ${vocab.concepts.length} names (${guarded} need a typing word nearby)`);
}
