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
  | 'E_FETCH'
  /** --out cannot be used: a file, no permission, read-only, cannot be created (checked before the pipeline runs). */
  | 'E_OUTPUT_UNWRITABLE'
  /** The disk filled while writing (ENOSPC, EDQUOT): the previous build is untouched. */
  | 'E_OUTPUT_FULL'
  /** --out is not empty and not a paper-kg build: pass --force to write beside its files. */
  | 'E_OUTPUT_NOT_BUILD'
  /** Another build is writing into --out. */
  | 'E_OUTPUT_LOCKED'
  /** A build directory without graph.json / papers.jsonl. */
  | 'E_BUILD_MISSING'
  /** A build file that is not what paper-kg writes (graph.json, papers.jsonl, manifest.json). */
  | 'E_BUILD_MALFORMED'
  /** The files of a build directory are not from one build (sizes, hashes or paper counts disagree with the manifest). */
  | 'E_BUILD_MIXED'
  /** A build was interrupted and could not be finished or rolled back. */
  | 'E_BUILD_INCOMPLETE';

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
