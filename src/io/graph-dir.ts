// Reads a build directory's graph.json back, validated by the schema the exporter and viewer share.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GraphJsonSchema, type GraphJson } from '../model/graph-json.ts';
import { PaperKgError, formatZodIssues } from '../errors.ts';

export async function readGraphDir(dir: string): Promise<GraphJson> {
  const path = join(dir, 'graph.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new PaperKgError('E_GRAPH', `no graph.json in "${dir}"; build one first: paper-kg build <inputs…> --out ${dir}`, dir);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new PaperKgError('E_GRAPH', `${path}: not valid JSON (${(e as Error).message}); rebuild it with paper-kg build`, path);
  }
  const parsed = GraphJsonSchema.safeParse(data);
  if (!parsed.success) {
    throw new PaperKgError('E_GRAPH', `${path}: not a paper-kg graph.json (${formatZodIssues(parsed.error.issues.slice(0, 3))}); rebuild it with paper-kg build`, path);
  }
  return parsed.data;
}
