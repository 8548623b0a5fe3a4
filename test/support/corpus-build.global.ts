// Vitest global setup: one build of the bundled corpus shared by every test that needs one (rebuild check, viewer tests).
// Cached under .tmp/ by a hash of everything the build reads (src/, the corpus, the lockfile): an unchanged tree reuses it.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = join(import.meta.dirname, '../..');
export const CORPUS = join(ROOT, 'graph/corpus/hf-daily-papers-fewer-tokens.txt');
const CACHE = join(ROOT, '.tmp/test-corpus-build');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Directory of a default build of the bundled corpus (`paper-kg build <corpus> --out <dir>`); read it, never write it. */
    corpusBuild: string;
  }
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** Hash of the sources of a build (and of `extra` files): any change to them gives a new cache entry. */
export function sourceHash(extra: string[] = []): string {
  const hash = createHash('sha256');
  for (const file of [...filesUnder(join(ROOT, 'src')), CORPUS, join(ROOT, 'package-lock.json'), ...extra]) {
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const dir = join(CACHE, sourceHash());
  if (!existsSync(join(dir, 'graph.json'))) {
    mkdirSync(CACHE, { recursive: true });
    // Older entries are builds of sources that are gone.
    for (const old of readdirSync(CACHE)) rmSync(join(CACHE, old), { recursive: true, force: true });
    const partial = `${dir}.${process.pid}.partial`;
    const { buildToDirectory } = await import('../../src/io/build.ts');
    await buildToDirectory({ inputs: [CORPUS], out: partial });
    // NOTE: renamed into place whole, so a run that stops half-way never leaves a half-written build to be reused.
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  }
  project.provide('corpusBuild', dir);
}
