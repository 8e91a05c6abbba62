import dagre from '@dagrejs/dagre';
import type { FlowEdge, XY } from './FlowDocument';

export interface LayoutBox {
  id: string;
  width: number;
  height: number;
}

/**
 * "Organize blocks": a top-to-bottom layered layout (dagre). Returns new top-left positions
 * for the boxes given; anything not given (sticky notes) keeps its place.
 */
export function organizeLayout(boxes: readonly LayoutBox[], edges: readonly FlowEdge[]): Map<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 48, ranksep: 72, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(boxes.map((b) => b.id));
  for (const b of boxes) g.setNode(b.id, { width: b.width, height: b.height });
  for (const e of edges) if (ids.has(e.source) && ids.has(e.target)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const positions = new Map<string, XY>();
  for (const b of boxes) {
    const n = g.node(b.id);
    positions.set(b.id, { x: Math.round(n.x - b.width / 2), y: Math.round(n.y - b.height / 2) });
  }
  return positions;
}
