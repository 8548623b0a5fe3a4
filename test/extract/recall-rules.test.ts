// Recall rules of issue 10 (list propagation, names headed by a known task word, metrics by shape), each on the real sentence it came from, with negatives.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { Tokens } from '../../src/extract/tokenize.ts';
import { Lexicon } from '../../src/extract/lexicon.ts';
import { showsMLContext } from '../../src/extract/guards.ts';

import { conceptOf, one, paper, ruleOf } from '../support/sentences.ts';

describe('list propagation: a known benchmark types its name-shaped siblings (HF Daily Papers 2024-06, 2025-10-01…17)', () => {
  it('"On Humaneval, MBPP, and EvalPlus" (2510.03270): the known MBPP types the unknown EvalPlus', () => {
    const p = one('On Humaneval, MBPP, and EvalPlus, CoDA-1.7B-Instruct matches or surpasses diffusion models with up to 7B parameters.');
    expect(conceptOf(p, 'EvalPlus')).toMatchObject({ kind: 'benchmark' });
    expect(ruleOf(p, 'EvalPlus')).toBe('list:sibling');
  });
  it('a known name with a piece joined on does not end the list: "GPQA-Diamond, and MedQA" (2509.24107)', () => {
    const p = one('demonstrating strong generalization to diverse reasoning tasks including HLE, AIME-25, GPQA-Diamond, and MedQA.');
    expect(conceptOf(p, 'MedQA')).toMatchObject({ kind: 'benchmark' });
  });
  it('through parentheses of scores (2510.00732)', () => {
    const p = one('the reasoning models on MiniF2F-Test (69.8% pass@32), Ineq-Comp-Seed (52.2% pass@32), and Ineq-Comp-Transformed (34.0% pass@32).');
    expect(conceptOf(p, 'Ineq-Comp-Seed')).toMatchObject({ kind: 'benchmark' });
    expect(conceptOf(p, 'Ineq-Comp-Transformed')).toMatchObject({ kind: 'benchmark' });
  });
  it('a plural head closes a list: "the Kinetics-GEBD and TAPOS datasets" (2510.06855), "Robomimic, PushT, and RoboTwin benchmarks" (2510.01068)', () => {
    // NOTE: benchmark or dataset, scored together (shared/eval/README.md): "on X" types it first here.
    expect(['benchmark', 'dataset']).toContain(
      conceptOf(one('achieves performance comparable to prior offline-GEBD methods on the Kinetics-GEBD and TAPOS datasets.'), 'TAPOS')!.kind,
    );
    const p = one('Experiments on Robomimic, PushT, and RoboTwin benchmarks, along with real-world evaluation, show gains.');
    for (const name of ['Robomimic', 'PushT', 'RoboTwin']) expect(conceptOf(p, name), name).toMatchObject({ kind: 'benchmark' });
  });
  it('"and" closes the list: "COCO and LVIS, Rex-Omni attains" types no Rex-Omni (2510.12798)', () => {
    const p = one('On benchmarks like COCO and LVIS, Rex-Omni attains performance comparable to or exceeding regression-based models.');
    expect(conceptOf(p, 'LVIS')).toMatchObject({ kind: 'benchmark' });
    expect(conceptOf(p, 'Rex-Omni')).toBeUndefined();
  });
  it('pieces of longer names stay untyped: "GSM Hard", "Math Odyssey" (2406.07394), "Open Assistant" (2406.08673)', () => {
    const p = one(
      'improving success rates across multiple datasets, including GSM8K, GSM Hard, MATH, and Olympiad-level benchmarks, including Math Odyssey, AIME, and OlympiadBench.',
    );
    expect(conceptOf(p, 'Hard')).toBeUndefined();
    expect(conceptOf(p, 'Odyssey')).toBeUndefined();
    const q = one('permissively licensed preference datasets, such as Open Assistant, HH-RLHF, and HelpSteer need to be updated');
    expect(conceptOf(q, 'Assistant')).toBeUndefined();
  });
  it('a list of models types no benchmark (2510.02209)', () => {
    const p = one('Evaluating proprietary (e.g., GPT-5, Claude-4) and open-weight (e.g., Qwen3, Kimi-K2, GLM-4.5) models shows gaps.');
    expect(p.concepts.filter((c) => c.kind === 'benchmark' || c.kind === 'dataset')).toEqual([]);
  });
  it('a list of methods types nothing: "PPO, GRPO and REINFORCE-X" (2510.01051)', () => {
    const p = one('We conduct apple-to-apple benchmarking of PPO, GRPO and ReMax-V2 in both single- and multi-turn settings.');
    expect(conceptOf(p, 'ReMax-V2')).toBeUndefined();
  });
});

