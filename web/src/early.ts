// Starts the data requests as soon as the bundle runs, before the app's modules (sigma, zod, graphology) are evaluated;
// index.html preloads first-frame.json and overview.json, so those requests are already under way while the bundle downloads.
// NOTE: graph.json is asked for only once the build turns out to have no overview: above the viewer budget it may be
// hundreds of MB the viewer never reads, so it cannot simply be preloaded. A build writes first-frame.json only when it
// has no overview, so its arrival is enough to ask for graph.json; an older build (no first-frame.json) waits for
// overview.json's answer.

export interface EarlyRequests {
  /** first-frame.json's response (204 or 404 when the build has none). */
  firstFrame: Promise<Response>;
  overview: Promise<Response>;
  /** graph.json's response, or null when the build has an overview (or overview.json could not be fetched). */
  graph: Promise<Response | null>;
}

const firstFrame = fetch('./first-frame.json');
const overview = fetch('./overview.json');
const absent = (r: Response) => r.status === 204 || r.status === 404;
const afterOverview = () =>
  overview.then(
    (r) => (absent(r) ? fetch('./graph.json') : null),
    () => null,
  );
const graph = firstFrame.then((r) => (r.status === 200 ? fetch('./graph.json') : afterOverview()), afterOverview);
// Rejections are read (and reported) by main.ts; this keeps an early failure from being reported twice.
graph.catch(() => undefined);
firstFrame.catch(() => undefined);

export const EARLY: EarlyRequests = { firstFrame, overview, graph };
