// The ML-context test on older ML prose (2014–2019 abstracts name their task, not a model): real sentences, and negatives.
import { describe, expect, it } from 'vitest';
import { showsMLContext } from '../../src/extract/guards.ts';
import { Tokens } from '../../src/extract/tokenize.ts';
import { Lexicon } from '../../src/extract/lexicon.ts';
import { extract } from '../../src/extract/index.ts';
import { paper } from '../support/sentences.ts';

const ml = (title: string, abstract: string): boolean => {
  const lex = new Lexicon();
  return showsMLContext([new Tokens(lex).fill(title), new Tokens(lex).fill(abstract)]);
};
const ids = (title: string, abstract: string): string[] => extract([paper('p1', abstract, title)]).papers[0]!.concepts.map((c) => c.id);

describe('ML context in older ML prose', () => {
  it('"emotion recognition" and "labelled datasets" (doi 10.1007/978-3-030-51870-7_3, zotero-bibtex-ml)', () => {
    const title = 'A Survey on Automatic Multimodal Emotion Recognition in the Wild';
    const abstract = 'One of the major component of affective computing is automatic emotion recognition.';
    expect(ml(title, abstract)).toBe(true);
    // one cue alone is not enough
    expect(ml('A survey', abstract)).toBe(false);
  });
  it('"deep learning" alone reads as ML (openreview roZ-eTMgOpH, zotero-bibtex-ml), "deep" or "machine" alone does not', () => {
    expect(
      ml(
        'Protecting World Leaders Against Deep Fakes.',
        'Recent advances in deep learning, however, have made it significantly easier to create sophisticated and compelling fake videos.',
      ),
    ).toBe(true);
    expect(ml('A paper', 'Machine learning is used.')).toBe(true);
    expect(ml('A paper', 'The deep field of the learning curve of a machine shop.')).toBe(false);
    expect(ml('A paper', 'The deep survey probes the early universe.')).toBe(false);
  });
  it('"artificial intelligence" is no ML cue (a SETI abstract speaks of artificial and extraterrestrial intelligence)', () => {
    expect(ml('A paper', 'Artificial intelligence and extraterrestrial intelligence in an archival radio search.')).toBe(false);
  });
  it('"semantic segmentation" and "corpora": the guarded metric fires with them', () => {
    const abstract = 'We study semantic segmentation and report accuracy and F1 on two corpora.';
    expect(ml('A paper', abstract)).toBe(true);
    expect(ids('A paper', abstract)).toEqual(expect.arrayContaining(['accuracy', 'f1']));
    // "pixel" is no cue: particle physics has pixel detectors with "pattern recognition" for tracks.
    expect(ids('A paper', 'Pattern recognition in the pixel detector reaches an accuracy of 98%.')).not.toContain('accuracy');
  });
});
