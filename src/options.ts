// The one options resolver every stage uses: partial options parsed over the schema's defaults, a bad value an E_OPTIONS error.
import type { z } from 'zod';
import { PaperKgError, formatZodIssues } from './errors.ts';

type Issues = z.core.$ZodIssue[];

/**
 * Parses `partial` with `schema` (whose defaults fill what is missing). On a bad value throws a PaperKgError E_OPTIONS
 * "<what>: <path>: <message>; …<hint>", where `hint` may add how to fix it from the issues (e.g. which values a flag takes).
 */
export function resolveOptions<S extends z.ZodType>(schema: S, partial: unknown, what: string, hint?: (issues: Issues) => string): z.output<S> {
  const parsed = schema.safeParse(partial);
  if (!parsed.success) throw new PaperKgError('E_OPTIONS', `${what}: ${formatZodIssues(parsed.error.issues)}${hint ? hint(parsed.error.issues) : ''}`);
  return parsed.data;
}
