// Typed errors: tests and callers match on `code`, people read `message` (what was expected, and a hint).

export type ErrorCode =
  | 'E_INPUT_UNREADABLE'
  | 'E_INPUT_EMPTY'
  | 'E_INPUT_BINARY'
  | 'E_INPUT_ENCODING'
  | 'E_FORMAT_UNKNOWN'
  | 'E_FORMAT_MALFORMED'
  | 'E_OPTIONS'
  | 'E_VOCABULARY'
  | 'E_GRAPH'
  | 'E_QUERY'
  | 'E_FETCH';

export class PaperKgError extends Error {
  readonly code: ErrorCode;
  /** The input or entry the error is about, when there is one. */
  readonly subject?: string;

  constructor(code: ErrorCode, message: string, subject?: string) {
    super(message);
    this.name = 'PaperKgError';
    this.code = code;
    this.subject = subject;
  }
}

/** Turns a zod error into one readable line per issue: "path: message". */
export function formatZodIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues.map((i) => `${i.path.length ? i.path.map(String).join('.') : '(root)'}: ${i.message}`).join('; ');
}
