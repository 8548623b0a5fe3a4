// Vitest global setup: the CLI and the fault test's child bundled into plain JS once per source tree, for the tests that
// start them as processes (a start through tsx costs ~1.4 s of CPU, a bundle's ~0.3 s). Cached under .tmp/ like the corpus build.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleForNode } from './bundle.ts';
import { sourceHash } from './corpus-build.global.ts';

const ROOT = join(import.meta.dirname, '../..');
const CLI_MAIN = join(ROOT, 'test/support/cli-main.ts');
const FAULT_CHILD = join(ROOT, 'test/io/fault-child.ts');
const PREFIX = 'test-bundles-';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A plain-JS `paper-kg`: `node <cliBundle> <args>` runs the CLI as bin/paper-kg.js does, without the TypeScript loader. */
    cliBundle: string;
    /** test/io/fault-child.ts as plain JS. */
    faultChild: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  // NOTE: two levels below the root (.tmp/<dir>/), as src/<stage>/ is: the paths the sources resolve from their own
  // module URL (the viewer's dist/, the bundled corpus) then resolve from the bundle to the same files.
  const dir = join(ROOT, '.tmp', PREFIX + sourceHash([CLI_MAIN, FAULT_CHILD, join(ROOT, 'test/support/bundle.ts')]));
  if (!existsSync(join(dir, 'fault-child.mjs'))) {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    for (const old of readdirSync(join(ROOT, '.tmp')).filter((n) => n.startsWith(PREFIX))) rmSync(join(ROOT, '.tmp', old), { recursive: true, force: true });
    const partial = `${dir}.${process.pid}.partial`;
    // NOTE: vite stays outside (it is imported only to build the viewer, and loads its own native parts).
    await Promise.all([bundleForNode(CLI_MAIN, partial, 'paper-kg', ['vite']), bundleForNode(FAULT_CHILD, partial, 'fault-child')]);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  }
  project.provide('cliBundle', join(dir, 'paper-kg.mjs'));
  project.provide('faultChild', join(dir, 'fault-child.mjs'));
}
