// Bundles a TypeScript entry (and the sources it imports) into one plain-JS module, for tests that spawn many Node children.
import { build } from 'esbuild';
import { join } from 'node:path';

/**
 * Writes `<outDir>/<name>.mjs`: `entry` with everything it imports, node_modules included (but `external` packages,
 * which it imports from node_modules at run time), so `node <file>` runs it without the TypeScript loader. NOTE: a child started through tsx spends ~0.5 s of CPU loading and resolving before it
 * runs a line; the fault test starts thirteen, and only the moment it is killed at matters to it.
 */
export async function bundleForNode(entry: string, outDir: string, name: string, external: string[] = []): Promise<string> {
  const outfile = join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    external,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // NOTE: CommonJS packages in an ES module bundle call require(); give them one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  return outfile;
}
