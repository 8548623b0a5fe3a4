// Session 6's benchmark / dataset / model rules, each on the real sentence it was written from (arXiv id), with negatives.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { paper, ruleOf } from '../support/sentences.ts';

/** The typed names of one paper made of `abstract` (and title), as "kind:label". */
const typed = (abstract: string, title?: string): string[] =>
  extract([paper('p1', abstract, title)])
    .papers[0]!.concepts.filter((c) => /^(benchmark|dataset|model|metric)$/.test(c.kind))
    .map((c) => `${c.kind}:${c.label}`);
const ml = ' Deep neural networks are trained with supervised learning on labeled data.';
const one = (abstract: string, title?: string) => extract([paper('p1', abstract + ml, title)]).papers[0]!;

describe('a paper names its new data set in a description', () => {
  it('"X, the first fine-grained, spatially- and temporally- aware benchmark": hanging hyphens inside (2509.22646)', () => {
    const s =
      'We introduce DeeptraceReward, the first fine-grained, spatially- and temporally- aware benchmark that annotates human-perceived fake traces for video generation reward.';
    expect(typed(s + ml)).toEqual(['benchmark:DeeptraceReward']);
    expect(ruleOf(one(s), 'DeeptraceReward')).toBe('pattern:X-a-dataset');
    // An "and" that joins two phrases still ends the description.
    expect(typed('We introduce DeeptraceReward, the first method and a new benchmark.' + ml)).toEqual([]);
  });
  it('a parenthesis between name and description: "the CritPt (…), the first benchmark" (2509.26574)', () => {
    const s =
      'To address these questions, we present the CritPt (Complex Research using Integrated Thinking - Physics Test, pronounced "critical point"), the first benchmark designed to test LLMs on unpublished, research-level reasoning tasks.';
    expect(typed(s + ml)).toContain('benchmark:CritPt');
    // Another noun heads the description.
    expect(typed('We present the CritPt (a new recipe), the first framework designed to test LLMs.' + ml)).toEqual([]);
  });
  it('the paper\'s own acronym typed by its description: "… Ability (VERA), a benchmark for …" (2509.26542)', () => {
    const s =
      'We present Voice Evaluation of Reasoning Ability (VERA), a benchmark for evaluating reasoning ability in voice-interactive systems under real-time conversational constraints.';
    const p = one(s, 'Voice Evaluation of Reasoning Ability: Diagnosing the Modality-Induced Performance Gap');
    const c = p.concepts.find((x) => x.spans.some((sp) => sp.text === 'VERA'))!;
    expect(c.kind).toBe('benchmark');
    // Without a description the paper's own acronym stays a method.
    const q = one('We present Voice Evaluation of Reasoning Ability (VERA), a method for evaluating reasoning ability.');
    expect(q.concepts.find((x) => x.spans.some((sp) => sp.text === 'VERA'))!.kind).toBe('method');
  });
  it('a plain capitalised word after "we introduce", then a description (2510.01179)', () => {
    const s = 'To address this gap, we introduce Toucan, the largest publicly available tool-agentic dataset to date, containing 1.5 million trajectories.';
    expect(typed(s + ml)).toEqual(['dataset:Toucan']);
    // Not after another verb, and not at a sentence start.
    expect(typed('Results on Toucan, the largest publicly available tool-agentic dataset to date, differ.' + ml)).not.toContain('dataset:Toucan');
    expect(typed('Toucan, the largest publicly available dataset, is big.' + ml)).toEqual([]);
  });
});

