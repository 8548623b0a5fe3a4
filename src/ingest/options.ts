// Options of the ingest stage, declared once with their defaults.
import { z } from 'zod';
import { FORMAT_NAMES, MAPPABLE_FIELDS } from './types.ts';
import { resolveOptions } from '../options.ts';

export const IngestOptionsSchema = z.object({
  /** Read every input as this format instead of detecting it from its content. */
  format: z.enum(FORMAT_NAMES).optional(),
  /** Listing date of an HF page, YYYY-MM-DD: completes dates shown without a year. */
  listingDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD, e.g. 2025-10-28')
    .optional(),
  /** CSV / JSONL column or key for each paper field, e.g. {title: "Title", abstract: "Abstract Note"}. */
  fieldMap: z.partialRecord(z.enum(MAPPABLE_FIELDS), z.string()).optional(),
});

export type IngestOptions = z.infer<typeof IngestOptionsSchema>;
export const DEFAULT_INGEST_OPTIONS: Readonly<IngestOptions> = Object.freeze(IngestOptionsSchema.parse({}));

/** Parses partial options over the defaults; a bad option is an E_OPTIONS error saying which and what was expected. */
export function resolveIngestOptions(partial: Partial<IngestOptions> = {}): IngestOptions {
  return resolveOptions(IngestOptionsSchema, partial, 'invalid ingest options', (issues) => {
    const about = new Set(issues.map((i) => String(i.path[0])));
    const hints = [
      about.has('fieldMap') ? `--field-map takes ${MAPPABLE_FIELDS.join(', ')}` : '',
      about.has('format') ? `--format takes ${FORMAT_NAMES.join(', ')}` : '',
    ].filter(Boolean);
    return hints.length ? ` (${hints.join('; ')})` : '';
  });
}
