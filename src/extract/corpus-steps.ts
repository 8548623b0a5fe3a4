// The corpus-wide steps after the first pass: names typed across papers, one kind per name, mined keyphrases, the concept list.
import type { Paper } from '../model/paper.ts';
import { CONCEPT_KINDS, type Concept, type ConceptKind, type Span } from './types.ts';
import type { ExtractOptions } from './options.ts';
import type { VocabularyEntry } from './vocabulary.ts';
import type { CorpusNames, LearntName } from './corpus-names.ts';
import type { PhraseMiner } from './mine.ts';
import { FIELDS, KIND_CODE, type ConceptInfo, type Finding, type RunFindings } from './findings.ts';

/**
 * The corpus pass: each bare mention of a name another paper typed outright joins its paper's findings, with the span
 * rule "corpus:typed-by <paper id>". NOTE: linear: the bare log is in paper order, each paper's gid range is rebuilt
 * once; results do not see these mentions (they are settled per paper in the first pass's mention log).
 */
export function typeAcrossCorpus(papers: Paper[], run: RunState, corpus: CorpusNames): void {
  const { found, lists, gidStart } = run;
  const extra = new Map<number, number[]>();
  let cur = -1;
  let gids: number[] = [];
  corpus.resolve((wi, fi, start, end, name: LearntName) => {
    if (wi !== cur) {
      cur = wi;
      gids = [];
      for (let k = gidStart[wi]!; k < gidStart[wi + 1]!; k++) gids.push(run.paperGids[k]!);
      found.begin(wi + 1, lists[wi]!, gids);
      extra.set(wi, gids);
    }
    const text = fi === 0 ? papers[wi]!.title : papers[wi]!.abstract;
    const span: Span = { field: FIELDS[fi]!, start, end, text: text.slice(start, end), rule: `corpus:typed-by ${name.paperId}` };
    found.add({ id: name.id, label: name.label, kind: name.kind, source: 'pattern' }, span);
  });
  if (extra.size === 0) return;
  let total = 0;
  for (let wi = 0; wi < lists.length; wi++) total += extra.get(wi)?.length ?? gidStart[wi + 1]! - gidStart[wi]!;
  const next = new Int32Array(Math.max(total, 1));
  const starts: number[] = [0];
  let at = 0;
  for (let wi = 0; wi < lists.length; wi++) {
    const more = extra.get(wi);
    if (more) for (const g of more) next[at++] = g;
    else for (let k = gidStart[wi]!; k < gidStart[wi + 1]!; k++) next[at++] = run.paperGids[k]!;
    starts.push(at);
  }
  run.paperGids = next;
  run.gidStart = starts;
}

/** What the first pass leaves for the corpus-wide steps. */
export interface RunState {
  found: RunFindings;
  /** Per paper, its findings. */
  lists: Finding[][];
  /** The gids of paper wi's first-pass findings are paperGids[gidStart[wi] .. gidStart[wi + 1]). */
  paperGids: Int32Array;
  gidStart: number[];
  /** gids below this are vocabulary ids. */
  vocabGids: number;
  /** Per paper, the gids of the findings mining added (after the first pass's in its list), if any. */
  minedGids: Array<number[] | undefined>;
}

const KIND_ORDER: readonly ConceptKind[] = ['benchmark', 'dataset', 'model', 'metric', 'method', 'task', 'modality', 'topic'];

/**
 * A name seen as a benchmark in one paper and a model in another gets one kind (the most frequent), so ids stay unique
 * across kinds. Returns, per gid, the code of the kind chosen (-1: unchanged), for the mentions.
 */
export function harmoniseKinds(run: RunState): Int8Array {
  const { lists, paperGids, gidStart, vocabGids } = run;
  const votes = new Map<number, Map<ConceptKind, number>>();
  for (let wi = 0; wi < lists.length; wi++) {
    const list = lists[wi]!;
    const from = gidStart[wi]!;
    for (let k = 0; k < list.length; k++) {
      const g = paperGids[from + k]!;
      if (g < vocabGids) continue;
      const f = list[k]!;
      let v = votes.get(g);
      if (!v) votes.set(g, (v = new Map()));
      v.set(f.kind, (v.get(f.kind) ?? 0) + 1);
    }
  }
  const kindOf = new Int8Array(run.found.ids.length).fill(-1);
  let changed = false;
  for (const [g, v] of votes) {
    if (v.size < 2) continue;
    let best: ConceptKind = 'method';
    let bestN = -1;
    for (const k of KIND_ORDER) if ((v.get(k) ?? 0) > bestN) [best, bestN] = [k, v.get(k) ?? 0];
    kindOf[g] = KIND_CODE.get(best)!;
    changed = true;
  }
  if (!changed) return kindOf;
  for (let wi = 0; wi < lists.length; wi++) {
    const list = lists[wi]!;
    const from = gidStart[wi]!;
    for (let k = 0; k < list.length; k++) {
      const c = kindOf[paperGids[from + k]!]!;
      if (c >= 0) list[k]!.kind = CONCEPT_KINDS[c]!;
    }
  }
  return kindOf;
}

/** Papers whose best mined candidates are sent to the tagger together. */
const CHUNK_BLOCK = 512;

