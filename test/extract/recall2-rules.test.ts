// Name rules of the second recall pass, each on its real source sentence (arXiv id) with negatives.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import type { Paper } from '../../src/model/paper.ts';

const paper = (abstract: string, title = 'A paper'): Paper => ({
  id: 'p1', title, abstract, authors: { names: [] }, links: {}, categories: [], provenance: [{ file: 't', format: 'jsonl', index: 0 }],
});
const found = (abstract: string, title?: string): string[] =>
  extract([paper(abstract, title)]).papers[0]!.concepts.map((c) => `${c.kind}:${c.label}`);

describe('"the X environment" (one capitalised word) is a benchmark in an ML paper', () => {
  // 2510.12088, "One Life to Learn: Inferring Symbolic World Models for Stochastic Environments from Unguided Exploration"
  const ml = ' Our LLM agents are trained with reinforcement learning.';
  it('"our reimplementation of the Crafter environment" (2510.12088)', () => {
    const s = 'We develop and evaluate our framework on Crafter-OO, our reimplementation of the Crafter environment that exposes a structured, object-oriented symbolic state.';
    expect(found(s + ml)).toContain('benchmark:Crafter');
  });
  it('not without ML context, not a software setup, not without "the"', () => {
    expect(found('Our reimplementation of the Crafter environment is described.')).not.toContain('benchmark:Crafter');
    expect(found('We install the Python environment first.' + ml)).not.toContain('benchmark:Python');
    expect(found('We run a Crafter environment.' + ml)).not.toContain('benchmark:Crafter');
    expect(found('Crafter environment runs are shown.' + ml)).not.toContain('benchmark:Crafter');
  });
});
