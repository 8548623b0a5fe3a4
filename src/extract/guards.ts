// Sense guards: whether a paper reads as machine learning, and whether an ambiguous name has its typing words nearby.
import { type Tokens } from './tokenize.ts';
import { normalizeWord, wordTest } from './lexicon.ts';

/**
 * Words that say a text is about machine learning (keys: lower case, plural folded). One is not enough ("training" of
 * telescope operators, "learning" of languages): a paper shows ML context with two distinct ones.
 * NOTE: "model", "network", "diffusion", "inference", "deep", "agent", "baseline", "attention" are left out: physics,
 * astronomy and everyday prose use them daily.
 */
export const ML_CUES: ReadonlySet<string> = new Set([
  'neural',
  'llm',
  'mllm',
  'vlm',
  'lvlm',
  'lmm',
  'transformer',
  'dataset',
  'benchmark',
  'pretrained',
  'pretraining',
  'finetuning',
  'finetuned',
  'classifier',
  'supervised',
  'unsupervised',
  'reinforcement',
  'embedding',
  'token',
  'prompt',
  'prompting',
  'gpu',
  'learning',
  'training',
  'trained',
  'annotation',
  'annotated',
  'generative',
  'multimodal',
  'ai',
  'cnn',
  'rnn',
  'lstm',
  'bert',
  'gpt',
  'backbone',
  'sota',
  'encoder',
  'decoder',
  'chatbot',
  'chatgpt',
  'agentic',
  'convolutional',
  'tokenizer',
  'tokenization',
  'hyperparameter',
  'dropout',
  'lora',
  'rlhf',
  'vit',
  'nlp',
  'vla',
  'rag',
  'hallucination',
  'captioning',
  'pruning',
  'distillation',
  'checkpoint',
  'llama',
  'qwen',
  'agent-based',
  // NOTE: words of ML practice, old and new, that other fields do not use ("Steering of Large Language Models",
  // 2406.17563, or a 2016 abstract on SVMs read as no ML with the list above): training recipes and architectures.
  'sft',
  'rlvr',
  'grpo',
  'ppo',
  'dpo',
  'moe',
  'vqa',
  'asr',
  'svm',
  'autoencoder',
  'gan',
  'overfitting',
  'minibatch',
  'softmax',
  'relu',
  'backpropagation',
  'perceptron',
  'unlabeled',
  'unlabelled',
  'seq2seq',
  'word2vec',
  'lrm',
  'dllm',
  'ablation',
  'chain-of-thought',
  'recommender',
  // NOTE: older ML prose (2014–2019 abstracts: "emotion recognition", "semantic segmentation", "a corpus of tweets",
  // "self-attention") names its task rather than its model; astro-ph and 2007 physics listings use none of these.
  // "pixel" is left out: particle physics does "pattern recognition" in pixel detectors.
  'recognition',
  'segmentation',
  'corpus',
  'corpora',
  'self-attention',
  'deepfake',
]);

/** How many distinct ML cues a paper must show. */
export const ML_CONTEXT_MIN = 2;

const ML_CUE = wordTest('norm', (w) => ML_CUES.has(w));

/** "language / diffusion / foundation ... model", "zero- / few-shot": a cue of two words, counted under the second. */
const MODEL_LEFT = new Set([
  'language',
  'diffusion',
  'foundation',
  'generative',
  'reasoning',
  'world',
  'vision',
  'multimodal',
  'reward',
  'pretrained',
  'visual',
  'speech',
  'video',
]);
const SHOT_LEFT = new Set(['zero', 'few', 'one']);
// NOTE: "fine-tuning" is no cue: astrophysics fine-tunes its parameters (2604.21559).
const PAIR_RIGHT = wordTest('norm', (w) => w === 'model' || w === 'shot' || w === 'agent');
/** "machine / deep learning": the left word counts as a cue of its own, so the phrase alone shows ML context. */
const LEARNING_LEFT = new Set(['machine', 'deep']);

/**
 * True when the fields, together, show ML context (at least ML_CONTEXT_MIN distinct cue words). NOTE: each token is one
 * memo read; cue ids are compared in a tiny local list, so nothing is allocated per paper beyond it.
 */
export function showsMLContext(fields: readonly Tokens[]): boolean {
  const seen: number[] = [];
  for (const t of fields) {
    const { lex, nid, n } = t;
    // NOTE: the memos are read in place (1 true, 2 false, 0 not asked yet), as in the other per-token loops.
    const cue = lex.memo(ML_CUE);
    const right = lex.memo(PAIR_RIGHT);
    for (let i = 0; i < n; i++) {
      const id = nid[i]!;
      const c = cue[id]!;
      const isCue = c === 1 || (c === 0 && lex.is(ML_CUE, id));
      if (!isCue) {
        const r = right[id]!;
        if (i === 0 || r === 2 || (r === 0 && !lex.is(PAIR_RIGHT, id)) || !pairCue(t.norm(i - 1), t.norm(i))) continue;
      }
      if (isCue && i > 0 && LEARNING_LEFT.has(t.norm(i - 1)) && t.norm(i) === 'learning' && !seen.includes(nid[i - 1]!)) seen.push(nid[i - 1]!);
      if (!seen.includes(id)) seen.push(id);
      if (seen.length >= ML_CONTEXT_MIN) return true;
    }
  }
  return false;
}

function pairCue(left: string, right: string): boolean {
  if (right === 'shot') return SHOT_LEFT.has(left);
  if (right === 'agent') return left === 'llm' || left === 'ai' || left === 'language' || left === 'web' || left === 'gui';
  return MODEL_LEFT.has(left);
}

/** What a vocabulary entry needs around it before it may fire (the "requires" of its JSON). */
export interface Requires {
  /** "ml": the paper must show machine-learning context (see ML_CUES). */
  field?: 'ml';
  /** Keys of words, one of which must stand within `window` tokens of the match (same field). */
  context?: ReadonlySet<string>;
  window: number;
}

/** The compiled form of a "requires" object: context words normalised like tokens ("datasets" → "dataset"). */
export function compileRequires(r: { field?: 'ml'; context?: readonly string[]; window?: number }): Requires {
  const out: Requires = { window: r.window ?? 4 };
  if (r.field) out.field = r.field;
  if (r.context) out.context = new Set(r.context.map(normalizeWord));
  return out;
}

/** True when one of the context words stands within the window around tokens [from, to). */
export function contextNear(tokens: Tokens, from: number, to: number, words: ReadonlySet<string>, window: number): boolean {
  const lo = Math.max(0, from - window);
  const hi = Math.min(tokens.n, to + window);
  for (let k = lo; k < hi; k++) {
    if (k >= from && k < to) continue;
    if (words.has(tokens.norm(k))) return true;
  }
  return false;
}
