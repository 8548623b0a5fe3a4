// papers.jsonl, the build's own record of its papers: what `build --update` and `import-themes` rebuild from.
import { PaperKgError, formatZodIssues } from '../errors.ts';
import { PaperSchema, type Paper } from '../model/paper.ts';

/** The file name inside a build directory. */
export const PAPERS_FILE = 'papers.jsonl';

/** One paper per line, in the build's paper order; keys in schema order, so the same papers give the same bytes. */
export function papersToJsonl(papers: readonly Paper[]): string {
  let out = '';
  for (const p of papers) out += JSON.stringify(PaperSchema.parse(p)) + '\n';
  return out;
}

/**
 * Reads papers.jsonl back. NOTE: strict, unlike the `jsonl` reader: this file is paper-kg's own, so a bad line means a
 * damaged build, and carrying on would drop a paper of the map without a word.
 */
export function parsePapersJsonl(text: string, name = PAPERS_FILE): Paper[] {
  const papers: Paper[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${name}, line ${i + 1}: not valid JSON (${(e as Error).message}); rebuild the directory with "paper-kg build <inputs…> --out <dir>"`,
        name,
      );
    }
    const parsed = PaperSchema.safeParse(json);
    if (!parsed.success) {
      throw new PaperKgError(
        'E_FORMAT_MALFORMED',
        `${name}, line ${i + 1}: not a paper record (${formatZodIssues(parsed.error.issues.slice(0, 3))}); rebuild the directory with "paper-kg build"`,
        name,
      );
    }
    papers.push(parsed.data);
  });
  return papers;
}
