// Takes the README screenshot of the bundled map (graph/graph.json) in headless Chromium: the whole map, no selection, so the
// themes show as coloured regions with their names. Usage: node --import tsx scripts/screenshot.ts [--out docs/screenshot.png]
import { fileURLToPath } from 'node:url';
import { DIST_DIR, startServer } from '../src/serve/index.ts';
import { ensureViewerBuilt } from '../src/serve/viewer-build.ts';
import { launchBrowser, openViewer, watchErrors } from '../test/browser/helpers.ts';

const at = process.argv.indexOf('--out');
const out = at > 0 ? process.argv[at + 1] : fileURLToPath(new URL('../docs/screenshot.png', import.meta.url));
await ensureViewerBuilt(DIST_DIR, (line) => process.stderr.write(`${line}\n`));
const server = await startServer({ graphFile: fileURLToPath(new URL('../graph/graph.json', import.meta.url)), port: 0 });
const browser = await launchBrowser();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const errors = watchErrors(page);
  await openViewer(page, server.url);
  // Let the label layers settle after the first frames.
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  process.stderr.write(`wrote ${out}\n`);
} finally {
  await browser.close();
  await server.close();
}
