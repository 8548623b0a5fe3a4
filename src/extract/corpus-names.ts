// Names learnt across the corpus: a name a strong cue types in one paper types its bare mentions in every other paper.
import type { ConceptKind } from './types.ts';

/**
 * Rules whose cue types a name outright ("the X benchmark", "fine-tune X", "X of 45.2", "trained on X"): what one paper
 * says of a name there holds in the others. NOTE: lists, "on X" without an evaluation verb and comparisons
 * ("outperforms X") are left out: they guess more than they say.
 */
export const LEARN_RULES: ReadonlySet<string> = new Set([
  'pattern:X-benchmark',
  'pattern:benchmark-X',
  'pattern:XBench',
  'pattern:X-a-dataset',
  'pattern:trained-on-X',
  'pattern:fine-tune-X',
  'pattern:X-7B',
  'pattern:X-score',
  'pattern:X-of-score',
  // "two metrics, WB-Reward and WB-Score,", "TeachQuiz, a metric that quantifies …", "the ReGap metric" (metric-rules.ts).
  'metric:headed',
  'metric:X-a-metric',
  'metric:the-X-metric',
]);

/** A name as learnt: its concept and the paper whose cue typed it first. */
export interface LearntName {
  id: string;
  label: string;
  kind: ConceptKind;
  /** Index (in the run) and id of the paper that typed it. */
  paper: number;
  paperId: string;
}

/**
 * The corpus-wide name table and the log of bare name runs, filled during the first pass. Linear in the papers: one
 * Map of learnt names (keys: the token keys of the name run together, as the vocabulary's), and per bare run four ints
 * and its keys; the second pass is one Map lookup per bare run.
 */
export class CorpusNames {
  readonly learnt = new Map<string, LearntName>();
  /** Per bare run: paper index, field index, start, end (UTF-16 offsets). */
  private runs = new Int32Array(1 << 12);
  private n = 0;
  /** Per bare run: its key, and its key without trailing sizes / splits (the same string when it has none). */
  private readonly keys: string[] = [];
  private readonly coreKeys: string[] = [];

  /** Learns a name typed by a strong cue (the first paper to type a key keeps it: deterministic, in input order). */
  learn(key: string, name: LearntName): void {
    if (!this.learnt.has(key)) this.learnt.set(key, name);
  }

  /** Logs a name-shaped run that nothing typed in its paper. */
  bare(paper: number, field: number, start: number, end: number, key: string, coreKey: string): void {
    if (this.n * 4 + 4 > this.runs.length) {
      const next = new Int32Array(this.runs.length * 2);
      next.set(this.runs);
      this.runs = next;
    }
    const o = this.n * 4;
    this.runs[o] = paper;
    this.runs[o + 1] = field;
    this.runs[o + 2] = start;
    this.runs[o + 3] = end;
    this.keys.push(key);
    this.coreKeys.push(coreKey);
    this.n++;
  }

  /**
   * Calls `hit` for every bare run whose name another paper typed, in paper order (the log's order), with that name.
   * NOTE: a name typed in the same paper is left alone: its cue there already decided.
   */
  resolve(hit: (paper: number, field: number, start: number, end: number, name: LearntName) => void): void {
    if (this.learnt.size === 0) return;
    for (let k = 0; k < this.n; k++) {
      const name = this.learnt.get(this.keys[k]!) ?? this.learnt.get(this.coreKeys[k]!);
      const o = k * 4;
      if (name === undefined || name.paper === this.runs[o]) continue;
      hit(this.runs[o]!, this.runs[o + 1]!, this.runs[o + 2]!, this.runs[o + 3]!, name);
    }
  }
}
