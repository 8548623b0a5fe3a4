// Session 6's metric rules (src/extract/metric-rules.ts), each on the real sentence it was written from (arXiv id), with negatives.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { paper, ruleOf } from '../support/sentences.ts';

const ml = ' Deep neural networks are trained with supervised learning on labeled data.';
/** The metrics of one paper made of `abstract` (ML sentence appended unless `plain`). */
const metrics = (abstract: string, plain = false): string[] =>
  extract([paper('p1', plain ? abstract : abstract + ml)])
    .papers[0]!.concepts.filter((c) => c.kind === 'metric')
    .map((c) => c.label);
const one = (abstract: string) => extract([paper('p1', abstract + ml)]).papers[0]!;

describe('a list after "metrics" (metric:headed)', () => {
  it('opened by a dash and closed by one, with a count (2510.05096)', () => {
    const s =
      "We further design four tailored evaluation metrics--Meta Similarity, PresentArena, PresentQuiz, and IP Memory--to measure how videos convey the paper's information to the audience.";
    expect(metrics(s)).toEqual(['Meta Similarity', 'PresentArena', 'PresentQuiz', 'IP Memory']);
    expect(ruleOf(one(s), 'PresentQuiz')).toBe('metric:headed');
  });
  it('opened by a colon, items with asides in parentheses, one known (2510.05432)', () => {
    const s =
      'Performance is assessed with three metrics: Success Rate (does the solution address the problem?), Rediscovery (does it align with human-proposed methods?), and Novelty (does it yield valid, original approaches?).';
    expect(metrics(s)).toEqual(['success rate', 'Rediscovery', 'Novelty']);
  });
  it('a comma apposition of two names closed by a comma (2406.18522), and one name after a singular noun (2510.05091, 2510.07041)', () => {
    expect(metrics("we introduce two new automatic metrics, MTScore and CHScore, to evaluate the videos' metamorphic attributes.")).toEqual([
      'MTScore',
      'CHScore',
    ]);
    expect(
      metrics(
        'Finally, we introduce StructBench, a novel benchmark, and an accompanying evaluation metric, StructScore, which employs a multi-round protocol.',
      ),
    ).toContain('StructScore');
    expect(metrics('We introduce a novel metric, U-Score, which jointly captures the performance-efficiency trade-off.')).toEqual(['U-Score']);
  });
  it('a name right after "a metric", closed by a purpose clause (2406.14393)', () => {
    expect(metrics('We introduce a metric ReGap to quantify the extent of reward misspecification.')).toEqual(['ReGap']);
  });
  it('lower-case measures after "metrics such as" (2510.02209)', () => {
    const s = 'Performance is assessed using financial metrics such as cumulative return, maximum drawdown, and the Sortino ratio. Our agent trades daily.';
    expect(metrics(s)).toEqual(['cumulative return', 'maximum drawdown', 'Sortino ratio']);
  });
  it('negatives: an unclosed apposition, a clause after the noun, one lone capitalised word, a lone lower-case item', () => {
    // "Across metrics, X surpasses": no list.
    expect(metrics('Across all metrics, MITS consistently surpasses baseline methods.')).toEqual([]);
    expect(metrics('Building upon base metrics, we propose CrowdSelect, an integrated metric incorporating a clustering-based approach.')).toEqual([]);
    // One capitalised word in apposition is no name ("the metric, Novelty," may be a word).
    expect(metrics('We report the metric, Novelty, for each paper.')).toEqual([]);
    // "metrics such as human preference": one lower-case item is no list.
    expect(metrics('We compare metrics such as human preference.')).toEqual([]);
    // "metric depth": the adjective.
    expect(metrics('We fine-tune them with metric depth labels to obtain our metric depth models.')).toEqual([]);
    // A list that holds a known benchmark or model types nothing.
    expect(metrics('We report two metrics, MMLU and GPT-4o, to compare.')).toEqual([]);
  });
});

