// Multi-word names, acronyms of data sets and lists headed by a plural benchmark noun, each on its real sentence (arXiv id).
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import type { Paper } from '../../src/model/paper.ts';

const paper = (abstract: string, title = 'A paper'): Paper => ({
  id: 'p1',
  title,
  abstract,
  authors: { names: [] },
  links: {},
  categories: [],
  provenance: [{ file: 't', format: 'jsonl', index: 0 }],
});
const found = (abstract: string, title?: string): string[] => extract([paper(abstract, title)]).papers[0]!.concepts.map((c) => `${c.kind}:${c.label}`);
const names = (abstract: string, title?: string): string[] => found(abstract, title).filter((x) => /^(benchmark|dataset|model|metric):/.test(x));
const ml = ' The LLM is trained with reinforcement learning on a benchmark.';

describe('multi-word names typed by their context (multiword.ts)', () => {
  it('"on X" after a score: "11.2% on Humanity\'s Last Exam" (2510.14545)', () => {
    const s =
      "With just 1K RL samples, Qwen3-14B with AEPO achieves impressive results: 47.6% on GAIA, 11.2% on Humanity's Last Exam, and 43.0% on WebWalker for Pass@1.";
    expect(names(s + ml)).toContain("benchmark:Humanity's Last Exam");
  });
  it('a list sibling of a known data set, and a plural head: "MNIST, Street View House Numbers and Toronto Face datasets" (1511.05644)', () => {
    const s =
      'We performed experiments on MNIST, Street View House Numbers and Toronto Face datasets and show that adversarial autoencoders achieve competitive results in generative modeling and semi-supervised classification tasks.';
    const got = names(s + ml);
    expect(got).toContain('benchmark:Street View House Numbers');
    expect(got).toContain('dataset:Toronto Face');
  });
  it('list siblings: "GSM Hard, MATH" (2406.07394), "Math Odyssey, AIME" (2406.07394)', () => {
    const s =
      'MCTSr was evaluated on multiple datasets, including GSM8K, GSM Hard, MATH, and Olympiad-level benchmarks, including Math Odyssey, AIME, and OlympiadBench.';
    expect(names(s + ml)).toContain('benchmark:Math Odyssey');
  });
  it('a head right after: "the Google Robot benchmark" (2510.11027)', () => {
    const s = 'Our approach achieves state-of-the-art results on the WidowX benchmark and competitive performance on the Google Robot benchmark.';
    expect(names(s + ml)).toContain('benchmark:Google Robot');
  });
  it('a word the vocabulary reads as a term may be inside: "the Tiny Images dataset" (1610.02242)', () => {
    const s = 'We improve the CIFAR-100 classification accuracy by using random images from the Tiny Images dataset as unlabeled extra input.';
    expect(names(s + ml)).toContain('dataset:Tiny Images');
    // ... but not at a sentence start (an adjective before a known term)
    expect(names('Traditional VideoQA benchmarks are saturated.' + ml).filter((x) => /Traditional/.test(x))).toEqual([]);
  });
  it('negatives: methods, models, prose, sentence starts, titles, languages, runs that a verb continues', () => {
    expect(names('We build on Direct Preference Optimization, a method for alignment.' + ml)).toEqual([]);
    expect(names('The Results of the Study show gains on MMLU.' + ml).filter((x) => /Results|Study/.test(x))).toEqual([]);
    expect(names('In Section 3 we report results on MMLU, Large Language Models remain weak.' + ml).filter((x) => /Section|Large/.test(x))).toEqual([]);
    expect(names('Results on MMLU, Open Assistant prompts improve.' + ml).filter((x) => /Open/.test(x))).toEqual([]);
    // 1703.10135: a language is no benchmark
    expect(
      names('Tacotron achieves a 3.82 subjective 5-scale mean opinion score on US English, outperforming a production system.' + ml).filter((x) =>
        /English/.test(x),
      ),
    ).toEqual([]);
    // Title Case: every phrase is a capitalised run
    expect(names('We study it.' + ml, 'Evaluating Agents on Long Range Tasks: GSM8K, Math Odyssey, and AIME').filter((x) => /Odyssey|Long/.test(x))).toEqual(
      [],
    );
    // no evaluation word before "on"
    expect(names('We focus on Social Good, which matters.' + ml).filter((x) => /Social/.test(x))).toEqual([]);
  });
});

