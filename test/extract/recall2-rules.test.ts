// Name rules of the second recall pass, each on its real source sentence (arXiv id) with negatives.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { paper } from '../support/sentences.ts';

const found = (abstract: string, title?: string): string[] => extract([paper('p1', abstract, title)]).papers[0]!.concepts.map((c) => `${c.kind}:${c.label}`);

describe('"the X environment" (one capitalised word) is a benchmark in an ML paper', () => {
  // 2510.12088, "One Life to Learn: Inferring Symbolic World Models for Stochastic Environments from Unguided Exploration"
  const ml = ' Our LLM agents are trained with reinforcement learning.';
  it('"our reimplementation of the Crafter environment" (2510.12088)', () => {
    const s =
      'We develop and evaluate our framework on Crafter-OO, our reimplementation of the Crafter environment that exposes a structured, object-oriented symbolic state.';
    expect(found(s + ml)).toContain('benchmark:Crafter');
  });
  it('not without ML context, not a software setup, not without "the"', () => {
    expect(found('Our reimplementation of the Crafter environment is described.')).not.toContain('benchmark:Crafter');
    expect(found('We install the Python environment first.' + ml)).not.toContain('benchmark:Python');
    expect(found('We run a Crafter environment.' + ml)).not.toContain('benchmark:Crafter');
    expect(found('Crafter environment runs are shown.' + ml)).not.toContain('benchmark:Crafter');
  });
});

describe('a lower-case "X similarity / distance / rate / score" listed next to a metric is a metric', () => {
  const ml = ' The LLM is trained on speech tokens.';
  it('"in terms of content accuracy, speaker similarity, audio quality" (2406.02897)', () => {
    const s =
      'Experiments show our proposed models achieve competitive results to state-of-the-art baselines in terms of content accuracy, speaker similarity, audio quality, and inference speed while being suitable for low-latency streaming applications.';
    expect(found(s + ml)).toContain('metric:speaker similarity');
  });
  it('"speaker similarity and WER": the sibling after "and"', () => {
    expect(found('Our model improves speaker similarity and WER.' + ml)).toContain('metric:speaker similarity');
  });
  it('not a hyper-parameter, not without a metric beside it, not outside ML', () => {
    expect(found('We tune accuracy, learning rate and BLEU.' + ml).filter((x) => x.includes('rate'))).toEqual([]);
    expect(found('Our model improves speaker similarity for all voices.' + ml)).not.toContain('metric:speaker similarity');
    expect(found('The galaxies show accuracy, structural similarity and redshift.')).not.toContain('metric:structural similarity');
  });
});

describe('a lower-case piece joined to a mixed-case one starts a name after "on" / "and"', () => {
  const ml = ' Our LLM agents are trained with reinforcement learning.';
  it('"83% on xbench-DeepSearch" (2509.25301)', () => {
    const s =
      'Flash-Searcher achieves 67.7% accuracy on BrowseComp and 83% on xbench-DeepSearch, while reducing agent execution steps by up to 35% compared to current frameworks.';
    expect(found(s + ml)).toContain('benchmark:xbench-DeepSearch');
  });
  it('"BrowseComp and xbench-DeepSearch": a list sibling of a known benchmark', () => {
    expect(found('It scores 45.2 on BrowseComp and xbench-DeepSearch.' + ml)).toContain('benchmark:xbench-DeepSearch');
  });
  it('not a prefix compound ("non-MoE"), not elsewhere ("(xbench-DeepSearch)")', () => {
    expect(found('We train on non-MoE data.' + ml).some((x) => x.startsWith('benchmark:'))).toBe(false);
    expect(found('We train the agent (xbench-DeepSearch) on data.' + ml)).not.toContain('benchmark:xbench-DeepSearch');
  });
});
