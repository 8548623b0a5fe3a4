// The curated vocabulary: its schema, the bundled file, and merging a user's file over it.
import { z } from 'zod';
import { PaperKgError } from '../errors.ts';
import { CONCEPT_KINDS } from './types.ts';
import { compileRequires, type Requires } from './guards.ts';
import { phraseKey } from './tokenize.ts';
import bundled from './vocabulary.json' with { type: 'json' };
import openNames from './vocabulary-open.json' with { type: 'json' };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const RequiresSchema = z
  .strictObject({
    field: z.literal('ml').optional(),
    context: z.array(z.string().trim().min(1, 'expected non-empty context words')).min(1, 'expected at least one context word').optional(),
    window: z.number().int().positive().max(30).optional(),
  })
  .refine((r) => r.field !== undefined || r.context !== undefined, 'expected "field": "ml" or "context": [words]');

export const VocabularyEntrySchema = z.strictObject({
  /** Lower-case slug, unique across kinds; derived from the label when absent. */
  id: z.string().regex(SLUG, 'expected a lower-case slug such as "kv-cache"').optional(),
  label: z.string().trim().min(1, 'expected a non-empty label'),
  kind: z.enum(CONCEPT_KINDS),
  /** Other spellings; case, hyphens/spaces and plurals are already handled, list real variants. */
  aliases: z.array(z.string().trim().min(1, 'expected non-empty aliases')).default([]),
  /** Id of a broader concept of the same vocabulary. */
  parent: z.string().regex(SLUG).optional(),
  /** Match label and aliases only as written (for names that are also words: "OPT", "MATH", "CLIP"). */
  caseSensitive: z.boolean().default(false),
  /** Remove this entry (of the bundled vocabulary) instead of defining one. */
  remove: z.boolean().default(false),
  /**
   * Sense guard, for names that mean something else outside the field ("Kinetics", "CFG", "The Stack"): the entry
   * fires only where this holds. `field: "ml"`: the paper shows machine-learning context (two distinct cue words such
   * as "dataset", "neural", "LLM", "training"); `context`: one of these words within `window` tokens (default 4) of the
   * match ("the X dataset", "X benchmark"). Both given: both must hold.
   */
  requires: RequiresSchema.optional(),
  /** Where the entry comes from (free text, e.g. "tensorflow-datasets:svhn_cropped"); not used by the matcher. */
  source: z.string().optional(),
});

export const VocabularyFileSchema = z.strictObject({
  version: z.literal(1).default(1),
  concepts: z.array(z.unknown()),
});

export type VocabularyEntryInput = z.input<typeof VocabularyEntrySchema>;

export interface VocabularyEntry {
  id: string;
  label: string;
  kind: (typeof CONCEPT_KINDS)[number];
  aliases: string[];
  parent?: string;
  caseSensitive: boolean;
  /** Sense guard (compiled): see VocabularyEntrySchema.requires. */
  requires?: Requires;
  /** The entry names its source list ("source" given): a public list's name, not a curated one. */
  listed?: true;
}

export interface Vocabulary {
  concepts: VocabularyEntry[];
}

/** "GPT-4o" → "gpt-4o", "CodeT5+" → "codet5-plus", "KV cache" → "kv-cache". */
export function slugify(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\+/g, '-plus')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function vocabError(source: string, where: string, problem: string): PaperKgError {
  return new PaperKgError('E_VOCABULARY', `${source}: ${where}: ${problem}`, source);
}

/**
 * Validates a vocabulary (the parsed JSON, or its text). Every problem names the entry (index and label) and says what
 * was expected, so a user can fix the file.
 */
