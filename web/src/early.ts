// Starts the data requests as soon as the bundle runs, before the app's modules (sigma, zod, graphology) are evaluated;
// index.html preloads overview.json, so that request is already under way while the bundle downloads.
// NOTE: graph.json is asked for only once overview.json says there is no overview: above the viewer budget it may be
// hundreds of MB the viewer never reads, so it cannot simply be preloaded.

export interface EarlyRequests {
  overview: Promise<Response>;
  /** graph.json's response, or null when the build has an overview (or overview.json could not be fetched). */
  graph: Promise<Response | null>;
}

const overview = fetch('./overview.json');
const graph = overview.then(
  (r) => (r.status === 204 || r.status === 404 ? fetch('./graph.json') : null),
  () => null,
);
// Rejections are read (and reported) by main.ts; this keeps an early failure from being reported twice.
graph.catch(() => undefined);

export const EARLY: EarlyRequests = { overview, graph };
