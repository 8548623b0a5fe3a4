// first-frame.json of a build: the map's drawing data without the edges and details (a few % of graph.json), which the
// viewer fetches first so that the map is on screen before graph.json has arrived. Pure (src/io/overview.ts writes it).
import type { GraphJson } from '../model/graph-json.ts';
import { FIRST_FRAME_VERSION, type FirstFrameJson } from '../model/first-frame-json.ts';

/** The first frame of a graph.json document: each node's drawing attributes in graph.json's order, each theme's name and anchor. */
export function toFirstFrame(doc: GraphJson): FirstFrameJson {
  const { nodes, edges } = doc.graph;
  const out: FirstFrameJson = {
    version: FIRST_FRAME_VERSION,
    nodes: nodes.length,
    edges: edges.length,
    themes: doc.themes.map((t) => ({ id: t.id, name: t.name, color: t.color, size: t.size, x: t.x, y: t.y })),
    kind: [],
    theme: [],
    color: [],
    x: [],
    y: [],
    size: [],
    label: [],
  };
  for (const { attributes: a } of nodes) {
    out.kind.push(a.kind);
    out.theme.push(a.theme);
    out.color.push(a.color);
    out.x.push(a.x);
    out.y.push(a.y);
    out.size.push(a.size);
    out.label.push(a.label);
  }
  return out;
}
