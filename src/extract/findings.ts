// The findings of a run while they are assembled: per-paper concept lists keyed by run-wide ids, and the mention log.
import { CONCEPT_KINDS, type ConceptKind, type ConceptSource, type PaperConcept, type Span } from './types.ts';
import type { VocabularyEntry } from './vocabulary.ts';
import type { Tokens } from './tokenize.ts';
import type { FieldMentions, Mention } from './results.ts';

export type Field = 'title' | 'abstract';
export const FIELDS: readonly Field[] = ['title', 'abstract'];

/**
 * A concept found in one paper, while it is being assembled.
 * NOTE: built with the keys in the order of PaperConcept, so the finding itself is the output (no copy per concept).
 */
export interface Finding {
  id: string;
  label: string;
  kind: ConceptKind;
  aliases: string[];
  source: ConceptSource;
  parent?: string;
  score?: number;
  spans: Span[];
}

/** What a concept is, apart from where it was seen: shared by every span that adds it. */
export interface ConceptInfo {
  id: string;
  label: string;
  kind: ConceptKind;
  source: ConceptSource;
  parent?: string;
}

export function newFinding(
  id: string,
  label: string,
  kind: ConceptKind,
  aliases: string[],
  source: ConceptSource,
  parent: string | undefined,
  score: number | undefined,
  span: Span,
): Finding {
  if (parent === undefined && score === undefined) return { id, label, kind, aliases, source, spans: [span] };
  if (score === undefined) return { id, label, kind, aliases, source, parent, spans: [span] };
  if (parent === undefined) return { id, label, kind, aliases, source, score, spans: [span] };
  return { id, label, kind, aliases, source, parent, score, spans: [span] };
}

export interface FieldText {
  field: Field;
  text: string;
  tokens: Tokens;
}

export const KIND_CODE = new Map<ConceptKind, number>(CONCEPT_KINDS.map((k, i) => [k, i]));
const METRIC = KIND_CODE.get('metric')!;
const BENCHMARK = KIND_CODE.get('benchmark')!;
const DATASET = KIND_CODE.get('dataset')!;

/**
 * The findings of a run, gathered paper by paper, each paper's in the order they were first seen. Concept ids get dense
 * ints for the run (gids), so "has this paper got that concept yet" is an array read rather than a Map per paper, and
 * the per-paper state kept until the end is plain lists and typed arrays.
 */
export class RunFindings {
  /** gid → concept id. */
  readonly ids: string[] = [];
  private readonly gidOf = new Map<string, number>();
  /** gid → position in the current paper's list, valid where stamp[gid] is the current paper's stamp. */
  private slot = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private curStamp = 0;
  /** The current paper's findings. */
  list: Finding[] = [];
  /** ... and their gids. */
  gids: number[] = [];
  /** gid → the frozen alias list of its vocabulary entry (see entryAliases). */
  private readonly sharedAliases: Array<string[] | undefined> = [];

  /** The gid of a concept id, given one now if it has none. */
  gid(id: string): number {
    let g = this.gidOf.get(id);
    if (g === undefined) {
      g = this.ids.length;
      this.ids.push(id);
      this.gidOf.set(id, g);
      if (g >= this.slot.length) {
        const slot = new Int32Array(this.slot.length * 2);
        slot.set(this.slot);
        this.slot = slot;
        const stamp = new Int32Array(this.stamp.length * 2);
        stamp.set(this.stamp);
        this.stamp = stamp;
      }
    }
    return g;
  }

  /** The gid of a concept id, or -1 when no finding of the run had it. */
  known(id: string): number {
    return this.gidOf.get(id) ?? -1;
  }

  /** Starts paper `stamp` (unique and > 0 per paper) with the findings it has already (their gids alongside). */
  begin(stamp: number, list: Finding[], gids: number[]): void {
    this.curStamp = stamp;
    this.list = list;
    this.gids = gids;
    for (let k = 0; k < gids.length; k++) {
      this.slot[gids[k]!] = k;
      this.stamp[gids[k]!] = stamp;
    }
  }

