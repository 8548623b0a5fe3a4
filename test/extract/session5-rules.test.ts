// Session 5's name and metric rules, each on the real sentence it was written from (arXiv id), with negatives.
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.ts';
import { curatedVocabulary } from '../../src/extract/vocabulary.ts';
import { paper, ruleOf } from '../support/sentences.ts';

/** The typed names of one paper made of `abstract` (no ML sentence added: the guards see what the sentence shows). */
const typed = (abstract: string, title?: string): string[] =>
  extract([paper('p1', abstract, title)])
    .papers[0]!.concepts.filter((c) => /^(benchmark|dataset|model|metric)$/.test(c.kind))
    .map((c) => `${c.kind}:${c.label}`);
const ml = ' Deep neural networks are trained with supervised learning on labeled data.';
const one = (abstract: string) => extract([paper('p1', abstract + ml)]).papers[0]!;

describe('older ML prose: data set names by shape and context', () => {
  it('a capitalised word hyphen-joined to a number is a name ("Market-1501", issue 10); "Table-12", "Top-100" are not', () => {
    expect(typed('We evaluate our re-identification network on Market-1501 and CUHK03.' + ml)).toContain('benchmark:Market-1501');
    expect(typed('We evaluate our network on Table-12 and on Top-100.' + ml)).toEqual([]);
  });
  it('a capitalised run ending in "Database" is a data set, an acronym may lead it (1602.05531)', () => {
    const s =
      'Experimental results on the LIVE In the Wild Image Quality Challenge Database show that DeepBIQ outperforms the state-of-the-art methods compared.';
    const got = typed(s + ml);
    expect(got).toContain('dataset:LIVE In the Wild Image Quality Challenge Database');
    expect(got).not.toContain('benchmark:LIVE');
    // A known word inside and no acronym leading: a description, not a name.
    expect(typed('We query the Large Image Retrieval Database of the lab.' + ml)).toEqual([]);
  });
  it('a headed list of plain capitalised words counts when a number before the head matches it ("two real-world datasets, A and B")', () => {
    expect(typed('We conduct experiments on two real-world datasets, Epinions and Ciao.' + ml)).toEqual(['dataset:Epinions', 'dataset:Ciao']);
    // Three items for "two": no list of names.
    expect(typed('We conduct experiments on two real-world datasets, Epinions, Yelp and Ciao.' + ml)).toEqual([]);
  });
  it('"a dataset … called X": the nearest singular head before called / named / dubbed types X (2406.06462)', () => {
    // NOTE: VCR-Wiki is also in the open name list (lmms-eval) now, as a benchmark; this test pins the rule, so it runs on
    // the curated vocabulary alone.
    const s = 'With this pipeline, we construct a dataset for VCR called VCR-Wiki using images with captions from Wikipedia.';
    const curated = extract([paper('p1', s + ml)], { vocabulary: curatedVocabulary() }).papers[0]!;
    expect(curated.concepts.map((c) => `${c.kind}:${c.label}`)).toContain('dataset:VCR-Wiki');
    expect(ruleOf(curated, 'VCR-Wiki')).toBe('pattern:benchmark-X');
    // With the open list the name keeps its evidence and is typed a data set either way (benchmark or dataset).
    expect(typed(s + ml).filter((t) => t.endsWith(':VCR-Wiki'))).toHaveLength(1);
    // A model noun comes first: the name is the framework's.
    expect(typed('We propose a new framework trained on a dataset, called AgentX-7B.' + ml)).not.toContain('dataset:AgentX-7B');
  });
  it('"data set" in two words is a data-set head: "the Reuters data set", "the Yale and ORL data sets"', () => {
    expect(typed('We evaluate the classifier on the Reuters data set.' + ml)).toEqual(['dataset:Reuters']);
    expect(typed('Experiments on the Yale and ORL data sets show gains.' + ml)).toEqual(['dataset:Yale', 'dataset:ORL']);
    // The tail of a longer name (1602.00970) and a data set without a name.
    const tail = typed('experiments on the 21-class UC Merced Land Use/Land Cover data set.' + ml);
    expect(tail.filter((x) => /Cover/.test(x))).toEqual([]);
    expect(typed('We collect data. The data set is large.' + ml)).toEqual([]);
  });
  it('a list walks past a signed score in parentheses: "T2I-ReasonBench(+3.7), and GenEval++(+4.3)" (2510.13804)', () => {
    const s =
      'Empirically, OmniVerifier-TTS achieves improvements on T2I-ReasonBench(+3.7), and GenEval++(+4.3), outperforming existing parallel test-time scaling methods.';
    expect(typed(s + ml)).toEqual(['benchmark:T2I-ReasonBench', 'benchmark:GenEval++']);
  });
});