export function parseVocabulary(input: unknown, source = 'vocabulary'): { concepts: Array<VocabularyEntry & { remove: boolean }> } {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      throw vocabError(source, 'not valid JSON', `${(e as Error).message}; expected {"version": 1, "concepts": [{"label": ..., "kind": ...}]}`);
    }
  }
  const file = VocabularyFileSchema.safeParse(data);
  if (!file.success) {
    const issue = file.error.issues[0]!;
    throw vocabError(
      source,
      issue.path.length ? issue.path.join('.') : 'top level',
      `${issue.message}; expected {"version": 1, "concepts": [{"label": ..., "kind": ...}]}`,
    );
  }
  const seen = new Map<string, number>();
  const concepts = file.data.concepts.map((raw, i) => {
    const label =
      typeof raw === 'object' && raw !== null && typeof (raw as { label?: unknown }).label === 'string' ? (raw as { label: string }).label : undefined;
    const name = `concept #${i}${label ? ` "${label}"` : ''}`;
    const parsed = VocabularyEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length ? issue.path.join('.') : 'entry';
      const hint = field === 'kind' ? ` (one of ${CONCEPT_KINDS.join(', ')})` : '';
      throw vocabError(source, name, `${field}: ${issue.message}${hint}`);
    }
    const e = parsed.data;
    const id = e.id ?? slugify(e.label);
    if (!SLUG.test(id)) throw vocabError(source, name, `the label gives no usable id; add "id" with a lower-case slug`);
    const earlier = seen.get(id);
    if (earlier !== undefined) throw vocabError(source, name, `id "${id}" is already used by concept #${earlier}; ids must be unique across kinds`);
    seen.set(id, i);
    const aliases = [...new Set(e.aliases.filter((a) => a !== e.label))];
    return {
      id,
      label: e.label,
      kind: e.kind,
      aliases,
      ...(e.parent ? { parent: e.parent } : {}),
      caseSensitive: e.caseSensitive,
      ...(e.requires ? { requires: compileRequires(e.requires) } : {}),
      ...(e.source !== undefined ? { listed: true as const } : {}),
      remove: e.remove,
    };
  });
  return { concepts };
}

/** Checks that parents exist and are not cycles. */
function checkParents(vocab: Vocabulary, source: string): void {
  const byId = new Map(vocab.concepts.map((c) => [c.id, c]));
  for (const c of vocab.concepts) {
    if (c.parent === undefined) continue;
    if (!byId.has(c.parent)) throw vocabError(source, `concept "${c.id}"`, `parent "${c.parent}" is not in the vocabulary; add it or drop "parent"`);
    const path = new Set([c.id]);
    for (let p: string | undefined = c.parent; p !== undefined; p = byId.get(p)?.parent) {
      if (path.has(p)) throw vocabError(source, `concept "${c.id}"`, `parent chain loops through "${p}"`);
      path.add(p);
    }
  }
}

let bundledCache: Vocabulary | undefined;
let curatedCache: Vocabulary | undefined;

/** The curated vocabulary.json alone, without the open name list. */
export function curatedVocabulary(): Vocabulary {
  curatedCache ??= { concepts: parseVocabulary(bundled, 'vocabulary.json (bundled)').concepts.map(stripRemove) };
  return curatedCache;
}

/**
 * The vocabulary shipped with paper-kg: the curated vocabulary.json, then the open name list vocabulary-open.json
 * (generated by scripts/open-names.ts from public dataset / benchmark lists, see the SOURCE.txt files under open-names/) with lower
 * priority: an open entry whose id or spelling the curated file has already is left out, and curated entries come first
 * in the matcher (so they win a spelling they share).
 */
export function bundledVocabulary(): Vocabulary {
  if (!bundledCache) {
    const curated = curatedVocabulary().concepts;
    const ids = new Set(curated.map((c) => c.id));
    const keys = new Set(curated.flatMap((c) => [c.label, ...c.aliases].map(phraseKey)));
    const open = parseVocabulary(openNames, 'vocabulary-open.json (bundled)')
      .concepts.map(stripRemove)
      .filter((c) => !ids.has(c.id) && !keys.has(phraseKey(c.label)));
    bundledCache = { concepts: [...curated, ...open] };
  }
  return bundledCache;
}

function stripRemove(e: VocabularyEntry & { remove: boolean }): VocabularyEntry {
  const { remove: _remove, ...rest } = e;
  return rest;
}

/**
 * The bundled vocabulary with users' vocabularies merged over it, in order: an entry with a known id replaces it
 * (aliases of both are kept), `"remove": true` drops it, new ids are added. Each extra is {source, data} where data is
 * the file's text or parsed JSON.
 */
export function loadVocabulary(...extras: Array<{ source: string; data: unknown }>): Vocabulary {
  const merged = new Map<string, VocabularyEntry>(bundledVocabulary().concepts.map((c) => [c.id, c]));
  let last = 'vocabulary.json (bundled)';
  for (const { source, data } of extras) {
    last = source;
    for (const e of parseVocabulary(data, source).concepts) {
      if (e.remove) {
        merged.delete(e.id);
        continue;
      }
      const prior = merged.get(e.id);
      const entry = stripRemove(e);
      if (prior) entry.aliases = [...new Set([...prior.aliases, ...entry.aliases])].filter((a) => a !== entry.label);
      merged.set(e.id, entry);
    }
  }
  const vocab = { concepts: [...merged.values()] };
  checkParents(vocab, last);
  return vocab;
}