describe('a known task word heading a longer name, descriptions, evaluation before "on"', () => {
  it('"T2I-ReasonBench" is one benchmark, not "ReasonBench" (2510.12784)', () => {
    const p = one('boosting performance on T2I-CompBench from 82.18 to 88.37 and on T2I-ReasonBench from 43.82 to 46.75.');
    expect(conceptOf(p, 'T2I-ReasonBench')).toMatchObject({ id: 't2i-reasonbench', kind: 'benchmark' });
  });
  it('"VSR-120K, a new dataset" (2510.12747) with "video super-resolution (VSR)" defined', () => {
    const p = one(
      'applying them to real-world video super-resolution (VSR) remains challenging. To support large-scale training, we also construct VSR-120K, a new dataset with 120k videos and 180k images.',
    );
    expect(conceptOf(p, 'VSR-120K')).toMatchObject({ kind: 'dataset' });
  });
  it('but "VLA-0.9B" is a size of the known word, no new name (2510.10274), and a title\'s "On Code-Induced Reasoning" is none', () => {
    const p = one('We train Vision-Language-Action (VLA) models. Our VLA-0.9B runs fast.');
    expect(p.concepts.find((c) => c.label === 'VLA' && c.kind === 'model')).toBeUndefined();
    const q = extract([paper('p1', 'We study code and reasoning of language models in training.', 'On Code-Induced Reasoning in LLMs')]).papers[0]!;
    expect(q.concepts.filter((c) => c.kind === 'benchmark')).toEqual([]);
  });
  it('a description with commas between its adjectives: "HoneyBee, a large-scale, high-quality CoT reasoning dataset" (2510.12225)', () => {
    const p = one('Motivated by these insights, we introduce HoneyBee, a large-scale, high-quality CoT reasoning dataset with 2.5M examples.');
    expect(conceptOf(p, 'HoneyBee')).toMatchObject({ kind: 'dataset' });
  });
  it('"evaluate our framework on X" makes the paper\'s own environment count (2510.12088)', () => {
    const p = one('We develop and evaluate our framework on Crafter-OO, our reimplementation of the Crafter environment.');
    expect(conceptOf(p, 'Crafter-OO')).toMatchObject({ kind: 'benchmark' });
  });
});

describe('metrics by shape', () => {
  it('"Cohen\'s kappa" (2406.12624), "Kendall\'s tau" (issue 10\'s miss)', () => {
    const p = one("The agreement between annotators reaches a Cohen's kappa of 0.72, and Kendall's tau with human ratings is 0.61.");
    expect(conceptOf(p, "Cohen's kappa")).toMatchObject({ kind: 'metric' });
    expect(conceptOf(p, "Kendall's tau")).toMatchObject({ kind: 'metric' });
  });
  it('"P95 latency" (issue 10\'s miss), not "P95" alone nor "the latency"', () => {
    const p = one('The router reduces P95 latency by 40% while the latency of P95 requests is unchanged.');
    expect(conceptOf(p, 'P95 latency')).toMatchObject({ kind: 'metric', label: 'P95 latency' });
    expect(p.concepts.filter((c) => c.kind === 'metric').length).toBe(1);
  });
  it('"higher X and Y than" (issue 10: PickScore, HPSv3), but not "higher MMLU scores"', () => {
    const p = one('Our images obtain higher PickScore and HPSv3 than SDXL.');
    expect(conceptOf(p, 'PickScore')).toMatchObject({ kind: 'metric' });
    expect(conceptOf(p, 'HPSv3')).toMatchObject({ kind: 'metric' });
    expect(conceptOf(one('It obtains higher MMLU scores than Llama.'), 'MMLU')).toMatchObject({ kind: 'benchmark' });
  });
  it('"metrics (X, Y)" types a list of metrics', () => {
    const p = one('We report three metrics (StructScore, LayoutF1, and EditSim) on all tasks.');
    for (const name of ['StructScore', 'LayoutF1', 'EditSim']) expect(conceptOf(p, name), name).toMatchObject({ kind: 'metric' });
  });
});

describe('ML cues for the sense guards', () => {
  const lex = new Lexicon();
  const ml = (s: string) => showsMLContext([new Tokens(lex).fill(s)]);
  it('words of ML practice count ("SVM", "unlabeled", "ablation"), "fine-tuning" does not (astrophysics fine-tunes, 2604.21559 of the out-of-domain test)', () => {
    expect(ml('We train an SVM on unlabeled points.')).toBe(true);
    expect(ml('The model needs fine-tuning of its parameters and fine-tuned priors.')).toBe(false);
  });
});