describe('"X, a … metric that measures" (metric:X-a-metric)', () => {
  it('a name before "a … metric" followed by a verb of measuring (2510.01174, 2510.14351)', () => {
    expect(metrics('We propose TeachQuiz, a novel end-to-end metric that quantifies how well a VLM can recover knowledge.')).toEqual(['TeachQuiz']);
    expect(metrics('We further propose Think-Act Matching, a metric that quantifies alignment between reasons and actions.')).toEqual(['Think-Act Matching']);
    expect(ruleOf(one('We propose TeachQuiz, a novel end-to-end metric that quantifies recovery.'), 'TeachQuiz')).toBe('metric:X-a-metric');
  });
  it('negative: a method its paper calls a metric, with no verb of measuring (2503.01836)', () => {
    expect(
      metrics('Building upon base metrics, we propose CrowdSelect, an integrated metric incorporating a clustering-based approach to maintain diversity.'),
    ).toEqual([]);
  });
});

describe('"the X metric" (metric:the-X-metric)', () => {
  it('a name-shaped run, also across a parenthesis (2503.19846)', () => {
    // After 2503.19846's "the Attention-IoU (Attention Intersection over Union) metric" (there the known IoU wins).
    expect(metrics('We introduce the AttnIoU (Attention Intersection over Union) metric and related scores.')).toEqual(['AttnIoU']);
    expect(metrics('We report the ReGap metric on all tasks.')).toEqual(['ReGap']);
  });
  it('negatives: a capitalised word, a known name, no determiner', () => {
    expect(metrics('We report the Novelty metric on all tasks.')).toEqual([]);
    expect(metrics('Scores follow the GPT-4o metric on all tasks.')).toEqual([]);
    expect(metrics('ReGap metric values are reported.')).toEqual([]);
  });
});

describe('acronym definitions that are metrics', () => {
  it('"Long Form (LF) score": a metric named with its head, even as the paper\'s own (2510.05862)', () => {
    const s =
      'We conduct a fine-grained analysis of the context noise and propose an effective metric, the Integrated Gradient (IG) score, to detect and quantify the noise information.';
    const p = one(s);
    const c = p.concepts.find((x) => x.label === 'Integrated Gradient score');
    expect(c?.kind).toBe('metric');
    expect(c?.spans[0]!.text).toBe('Integrated Gradient (IG) score');
    // Without the head, the definition keeps its kind.
    expect(one('We propose the Integrated Gradient (IG) to attribute predictions.').concepts.find((x) => x.label === 'Integrated Gradient')?.kind).toBe(
      'method',
    );
  });
  it('a statistic with a figure reported beside it (1602.05531); without one it stays as it was', () => {
    const s =
      'DeepBIQ outperforms the state-of-the-art methods compared, having a Linear Correlation Coefficient (LCC) with human subjective scores of almost 0.91.';
    expect(metrics(s)).toContain('Linear Correlation Coefficient');
    expect(metrics('We select features by their Linear Correlation Coefficient (LCC) with the target.')).not.toContain('Linear Correlation Coefficient');
    // A long form cut after a possessive is left alone.
    expect(metrics("Ruby Teaming outperforms Rainbow Teaming by 6% on Shannon's Evenness Index (SEI).")).toEqual([]);
  });
});

describe('"in terms of X and completeness" (metric:in-terms-of-ness)', () => {
  it('a word in -ness listed after a metric of an "in terms of" list, even without ML context (1602.04502)', () => {
    const s =
      'Most of them are inferior to the classical SIFT based method in terms of reconstruction accuracy and completeness with a not significant better computational performance.';
    expect(metrics(s, true)).toEqual(['accuracy', 'completeness']);
  });
  it('negatives: alone, beside no metric, or outside "in terms of"', () => {
    expect(metrics('Our system outperforms the baseline in terms of naturalness.')).toEqual([]);
    expect(metrics('The method improves in terms of speed and robustness.')).toEqual([]);
    expect(metrics('We improve accuracy and robustness of the detector.')).toEqual(['accuracy']);
  });
});

describe('names learnt across the corpus', () => {
  it('a metric typed by "metric" in one paper types its bare mention in another', () => {
    const a = paper('a', 'We introduce a novel metric, StructScore, which employs a multi-round protocol.' + ml);
    const b = paper('b', 'Our editor reaches the best StructScore among open models.' + ml);
    const r = extract([a, b]);
    const c = r.papers[1]!.concepts.find((x) => x.label === 'StructScore');
    expect(c?.kind).toBe('metric');
    expect(c?.spans[0]!.rule).toBe('corpus:typed-by a');
  });
});
