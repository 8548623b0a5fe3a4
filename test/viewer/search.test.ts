// The viewer's search ranking: exact, prefix, word start, substring; ties by weight, label, key; one result per key.
// The one-pass ranking is checked against the obvious sort-everything version on seeded random indexes.
import { describe, expect, it } from 'vitest';
import { normalise, searchIndex, type SearchEntry } from '../../web/src/search.ts';

function reference(index: SearchEntry[], query: string, limit = 10): SearchEntry[] {
  const q = normalise(query.trim());
  const scored = index
    .map((e) => ({ e, at: e.text.indexOf(q) }))
    .filter((x) => x.at >= 0)
    .map(({ e, at }) => ({ e, score: e.text === q ? 4 : at === 0 ? 3 : /[\s\-_:(/]/.test(e.text[at - 1]) ? 2 : 1 }));
  scored.sort(
    (a, b) => b.score - a.score || b.e.weight - a.e.weight || a.e.label.localeCompare(b.e.label) || (a.e.key < b.e.key ? -1 : a.e.key > b.e.key ? 1 : 0),
  );
  const seen = new Set<string>();
  const out: SearchEntry[] = [];
  for (const { e } of scored) {
    if (seen.has(e.key)) continue;
    seen.add(e.key);
    out.push(e);
    if (out.length >= limit) break;
  }
  return out;
}

const entry = (key: string, label: string, weight: number, kind = 'paper'): SearchEntry => ({ key, label, text: normalise(label), kind, weight });

describe('search ranking', () => {
  it('exact before prefix before word start before substring; ties by weight; aliases give one result per key', () => {
    const index = [
      entry('a', 'MMLU-Pro', 5),
      entry('b', 'MMLU', 1),
      entry('c', 'the MMLU set', 9),
      entry('d', 'xmmlu', 50),
      entry('b', 'mmlu → MMLU', 1, 'benchmark'),
    ];
    expect(searchIndex(index, 'mmlu').map((e) => e.key)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('matches the sort-everything ranking on seeded random indexes', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const words = ['token', 'vision', 'model', 'tok', 'bench', 'Élan', 'a', 'net', 'image-net', 'imagenet'];
    for (let round = 0; round < 20; round++) {
      const index: SearchEntry[] = [];
      for (let i = 0; i < 400; i++) {
        const label = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => words[Math.floor(rand() * words.length)]).join(rand() < 0.5 ? ' ' : '');
        index.push(entry(`k${Math.floor(rand() * 300)}`, label, Math.floor(rand() * 4)));
      }
      for (const q of ['tok', 'a', 'net', 'elan', 'token vision', 'zzz'])
        expect(
          searchIndex(index, q).map((e) => `${e.key}:${e.label}`),
          q,
        ).toEqual(reference(index, q).map((e) => `${e.key}:${e.label}`));
    }
  });
});