  /** True when the current paper has the concept of gid g. */
  has(g: number): boolean {
    return g >= 0 && this.stamp[g] === this.curStamp;
  }

  /**
   * Adds a span of a concept to the current paper and returns its gid; `aliases` (spellings to list first: one, or a
   * list that is copied) and `score` count only when the paper had no such concept yet.
   */
  add(c: ConceptInfo, span: Span, aliases?: string | readonly string[], score?: number): number {
    const g = this.gid(c.id);
    if (this.stamp[g] === this.curStamp) {
      this.addSpan(this.list[this.slot[g]!]!, span);
      return g;
    }
    const text = span.text;
    const fresh = text !== c.label;
    let list: string[];
    if (aliases === undefined) list = fresh ? [text] : [];
    else if (typeof aliases === 'string') list = fresh && text !== aliases ? [aliases, text] : [aliases];
    else list = fresh && !aliases.includes(text) ? aliases.concat(text) : aliases.slice();
    this.push(g, newFinding(c.id, c.label, c.kind, list, c.source, c.parent, score, span));
    return g;
  }

  /** add() for a vocabulary entry, without building the finding when the paper has it already (the hot path). */
  addEntry(e: VocabularyEntry, span: Span): number {
    const g = this.gid(e.id);
    if (this.stamp[g] === this.curStamp) {
      this.addSpan(this.list[this.slot[g]!]!, span);
      return g;
    }
    const list = span.text === e.label || e.aliases.includes(span.text) ? this.entryAliases(g, e) : e.aliases.concat(span.text);
    this.push(g, newFinding(e.id, e.label, e.kind, list, 'vocabulary', e.parent || undefined, undefined, span));
    return g;
  }

  /**
   * The entry's aliases as one frozen list for the run, shared by every paper's finding of it that adds no spelling.
   * NOTE: a copy per paper was ~7 % of the run's allocations, kept to the end; frozen, so that no paper's list can be
   * changed through another's (addSpan replaces a list, never changes it).
   */
  private entryAliases(g: number, e: VocabularyEntry): string[] {
    let a = this.sharedAliases[g];
    if (a === undefined) this.sharedAliases[g] = a = Object.freeze(e.aliases.slice()) as string[];
    return a;
  }

  private push(g: number, f: Finding): void {
    this.slot[g] = this.list.length;
    this.stamp[g] = this.curStamp;
    this.list.push(f);
    this.gids.push(g);
  }

  /**
   * NOTE: the lists grow by concat(), which allocates them at their exact length: push() would leave room for 16 more
   * in every list, and most findings keep one span and a few aliases for the rest of the run.
   */
  private addSpan(cur: Finding, span: Span): void {
    const spans = cur.spans;
    let dup = false;
    for (let k = 0; k < spans.length && !dup; k++) {
      const s = spans[k]!;
      dup = s.start === span.start && s.end === span.end && s.field === span.field;
    }
    if (!dup) cur.spans = spans.concat(span);
    if (span.text !== cur.label && !cur.aliases.includes(span.text)) cur.aliases = cur.aliases.concat(span.text);
  }
}

/**
 * Concept mentions of every paper, five ints each (gid, kind code, field, start, end), kept for the results rule, which
 * runs once kinds are settled; the objects findResults() reads are made paper by paper at the end.
 */
export class MentionLog {
  data = new Int32Array(1 << 14);
  len = 0;
  /** Where each paper's mentions begin (paper count + 1 entries once the run is done). */
  readonly paperStart: number[] = [0];