describe('benchmarks by the words around them', () => {
  it('"the Sotopia interactive social evaluation benchmark" (2509.22887); only in a paper that reads as ML', () => {
    const s = 'Experiments on the Sotopia interactive social evaluation benchmark demonstrate the effectiveness of our method over a range of baselines.';
    expect(typed(s + ml)).toEqual(['benchmark:Sotopia']);
    expect(ruleOf(one(s), 'Sotopia')).toBe('pattern:the-X-adj-benchmark');
    // Not across a word that ends the noun phrase, not plural, not in a paper with no ML context.
    expect(typed('We run the Sotopia of our lab and a benchmark.' + ml)).toEqual([]);
    expect(typed('We run the Sotopia interactive social evaluation benchmarks.' + ml)).toEqual([]);
    expect(typed('We use the Millennium cosmological simulation suite to measure galaxy bias.')).toEqual([]);
  });
  it('"ReD Bench": a name and the word "Bench" apart, also inside a list (2510.02253)', () => {
    const s = 'Extensive experiments on DragBench-DR and ReD Bench show that DragFlow surpasses both point-based and region-based baselines.';
    const got = typed(s + ml);
    expect(got).toContain('benchmark:ReD Bench');
    expect(got).not.toContain('benchmark:ReD');
    expect(typed('we curate a novel benchmark (ReD Bench) featuring region-level dragging instructions.' + ml)).toContain('benchmark:ReD Bench');
    // A workbench, a capitalised word alone, a longer name joined on.
    expect(typed('We sit on the Bench in the park.' + ml)).toEqual([]);
  });
  it('hyphen-joined capitals lead a list after "benchmarks like" (2509.24304); not a list of tasks, not after "and"', () => {
    const s =
      'Extensive experiments on reasoning benchmarks like Video-Holmes, LongVideo-Reason, and long-video understanding benchmarks such as LongVideoBench, MLVU, VideoMME, and LVBench, demonstrate gains.';
    const got = typed(s + ml);
    expect(got).toContain('benchmark:Video-Holmes');
    expect(got).toContain('benchmark:LongVideo-Reason');
    expect(typed('We study tasks such as Question-Answering and retrieval.' + ml)).toEqual([]);
    expect(typed('On benchmarks like COCO and LVIS, Rex-Omni attains strong results.' + ml)).not.toContain('benchmark:Rex-Omni');
  });
});

describe('models by shape and list', () => {
  it('a parameter count behind a suffix: "the LLaDA-8B-Instruct model" (2509.26488)', () => {
    const s = 'When applied to the LLaDA-8B-Instruct model, dParallel reduces decoding steps from 256 to 30 on GSM8K.';
    expect(typed(s + ml)).toContain('model:LLaDA');
    expect(ruleOf(one(s), 'LLaDA-8B-Instruct')).toBe('pattern:X-7B');
    // Suffixes without a size say nothing.
    expect(typed('We apply the Foo-Instruct-Base recipe.' + ml)).toEqual([]);
  });
  it('"(e.g., A, B) models": the plural noun after the parenthesis types the list (2510.02209); not "techniques"', () => {
    expect(typed('We compare open-weight (e.g., GLM-4.5, FooBar-4.5) models on the task.' + ml)).toEqual(['model:GLM-4.5', 'model:FooBar-4.5']);
    // 2510.02919: "test-time (e.g., SLOT) techniques" are methods.
    expect(typed('broad composability with other training-time (e.g., RLHF) and test-time (e.g., SLOT) techniques.' + ml)).not.toContain('model:SLOT');
  });
});

describe('open-list data sets outside ML prose', () => {
  it('a distinctively written open name beside a data-set noun fires without ML context (1602.06136)', () => {
    const s = 'Indeed, a few datasets act as hubs (e.g., DBpedia) connecting many other datasets.';
    expect(extract([paper('p1', s)]).papers[0]!.concepts.map((c) => `${c.kind}:${c.label}`)).toContain('dataset:DBpedia');
    // No data-set noun near it: still guarded.
    expect(typed('The web of data grows, and DBpedia is one of its hubs for entity detection in the semantic web.')).toEqual([]);
  });
});

describe('names inside web addresses', () => {
  it('a known name in a URL path is no mention (2509.24203 "…/examples/rec_gsm8k"); outside the URL it still is', () => {
    const s = 'Source code for this work is available at https://github.com/modelscope/Trinity-RFT/tree/main/examples/rec_gsm8k.';
    expect(typed(s + ml)).toEqual([]);
    expect(typed('We evaluate on GSM8K; code: https://github.com/x/y.' + ml)).toEqual(['benchmark:GSM8K']);
  });
});
