// Builds the viewer (vite) when dist/ is missing or older than its sources, so `paper-kg start` always serves the current app.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PaperKgError } from '../errors.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Everything the bundle is made from: the app, its config, and the shared schemas it imports. */
const SOURCES = ['web', 'vite.config.ts', 'src/model', 'src/extract/types.ts', 'src/extract/results.ts', 'src/export', 'package-lock.json'];

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path)) newest = Math.max(newest, await newestMtime(join(path, entry)));
  return newest;
}

export async function isViewerStale(distDir: string): Promise<boolean> {
  const built = await stat(join(distDir, 'index.html')).catch(() => null);
  if (!built) return true;
  let newest = 0;
  for (const s of SOURCES) newest = Math.max(newest, await newestMtime(join(ROOT, s)));
  return newest > built.mtimeMs;
}

/** Runs `vite build` through its JS API into `distDir` (vite is a dev dependency: present after `npm install`). */
export async function buildViewer(distDir: string): Promise<void> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch (e) {
    throw new PaperKgError(
      'E_INPUT_UNREADABLE',
      `the viewer is not built and vite is missing to build it (${(e as Error).message}); run "npm install" (with dev dependencies), then "npm run build"`,
    );
  }
  await vite.build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
}

/** Builds the viewer into `distDir` when it is missing or older than its sources (first use after `npm install`, or an edit). */
export async function ensureViewerBuilt(distDir: string, log: (line: string) => void): Promise<boolean> {
  if (!(await isViewerStale(distDir))) return false;
  log('building the viewer (vite build, once)…');
  await buildViewer(distDir);
  return true;
}
