// Builds src/extract/vocabulary-open.json from the public name lists kept under src/extract/open-names/ (re-runnable).
// Usage: node --import tsx scripts/open-names.ts [--check]   (--check: exit 1 when the file on disk differs)
import { readFileSync, writeFileSync } from 'node:fs';
import wordListPath from 'word-list';
import { curatedVocabulary, slugify } from '../src/extract/vocabulary.ts';
import { phraseKey } from '../src/extract/tokenize.ts';

const DIR = 'src/extract/open-names';
const OUT = 'src/extract/vocabulary-open.json';

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

/** English words (the word-list package, MIT): a name made only of them needs its typing words nearby. */
const english: Set<string> = (() => {
  return new Set(readFileSync(wordListPath, 'utf8').split('\n').filter(Boolean));
})();

interface OpenEntry {
  id: string;
  label: string;
  kind: 'benchmark' | 'dataset';
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

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** lm-evaluation-harness: a task folder's README heading when it names the folder, else nothing (headings are copied around). */
function lmEval(): Array<{ label: string; kind: 'benchmark'; source: string }> {
  const out: Array<{ label: string; kind: 'benchmark'; source: string }> = [];
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
function tfds(): Array<{ label: string; kind: 'dataset'; source: string }> {
  const out: Array<{ label: string; kind: 'dataset'; source: string }> = [];
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

const isEnglish = (w: string): boolean => !/\d/.test(w) && (english.has(w) || english.has(w.replace(/s$/, '')));

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
  return words.every(isEnglish) || /^[a-z]{1,3}$/i.test(label);
}

/**
 * A name made of English words ("Race", "Natural Questions", "Asset") fires only as written with capitals (so "high
 * quality dataset" is not QuALITY) and right next to a typing word ("the RACE dataset", "benchmark Race").
 */
function guardOf(label: string): Pick<OpenEntry, 'requires' | 'aliases' | 'caseSensitive'> {
  if (!isWordy(label)) return { requires: { field: 'ml' } };
  const forms = [...new Set([label.toUpperCase(), label.replace(/\b[a-z]/g, (c) => c.toUpperCase())])].filter((f) => f !== label);
  return { aliases: forms, caseSensitive: true, requires: { field: 'ml', context: TYPING_WORDS, window: 1 } };
}

export function buildOpenVocabulary(): { version: 1; concepts: OpenEntry[] } {
  const curated = curatedVocabulary().concepts;
  const keys = new Set(curated.flatMap((c) => [c.label, ...c.aliases].map(phraseKey)));
  const ids = new Set(curated.map((c) => c.id));
  const seen = new Set<string>();
  const concepts: OpenEntry[] = [];
  for (const e of [...lmEval(), ...tfds()]) {
    const key = phraseKey(e.label);
    const id = slugify(e.label);
    // NOTE: the curated vocabulary wins: a name it knows (by id or by any spelling) is left out here.
    if (key.length < 3 || !id || keys.has(key) || ids.has(id) || seen.has(key) || ALSO_MODELS.has(key)) continue;
    seen.add(key);
    const g = guardOf(e.label);
    concepts.push({
      id,
      label: e.label,
      kind: e.kind,
      ...(g.aliases?.length ? { aliases: g.aliases } : {}),
      ...(g.caseSensitive ? { caseSensitive: true } : {}),
      requires: g.requires,
      source: e.source,
    });
  }
  concepts.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: 1, concepts };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ''));
if (isMain) {
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