describe('metrics named in prose', () => {
  it('"in terms of X accuracy and Y": the accuracy, typed by the phrase even without ML context (1602.04502)', () => {
    const s =
      'Most of them are inferior to the classical SIFT based method in terms of reconstruction accuracy and completeness with a not significant better computational performance.';
    const p = extract([paper('p1', s)]).papers[0]!;
    // "completeness" beside it: metric-rules.ts (session 6, test/extract/metric-rules.test.ts).
    expect(p.concepts.filter((c) => c.kind === 'metric').map((c) => c.label)).toEqual(['accuracy', 'completeness']);
    expect(ruleOf(p, 'accuracy')).toBe('pattern:in-terms-of-X');
    // Items that are no measure (1602.04422) type nothing.
    expect(typed('the region-level scores follow their own essential patterns in terms of both the score values and the spatial distributions.' + ml)).toEqual(
      [],
    );
  });
  it('"in terms of precision, recall and F-measure": every measure of the list', () => {
    expect(typed('We measure the classifier in terms of precision, recall and F-measure.' + ml)).toEqual(['metric:precision', 'metric:recall', 'metric:F1']);
  });
  it('"precision and recall" listed together are metrics (1602.01557); "numerical precision" is not', () => {
    const s =
      'It improves over the more complex, coupled objective function, and achieves state-of-the-art precision and recall in experiments with image retrieval.';
    expect(typed(s + ml)).toEqual(['metric:precision', 'metric:recall']);
    expect(typed('We study the numerical precision of the solver.' + ml)).toEqual([]);
    expect(typed('The recall of the events and the precision of the clock.' + ml)).toEqual([]);
  });
  it('"error rate" is the metric error rate (1602.06468); "word error rate" stays WER', () => {
    const s = 'Using 50% of the time budget, FLASH achieves up to 20% improvement on test error rate compared to the baselines.';
    expect(typed(s + ml)).toEqual(['metric:error rate']);
    expect(ruleOf(one(s), 'error rate')).toBe('shape:error-rate');
    expect(typed('The recognizer lowers the word error rate.' + ml)).toEqual(['metric:WER']);
  });
  it('an enumerated list after "metrics" / "measures" (2510.13554, 2510.12088)', () => {
    const a =
      'We formalize these with two metrics: 1) Windowed Average Attention Distance, which measures the extent of backward attention within a clipped window; 2) Future Attention Influence, which quantifies the importance of a token.';
    expect(typed(a + ml)).toEqual(['metric:Windowed Average Attention Distance', 'metric:Future Attention Influence']);
    const b =
      'We introduce a new evaluation protocol that measures (a) state ranking, the ability to distinguish plausible future states from implausible ones, and (b) state fidelity, the ability to generate future states that closely resemble reality.';
    expect(typed(b + ml)).toEqual(['metric:state ranking', 'metric:state fidelity']);
    // One item is no list; an enumeration after another noun is not of measures.
    expect(typed('We report two metrics: 1) latency of the system.' + ml)).toEqual([]);
    expect(typed('Our contributions: (a) a new loss, and (b) a new sampler.' + ml)).toEqual([]);
  });
});
