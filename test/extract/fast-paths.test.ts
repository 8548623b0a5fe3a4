// The fast paths of the extractor give the same answers as the plain code they replace, on the real corpus texts.
import { describe, expect, it, beforeAll } from 'vitest';
import { ingest } from '../../src/ingest/index.ts';
import { fileSource } from '../../src/io/files.ts';
import type { Paper } from '../../src/model/paper.ts';
import { Tokens } from '../../src/extract/tokenize.ts';
import { Lexicon } from '../../src/extract/lexicon.ts';
import { atSentenceStart } from '../../src/extract/names.ts';
import { DELTA_BEFORE, deltaBefore, NUMBER, nextNumber } from '../../src/extract/results.ts';
import { createRng } from '../../src/graph/rng.ts';
import { PairMap } from '../../src/extract/int-tables.ts';

let corpus: Paper[];
beforeAll(async () => {
  corpus = (await ingest([fileSource('graph/corpus/hf-daily-papers-fewer-tokens.txt')])).papers;
});

describe('fast paths agree with the plain tests', () => {
  it('atSentenceStart scans the gap in place as /[.!?:]\\s*$/ or /\\n\\s*\\n/ on the sliced gap would', () => {
    const tokens = new Tokens(new Lexicon());
    let starts = 0;
    const texts = [...corpus.flatMap((p) => [p.title, p.abstract]), 'One.\u2028Two', 'a\n \u00a0\nB', 'x :\u3000Y', 'p\n q\nR'];
    for (const text of texts) {
      tokens.fill(text);
      for (let i = 0; i < tokens.n; i++) {
        const gap = i === 0 ? '' : text.slice(tokens.end[i - 1]!, tokens.start[i]!);
        const plain = i === 0 || /[.!?:]\s*$/.test(gap) || /\n\s*\n/.test(gap);
        if (atSentenceStart(text, tokens, i) !== plain) throw new Error(`differs at token ${i} of ${JSON.stringify(text.slice(0, 60))}`);
        if (plain) starts++;
      }
    }
    expect(starts).toBeGreaterThan(1000);
  });

  it('deltaBefore equals DELTA_BEFORE on the text before every digit of the corpus', () => {
    let hits = 0;
    const texts = [...corpus.map((p) => p.abstract), 'improves accuracy by  5', 'outperforms GPT-4 BY\u00a0 3', 'increased up to 2', 'xby 3', 'gain of 3'];
    for (const text of texts) {
      for (let at = 0; at < text.length; at++) {
        const c = text.charCodeAt(at);
        if (c < 48 || c > 57) continue;
        const from = Math.max(0, text.lastIndexOf('.', at - 1) + 1);
        const plain = DELTA_BEFORE.test(text.slice(from, at));
        if (deltaBefore(text, from, at) !== plain) throw new Error(`differs before ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 5))}`);
        if (plain) hits++;
      }
    }
    expect(hits).toBeGreaterThan(20);
  });

  it('nextNumber yields what text.matchAll(NUMBER) yields, on every corpus text and on random strings of digits and signs', () => {
    const viaNext = (t: string): string[] => {
      const out: string[] = [];
      for (let m = nextNumber(t, 0); m !== null; m = nextNumber(t, m.index + Math.max(1, m[0].length))) out.push(`${m.index}:${m[0]}`);
      return out;
    };
    const viaRegex = (t: string): string[] => [...t.matchAll(NUMBER)].map((m) => `${m.index}:${m[0]}`);
    const rng = createRng(7);
    const alphabet = '0123456789.,-+−%x× sAa\n';
    const random = Array.from({ length: 5000 }, () =>
      Array.from({ length: 1 + Math.floor(rng() * 24) }, () => alphabet[Math.floor(rng() * alphabet.length)]).join(''),
    );
    let numbers = 0;
    for (const t of [...corpus.flatMap((p) => [p.title, p.abstract]), ...random]) {
      const expected = viaRegex(t);
      numbers += expected.length;
      expect(viaNext(t), t).toEqual(expected);
    }
    expect(numbers).toBeGreaterThan(1000);
  });
  it('PairMap keeps every pair through rehashes, as a Map would', () => {
    const m = new PairMap();
    const ref = new Map<string, number>();
    let seed = 7;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) | 0) & 0xfff;
    for (let k = 0; k < 50_000; k++) {
      const a = next() - 100;
      const b = next();
      expect(m.intern(a, b)).toBe(ref.get(`${a},${b}`) ?? ref.size);
      if (!ref.has(`${a},${b}`)) ref.set(`${a},${b}`, ref.size);
    }
    expect(m.size).toBe(ref.size);
    expect(m.get(-5000, 1)).toBe(PairMap.MISSING);
  });
});