  push(gid: number, kind: ConceptKind, field: number, start: number, end: number): void {
    if (this.len + 5 > this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    const d = this.data;
    let o = this.len;
    d[o++] = gid;
    d[o++] = KIND_CODE.get(kind)!;
    d[o++] = field;
    d[o++] = start;
    d[o++] = end;
    this.len = o;
  }

  endPaper(): void {
    this.paperStart.push(this.len);
  }

  /**
   * What findResults() needs of the mentions of field `fi` of paper `wi`, kinds from `kindOf`. NOTE: only metric and
   * benchmark/dataset mentions become objects; "is this position in a mention" reads the log in place.
   */
  of(wi: number, fi: number, ids: readonly string[], kindOf: Int8Array): FieldMentions {
    const metrics: Mention[] = [];
    const benches: Mention[] = [];
    const d = this.data;
    const from = this.paperStart[wi]!;
    const to = this.paperStart[wi + 1]!;
    for (let o = from; o < to; o += 5) {
      if (d[o + 2] !== fi) continue;
      const g = d[o]!;
      const k = g < kindOf.length && kindOf[g]! >= 0 ? kindOf[g]! : d[o + 1]!;
      if (k === METRIC) metrics.push({ id: ids[g]!, kind: 'metric', start: d[o + 3]!, end: d[o + 4]! });
      else if (k === BENCHMARK || k === DATASET) benches.push({ id: ids[g]!, kind: CONCEPT_KINDS[k]!, start: d[o + 3]!, end: d[o + 4]! });
    }
    // NOTE: sorting each kind's mentions (stable) gives the order filtering all sorted mentions by kind gave.
    stableSort(metrics, byStart);
    stableSort(benches, byStart);
    return new LoggedMentions(metrics, benches, d, from, to, fi);
  }
}

/** FieldMentions over the log. NOTE: a class, not an object with a closure (a closure per field cost more than its calls). */
class LoggedMentions implements FieldMentions {
  constructor(
    readonly metrics: Mention[],
    readonly benches: Mention[],
    private readonly d: Int32Array,
    private readonly from: number,
    private readonly to: number,
    private readonly fi: number,
  ) {}

  covers(pos: number): boolean {
    const { d, to, fi } = this;
    for (let o = this.from; o < to; o += 5) if (d[o + 2] === fi && d[o + 3]! <= pos && pos < d[o + 4]!) return true;
    return false;
  }
}

export function spanOf(ft: FieldText, from: number, to: number, rule: string): Span {
  const start = ft.tokens.start[from]!;
  const end = ft.tokens.end[to - 1]!;
  // NOTE: a one-token span's text is the lexicon's string of that spelling: no new string per span.
  return { field: ft.field, start, end, text: to - from === 1 ? ft.tokens.raw(from) : ft.text.slice(start, end), rule };
}

function compareSpans(a: Span, b: Span): number {
  return a.field === b.field ? a.start - b.start || a.end - b.end : a.field === 'title' ? -1 : 1;
}

/** The finding as output: its spans in text order (a finding already has the keys of a PaperConcept, in order). */
export function toPaperConcept(f: Finding): PaperConcept {
  const spans = f.spans;
  let sorted = true;
  for (let k = 1; k < spans.length && sorted; k++) sorted = compareSpans(spans[k - 1]!, spans[k]!) <= 0;
  if (!sorted) stableSort(spans, compareSpans);
  return f;
}

function firstPos(c: PaperConcept): number {
  const s = c.spans[0]!;
  return (s.field === 'title' ? 0 : 1e9) + s.start;
}

export function byFirstPos(a: PaperConcept, b: PaperConcept): number {
  return firstPos(a) - firstPos(b) || (a.id < b.id ? -1 : 1);
}

function byStart(a: Mention, b: Mention): number {
  return a.start - b.start;
}

/**
 * xs.sort(cmp), in place: the same order (both are stable). NOTE: a paper's lists are short, and insertion sort on them
 * allocates nothing, where every Array#sort call allocates its merge state (about a kilobyte).
 */
export function stableSort<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > 32) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i]!;
    let j = i - 1;
    while (j >= 0 && cmp(xs[j]!, x) > 0) {
      xs[j + 1] = xs[j]!;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