describe('an acronym of a data set types its long form (multiword.ts acronymNameKind)', () => {
  it('"Google Scanned Objects (GSO) dataset" (2406.05649)', () => {
    const s = 'Our method achieves state-of-the-art results on Google Scanned Objects (GSO) dataset. Despite these gains, the method is fast.';
    expect(names(s + ml)).toContain('dataset:Google Scanned Objects');
  });
  it('"Street View House Numbers (SVHN)": the vocabulary\'s SVHN, not a method', () => {
    const got = extract([paper('We train a convolutional network on the Street View House Numbers (SVHN) and report accuracy on SVHN.' + ml)]).papers[0]!
      .concepts;
    const svhn = got.find((c) => c.aliases.includes('SVHN') || c.label === 'SVHN');
    expect(svhn?.kind).toBe('dataset');
    expect(svhn?.id).toBe('svhn');
  });
  it('negatives: a method long form stays a method', () => {
    const s = 'We use Direct Preference Optimization (DPO) and Group Relative Policy Optimization (GRPO) on MATH.' + ml;
    expect(found(s).filter((x) => /Optimization/.test(x) && !x.startsWith('method:'))).toEqual([]);
  });
});

describe('lists headed by a plural benchmark / dataset noun (headed-lists.ts, rule list:headed)', () => {
  it('"five new benchmarks: DrugPC, BrandPC, GenericPC, TreatmentPC, and DescriptionPC" (2503.10970)', () => {
    const s =
      'TxAgent is evaluated across five new benchmarks: DrugPC, BrandPC, GenericPC, TreatmentPC, and DescriptionPC, covering 3,168 drug reasoning tasks.';
    const got = names(s + ml);
    for (const n of ['DrugPC', 'BrandPC', 'GenericPC', 'TreatmentPC', 'DescriptionPC']) expect(got).toContain(`benchmark:${n}`);
  });
  it('"existing CIR benchmarks (CIRR and Fashion-IQ)" (2503.19910)', () => {
    const s = 'We refine existing CIR benchmarks (CIRR and Fashion-IQ) to enhance evaluation reliability.';
    expect(names(s + ml)).toEqual(expect.arrayContaining(['benchmark:CIRR', 'benchmark:Fashion-IQ']));
  });
  it('"two benchmarks, TaskAnything and JudgeAnything, to …" (2503.17489)', () => {
    const s = 'We introduce two benchmarks, TaskAnything and JudgeAnything, to respectively evaluate the overall performance and judging capabilities.';
    expect(names(s + ml)).toEqual(expect.arrayContaining(['benchmark:TaskAnything', 'benchmark:JudgeAnything']));
  });
  it('negatives: "Across benchmarks, X consistently …", a list of plain words, a singular head, a title', () => {
    expect(names('Across six benchmarks, MITS consistently surpasses baseline methods.' + ml).filter((x) => /MITS/.test(x))).toEqual([]);
    expect(names('It spans datasets: Mathematics, Physics and Chemistry.' + ml).filter((x) => /Mathematics|Physics/.test(x))).toEqual([]);
    expect(names('We use the benchmark: FooNet is strong.' + ml).filter((x) => /FooNet/.test(x))).toEqual([]);
    expect(names('We study it.' + ml, 'Benchmarks: DrugPC and BrandPC').filter((x) => /DrugPC/.test(x))).toEqual([]);
  });
});

describe('a benchmark only the title names (title-names.ts, rule title:X-benchmark)', () => {
  const abs = 'We study large language models (LLMs) on many tasks and report accuracy.';
  it('"DITING: A Multi-Agent Evaluation Framework for Benchmarking Web Novel Translation" (2510.09116)', () => {
    expect(names(abs, 'DITING: A Multi-Agent Evaluation Framework for Benchmarking Web Novel Translation')).toContain('benchmark:DITING');
  });
  it('"Test of Time: A Benchmark for Evaluating LLMs on Temporal Reasoning" (2406.09170)', () => {
    expect(names(abs, 'Test of Time: A Benchmark for Evaluating LLMs on Temporal Reasoning')).toContain('benchmark:Test of Time');
  });
  it('"OlympicArena: Benchmarking Multi-discipline Cognitive Reasoning for Superintelligent AI" (2406.12753)', () => {
    expect(names(abs, 'OlympicArena: Benchmarking Multi-discipline Cognitive Reasoning for Superintelligent AI')).toContain('benchmark:OlympicArena');
  });
  it('negatives: a claim as lead, a method subtitle, "Dataset Construction", an "Evaluating" method, a report', () => {
    const none = (title: string): string[] => names(abs, title).filter((x) => x.startsWith('benchmark:') || x.startsWith('dataset:'));
    expect(none('Beyond One World: Benchmarking Super Heros in Role-Playing Across Multiversal Contexts')).toEqual([]);
    expect(none('Judging the Judges: Evaluating Alignment and Vulnerabilities in LLMs-as-Judges')).toEqual([]);
    expect(none('Toffee: Efficient Million-Scale Dataset Construction for Subject-Driven Text-to-Image Generation')).toEqual([]);
    expect(none('LikePhys: Evaluating Intuitive Physics Understanding in Video Diffusion Models via Likelihood Preference')).toEqual([]);
    expect(none('TTT3R: 3D Reconstruction as Test-Time Training')).toEqual([]);
    expect(none('SKYLENAGE Technical Report: Mathematical Reasoning and Contest-Innovation Benchmarks')).toEqual([]);
  });
});
