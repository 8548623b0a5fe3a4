// The map's look in one place, shared by the full map (app.ts) and the first frame drawn from first-frame.json
// (preview.ts), so that both draw the same picture: sigma's programs and settings, and each node's base display.
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData } from 'sigma/types';
import { createNodeBorderProgram } from '@sigma/node-border';
import { NodeSquareProgram } from '@sigma/node-square';
import { EdgeLineProgram, EdgeRectangleProgram } from 'sigma/rendering';
import { flattened, withoutPicking } from './programs.ts';
import { CONCEPT_FILL, EDGE_COLOR } from './colors.ts';
import type { ViewEdge, ViewKind, ViewNode } from './model.ts';

const LABEL_MAX = 40;
/** Above this many edges the map draws hairline edges and hides them while the camera moves. */
export const LARGE_GRAPH_EDGES = 20_000;

// NOTE: flattened (no instanced draws), see programs.ts: the same pixels, several times faster on software WebGL.
const PaperProgram = flattened(
  createNodeBorderProgram<ViewNode, ViewEdge>({
    borders: [
      { size: { value: 0.18 }, color: { value: '#ffffff' } },
      { size: { fill: true }, color: { attribute: 'color' } },
    ],
  }),
);
const ConceptProgram = flattened(NodeSquareProgram as unknown as typeof PaperProgram);
const RectEdgeProgram = flattened(EdgeRectangleProgram);
const STILL_NODE_PROGRAMS = { paper: withoutPicking(PaperProgram), concept: withoutPicking(ConceptProgram) };

export function shortLabel(label: string): string {
  return label.length > LABEL_MAX ? `${label.slice(0, LABEL_MAX - 1).trimEnd()}…` : label;
}

/**
 * Sigma's settings of the map, reducers aside. `large`: a graph over LARGE_GRAPH_EDGES edges. `still`: a map that
 * answers no pointer (the first frame): its node programs skip the picking pass, which draws nothing one can see.
 */
export function mapSettings(large: boolean, still = false): Partial<Settings<ViewNode, ViewEdge>> {
  return {
    // NOTE: on large graphs hairline edges (gl.LINES) cost a fraction of quads, which matters most on software WebGL.
    edgeProgramClasses: { line: EdgeLineProgram, rect: RectEdgeProgram },
    defaultEdgeType: large ? 'line' : 'rect',
    nodeProgramClasses: still ? STILL_NODE_PROGRAMS : { paper: PaperProgram, concept: ConceptProgram },
    defaultNodeType: 'paper',
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    labelDensity: 0.2,
    labelGridCellSize: 150,
    // NOTE: at the default zoom the map is read by its theme names; paper titles appear as one zooms in (or on hover).
    labelRenderedSizeThreshold: 14,
    defaultEdgeColor: EDGE_COLOR,
    zIndex: true,
    minCameraRatio: 0.03,
    maxCameraRatio: 4,
    // NOTE: at tens of thousands of edges, drawing them while panning costs more frames than it is worth.
    hideEdgesOnMove: large,
  };
}

/** A node as drawn when nothing is highlighted. One encoding per mark: a hue is a theme (papers); concepts are grey squares. */
export function nodeDisplay(
  a: { kind: ViewKind; x: number; y: number; size: number; color: string },
  label: string,
): Partial<NodeDisplayData> & { type: string } {
  const isPaper = a.kind === 'paper' || a.kind === 'other';
  return {
    x: a.x,
    y: a.y,
    size: isPaper ? a.size : a.size * 0.8,
    label,
    color: isPaper ? a.color : CONCEPT_FILL,
    type: isPaper ? 'paper' : 'concept',
    zIndex: a.kind === 'paper' ? 1 : 0,
  };
}
