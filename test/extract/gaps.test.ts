// The shared gap test (src/extract/gaps.ts) answers as the regexes it replaced, on every substring of random gaps.
import { describe, expect, it } from 'vitest';
import { commaGap, gapHas, gapIs, Mark, spacesOnly, Sp } from '../../src/extract/gaps.ts';

const CASES: [RegExp, (t: string, a: number, b: number) => boolean][] = [
  [/^\s*,\s*$/, (t, a, b) => commaGap(t, a, b)],
  [/^\s*$/, (t, a, b) => spacesOnly(t, a, b)],
  [/^\s+$/, (t, a, b) => gapIs(t, a, b, Sp.Some, '', Sp.None)],
  [/^\s*[,:]\s*$/, (t, a, b) => gapIs(t, a, b, Sp.Any, ',:', Sp.Any)],
  [/^,\s+$/, (t, a, b) => gapIs(t, a, b, Sp.None, ',', Sp.Some)],
  [/^:\s+$/, (t, a, b) => gapIs(t, a, b, Sp.None, ':', Sp.Some)],
  [/^\s*:\s+$/, (t, a, b) => gapIs(t, a, b, Sp.Any, ':', Sp.Some)],
  [/^\s*\($/, (t, a, b) => gapIs(t, a, b, Sp.Any, '(', Sp.None)],
  [/^\)\s+$/, (t, a, b) => gapIs(t, a, b, Sp.None, ')', Sp.Some)],
  [/^\s*[(:]\s*$/, (t, a, b) => gapIs(t, a, b, Sp.Any, '(:', Sp.Any)],
  [/^\s*[.;:)]?\s*$/, (t, a, b) => gapIs(t, a, b, Sp.Any, '.;:)', Sp.Any, Mark.Optional)],
  [/^\s*[.;:)]/, (t, a, b) => gapIs(t, a, b, Sp.Any, '.;:)', Sp.Rest)],
  [/^\s*,/, (t, a, b) => gapIs(t, a, b, Sp.Any, ',', Sp.Rest)],
  [/[.;]/, (t, a, b) => gapHas(t, a, b, '.;')],
];

describe('gapIs', () => {
  it('equals each regex on all substrings of 3,000 random gaps', () => {
    const alphabet = [' ', ' ', '\u00a0', '\n', ',', ':', '(', ')', '.', ';', 'a', '-'];
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % n);
    let checked = 0;
    for (let i = 0; i < 3000; i++) {
      const len = 1 + rnd(5);
      let t = '';
      for (let j = 0; j < len; j++) t += alphabet[rnd(alphabet.length)];
      const text = 'x' + t + 'y';
      for (let a = 0; a <= text.length; a++) {
        for (let b = a; b <= text.length; b++) {
          for (const [re, fn] of CASES) {
            if (fn(text, a, b) !== re.test(text.slice(a, b))) throw new Error(`${re} on ${JSON.stringify(text.slice(a, b))}`);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100_000);
  });
  it('exact answers on small gaps', () => {
    expect(gapIs(' , ', 0, 3, Sp.Any, ',', Sp.Any)).toBe(true);
    expect(gapIs(' ; ', 0, 3, Sp.Any, ',', Sp.Any)).toBe(false);
    expect(gapIs('(', 0, 1, Sp.Any, '(', Sp.None)).toBe(true);
    expect(gapIs('( ', 0, 2, Sp.Any, '(', Sp.None)).toBe(false);
  });
});
