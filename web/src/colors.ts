// The map's neutral colours: everything that is not a theme colour is grey, so a hue on the map always means a theme.
export const MAP_BACKGROUND = '#ffffff';
/** Concept squares: a light grey fill inside a darker grey outline (their kind is told by the panel, not by a colour). */
export const CONCEPT_FILL = '#cfd2d6';
export const CONCEPT_OUTLINE = '#6e737a';
/** Nodes outside a highlight. */
export const FADED_NODE = '#e3e5e8';
export const EDGE_COLOR = '#d9dcdf';
export const EDGE_HIGHLIGHT = '#7d8288';