/** Recurring phrases across the corpus, added to each paper where they are among its most distinctive. */
export function mineKeyphrases(papers: Paper[], run: RunState, miner: PhraseMiner, opts: ExtractOptions, vocabIds: Map<string, VocabularyEntry>): void {
  if (opts.minedPerPaper === 0) return;
  miner.finish(opts.minedMinPapers, opts.minedMaxShare);
  const { found, lists, paperGids, gidStart } = run;
  // gids used by other concepts, so mined ids never collide across kinds
  const taken = new Uint8Array(found.ids.length);
  for (let k = 0; k < gidStart[lists.length]!; k++) taken[paperGids[k]!] = 1;
  const occ = miner.occurrences;
  // NOTE: per phrase id, the last paper that listed it (its score is the miner's, computed once; -1: too rare, too
  // common or generic), so each paper's candidates are gathered in typed arrays and only the chosen few become objects.
  const stamp = new Int32Array(miner.phraseCount).fill(-1);
  let cands = new Int32Array(256);
  for (let wi = 0; wi < papers.length; wi++) {
    // NOTE: the tagger's verdicts on the best candidates of the next papers, in one call (see prefetchChunks).
    if (wi % CHUNK_BLOCK === 0) miner.prefetchChunks(wi, Math.min(papers.length, wi + CHUNK_BLOCK), opts.minedPerPaper + 2);
    const paper = papers[wi]!;
    const from = miner.occFrom(wi);
    const to = miner.occTo(wi);
    let n = 0;
    for (let o = from; o < to; o += 3) {
      const pid = occ[o]!;
      if (stamp[pid] === wi) continue;
      stamp[pid] = wi;
      const sc = miner.cachedScore(pid);
      if (sc < 0) continue;
      if (n === cands.length) {
        const next = new Int32Array(n * 2);
        next.set(cands);
        cands = next;
      }
      cands[n++] = pid;
    }
    const chosen: string[] = [];
    // NOTE: the paper's findings are looked up only when a candidate gets that far.
    let begun = false;
    // Best first (score, then key); NOTE: picking the next best each time is cheaper than sorting, as only a few are taken.
    for (let left = n; left > 0 && chosen.length < opts.minedPerPaper; left--) {
      let bi = 0;
      for (let k = 1; k < left; k++) {
        const a = miner.cachedScore(cands[k]!);
        const b = miner.cachedScore(cands[bi]!);
        if (a > b || (a === b && miner.key(cands[k]!) < miner.key(cands[bi]!))) bi = k;
      }
      const pid = cands[bi]!;
      cands[bi] = cands[left - 1]!;
      const phrase = miner.phrase(pid);
      // NOTE: undefined when the tagger reads it as no noun phrase; the next best candidate is tried instead.
      if (!phrase) continue;
      if (chosen.some((k) => k.includes(phrase.key) || phrase.key.includes(k))) continue;
      const id = phrase.id;
      if (vocabIds.has(id)) continue;
      if (!begun) {
        begun = true;
        const gids: number[] = [];
        for (let k = gidStart[wi]!; k < gidStart[wi + 1]!; k++) gids.push(paperGids[k]!);
        found.begin(wi + 1, lists[wi]!, gids);
        run.minedGids[wi] = found.gids;
      }
      const g = found.known(id);
      if (g >= 0 && g < taken.length && taken[g] === 1 && !found.has(g)) continue;
      chosen.push(phrase.key);
      const info: ConceptInfo = { id, label: phrase.label, kind: phrase.kind, source: 'mined' };
      for (let o = from; o < to; o += 3) {
        if (occ[o] !== pid) continue;
        const fi = occ[o + 1]! & 1;
        const start = occ[o + 1]! >> 1;
        const end = occ[o + 2]!;
        const span: Span = { field: FIELDS[fi]!, start, end, text: (fi === 0 ? paper.title : paper.abstract).slice(start, end), rule: 'mined' };
        found.add(info, span, undefined, phrase.score);
      }
    }
  }
}

/** Every concept found, sorted by id, with the aliases seen in any paper. */
export function collectConcepts(run: RunState): Concept[] {
  const { found, lists, paperGids, gidStart, minedGids } = run;
  // NOTE: `last` is the alias list of the concept's previous paper, all of it in the set: most lists begin with the
  // same vocabulary aliases (the very same strings), which are passed over by comparing references.
  const all: Array<{ concept: Concept; aliases: Set<string>; last: readonly string[] } | undefined> = new Array(found.ids.length);
  for (let wi = 0; wi < lists.length; wi++) {
    const list = lists[wi]!;
    const from = gidStart[wi]!;
    const firstPass = gidStart[wi + 1]! - from;
    const mined = minedGids[wi];
    // NOTE: a paper has one finding per concept, so the order within the paper does not matter here, only paper order.
    for (let k = 0; k < list.length; k++) {
      const c = list[k]!;
      const g = k < firstPass ? paperGids[from + k]! : mined![k]!;
      const cur = all[g];
      if (!cur) {
        const { spans: _spans, ...concept } = c;
        const aliases = [...c.aliases];
        all[g] = { concept: { ...concept, aliases }, aliases: new Set(aliases), last: c.aliases };
      } else {
        // NOTE: a Set beside the list, as popular concepts gather many spellings across a corpus.
        const aliasList = c.aliases;
        const last = cur.last;
        for (let j = 0; j < aliasList.length; j++) {
          const a = aliasList[j]!;
          if ((j < last.length && last[j] === a) || cur.aliases.has(a)) continue;
          cur.aliases.add(a);
          cur.concept.aliases.push(a);
        }
        cur.last = aliasList;
      }
    }
  }
  const out: Concept[] = [];
  for (const r of all) if (r) out.push(r.concept);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
