// A small static server for the viewer: the built site plus one build's graph.json, on 127.0.0.1 only, behind a CSP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PaperKgError } from '../errors.ts';
import { checkBuildDirectory } from '../io/build-dir.ts';
import { resolveOptions } from '../options.ts';
import { OVERVIEW_DIR, OVERVIEW_FILE, THEME_FILE_PATTERN } from '../model/overview-json.ts';
import { FIRST_FRAME_FILE } from '../model/first-frame-json.ts';

export const DIST_DIR = fileURLToPath(new URL('../../dist/', import.meta.url));

export const ServeOptionsSchema = z.object({
  /** The graph.json to serve at ./graph.json (a file path; see resolveGraphFile for directories). */
  graphFile: z.string().min(1),
  /** The built viewer (vite build output). */
  distDir: z.string().min(1),
  /** 0 picks a free port. */
  port: z.number().int().min(0).max(65535),
});
export type ServeOptions = z.infer<typeof ServeOptionsSchema>;

export const DEFAULT_SERVE_OPTIONS: Readonly<Omit<ServeOptions, 'graphFile'>> = Object.freeze({ distDir: DIST_DIR, port: 8377 });

export function resolveServeOptions(partial: Partial<ServeOptions> & { graphFile: string }): ServeOptions {
  return resolveOptions(ServeOptionsSchema, { ...DEFAULT_SERVE_OPTIONS, ...partial }, 'serve');
}

/** NOTE: every byte of the page comes from this origin; data from graph files can never load or run anything else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.gexf': 'application/gexf+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** `--graph` may name a build directory (its graph.json) or the file itself. */
export async function resolveGraphFile(path: string): Promise<string> {
  const abs = resolve(path);
  const info = await stat(abs).catch(() => null);
  if (!info)
    throw new PaperKgError(
      'E_INPUT_UNREADABLE',
      `${path}: no such file or directory; pass the output directory of "paper-kg build" (it holds graph.json)`,
      path,
    );
  // A build directory is checked to be whole first (an interrupted build finished or rolled back, files against manifest.json).
  if (info.isDirectory()) await checkBuildDirectory(abs);
  const file = info.isDirectory() ? join(abs, 'graph.json') : abs;
  const fileInfo = await stat(file).catch(() => null);
  if (!fileInfo?.isFile()) throw new PaperKgError('E_INPUT_UNREADABLE', `${path}: has no graph.json; run "paper-kg build --out ${path}" first`, path);
  return file;
}

export async function checkDist(distDir: string): Promise<void> {
  const index = await stat(join(distDir, 'index.html')).catch(() => null);
  if (!index) throw new PaperKgError('E_INPUT_UNREADABLE', `the viewer is not built (no ${join(distDir, 'index.html')}); run "npm run build" first`);
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

/**
 * The Host a request names must be this server's: 127.0.0.1, localhost or [::1], with its port or none. NOTE: a page on
 * another site can make the browser send requests here under its own name after re-pointing its DNS at 127.0.0.1 (DNS
 * rebinding); checking Host refuses those, since the browser sends the attacker's name.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const m = /^(127\.0\.0\.1|localhost|\[::1\])(?::(\d{1,5}))?$/i.exec(host.trim());
  return m !== null && (m[2] === undefined || Number(m[2]) === port);
}

async function handle(req: IncomingMessage, res: ServerResponse, o: ServeOptions, port: number): Promise<void> {
  // 421 Misdirected Request: this server does not answer for that name.
  if (!hostAllowed(req.headers.host, port)) return send(res, 421, 'misdirected request: this server answers only for 127.0.0.1 and localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'only GET and HEAD');
  let path: string;
  try {
    path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return send(res, 400, 'bad URL');
  }
  if (path.includes('\0')) return send(res, 400, 'bad URL');
  let file: string;
  const build = dirname(o.graphFile);
  const themeFile = path.startsWith(`/${OVERVIEW_DIR}/`) ? path.slice(OVERVIEW_DIR.length + 2) : null;
  if (path === '/graph.json') file = o.graphFile;
  else if (path === `/${OVERVIEW_FILE}` || path === `/${FIRST_FRAME_FILE}`) {
    file = join(build, path.slice(1));
    // NOTE: a build below the viewer budget has no overview (one above it, or an older build, no first-frame.json); "no
    // content" tells the viewer so without a 404 in its console.
    if (!(await stat(file).catch(() => null))?.isFile()) {
      res.writeHead(204, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' });
      return void res.end();
    }
  } else if (themeFile !== null) {
    // Only the build's theme files, by a strict name: never a path.
    if (!THEME_FILE_PATTERN.test(themeFile)) return send(res, 403, 'forbidden');
    file = join(build, OVERVIEW_DIR, themeFile);
  } else {
    const root = resolve(o.distDir);
    file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    // Paths that climb out of the site (../) are refused, not resolved.
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'forbidden');
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return send(res, 404, `not found: ${path}`);
  res.writeHead(200, {
    'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    // Hashed assets never change; graph.json, the overview files and index.html change with every build.
    'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** Serves on 127.0.0.1 only: the map is for the person at this machine, not the network. */
export async function startServer(partial: Partial<ServeOptions> & { graphFile: string }): Promise<RunningServer> {
  const o = resolveServeOptions(partial);
  await checkDist(o.distDir);
  let port = o.port;
  const server = createServer((req, res) => {
    handle(req, res, o, port).catch((e: Error) => send(res, 500, `internal error: ${e.message}`));
  });
  await new Promise<void>((ok, ko) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      ko(e.code === 'EADDRINUSE' ? new PaperKgError('E_OPTIONS', `port ${o.port} is in use; pass another with --port N (0 picks a free one)`) : e),
    );
    server.listen(o.port, '127.0.0.1', () => ok());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : o.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
