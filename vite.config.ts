// Vite config of the viewer: web/ is the app; `npm run build` writes a static site to dist/ that works from any host.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** In `npm run dev`, serves graph.json from PAPER_KG_GRAPH (a build dir), else graph/, so the dev app sees real data. */
function devGraph(): Plugin {
  return {
    name: 'paper-kg-dev-graph',
    configureServer(server) {
      server.middlewares.use('/graph.json', (_req, res) => {
        const dir = resolve(process.env.PAPER_KG_GRAPH ?? here('./graph'));
        const path = resolve(dir, 'graph.json');
        if (!existsSync(path)) {
          res.statusCode = 404;
          res.end(`no graph.json in ${dir}: run "paper-kg build" or set PAPER_KG_GRAPH`);
          return;
        }
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(path));
      });
      // The overview of a build above the viewer budget and first-frame.json, as `paper-kg serve` gives them: 204 when there is none.
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        const top = url === '/overview.json' || url === '/first-frame.json';
        const m = top ? url.slice(1) : /^\/overview\/([A-Za-z0-9_-]{1,64}\.json)$/.exec(url)?.[1];
        if (!m) return next();
        const path = resolve(process.env.PAPER_KG_GRAPH ?? here('./graph'), top ? m : `overview/${m}`);
        if (!existsSync(path)) {
          res.statusCode = top ? 204 : 404;
          return res.end();
        }
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(path));
      });
    },
  };
}

// NOTE: paths relative to this file, so `paper-kg start` can build the viewer from any working directory.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./web'),
  // NOTE: a relative base lets dist/ be served from any path (a subfolder, GitHub Pages, file servers).
  base: './',
  plugins: [devGraph()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1024,
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
