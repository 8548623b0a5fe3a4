// Keyphrases mined from the corpus: recurring noun-like phrases nobody listed, scored by document frequency × IDF.
import type { ConceptKind } from './types.ts';
import { Gap, type Token } from './tokenize.ts';

const STOP = new Set(
  ('a an the of in on for to and or with by from as at into over under via is are was were be been being this that these those ' +
    'it its their our we they which who whose than then while when where both each such more most less fewer very also only ' +
    'not no can could may might will would should must has have had do does did using used use based new novel existing ' +
    'proposed different various several many multiple other same significant significantly large small high low first ' +
    'second two three one however thus therefore through across between without within up down out about after before ' +
    'all any some e g i ie eg et al respectively further furthermore moreover additionally results result paper work ' +
    'approach approache method methods model models show shows shown demonstrate demonstrates achieve achieves state art ' +
    'performance experiment experiments extensive code available github https www com effective efficient strong better ' +
    'improve improves improved improving make makes making well even still often key main level way ways non number reduce reduces reducing require requires enable enables allow allows propose introduce present lead leads').split(/\s+/),
);

export interface MinedPhrase {
  key: string;
  label: string;
  df: number;
  score: number;
  kind: ConceptKind;
}

/** Candidate phrases of a field: 2–4 lower-case words in a row, no stop word at either end. */
export function candidatePhrases(text: string, tokens: Token[], covered: Uint8Array): Array<{ key: string; from: number; to: number }> {
  const out: Array<{ key: string; from: number; to: number }> = [];
  const word = tokens.map((t) => isLowerWord(t.raw));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (covered[i] || !word[i] || t.raw.length < 3 || STOP.has(t.norm)) continue;
    let key = t.norm;
    for (let j = i + 1; j < Math.min(tokens.length, i + 4); j++) {
      const u = tokens[j]!;
      if (covered[j] || (u.gap !== Gap.Space && u.gap !== Gap.Join) || !word[j]) break;
      // NOTE: no stop word anywhere, so phrases stay noun-like ("token pruning", not "number of token").
      if (STOP.has(u.norm)) break;
      key += (u.gap === Gap.Join ? '-' : ' ') + u.norm;
      if (u.raw.length >= 3) out.push({ key, from: i, to: j + 1 });
    }
  }
  return out;
}

function isLowerWord(raw: string): boolean {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return true;
}

const TASK_HEADS = /(generation|recognition|answering|understanding|reasoning|translation|retrieval|classification|detection|segmentation|summarization|captioning|editing|planning|synthesis)$/;

/** Scores phrases by their spread over the corpus: counted once per paper, so the cost is linear in the papers. */
export function scorePhrases(docFreq: Map<string, number>, papers: number, minPapers: number, maxShare: number): Map<string, MinedPhrase> {
  const out = new Map<string, MinedPhrase>();
  const maxDf = Math.max(minPapers, Math.floor(maxShare * papers));
  for (const [key, df] of docFreq) {
    if (df < minPapers || df > maxDf) continue;
    const words = key.split(/[ -]/).length;
    const score = Math.round(df * Math.log((papers + 1) / df) * Math.log2(1 + words) * 1000) / 1000;
    out.set(key, { key, label: key, df, score, kind: TASK_HEADS.test(key) ? 'task' : 'method' });
  }
  return out;
}
