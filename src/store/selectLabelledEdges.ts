import { blockCatalog, outputsOf } from '../domain/blocks/blockCatalog';
import type { CanvasEdge } from './canvasModel';
import type { FlowStore } from './useFlowStore';

let lastEdges: CanvasEdge[] | null = null;
let lastBlocks: FlowStore['blocks'] | null = null;
let lastOut: CanvasEdge[] = [];
const labelled = new WeakMap<CanvasEdge, CanvasEdge>();

/**
 * The edges as React Flow gets them, each named for screen readers by its blocks and route
 * ("Lookup (Error) → Apology") instead of React Flow's "Edge from <id> to <id>". Names change as
 * blocks are renamed, so they are derived here rather than stored; an edge keeps its object (and
 * the array its identity) unless its own name changed, so typing elsewhere redraws no edge.
 */
export function selectLabelledEdges(s: FlowStore): CanvasEdge[] {
  if (s.edges === lastEdges && s.blocks === lastBlocks) return lastOut;
  const handleLabels = new Map<string, Map<string, string | undefined>>();
  const stageOf = new Map(s.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => {
    const node = stageOf.get(id);
    return String(s.blocks[id]?.name ?? (node ? blockCatalog[node.type].label : id)) || 'Unnamed block';
  };
  const handleLabel = (source: string, handle: string) => {
    let labels = handleLabels.get(source);
    if (!labels) {
      const node = stageOf.get(source);
      labels = new Map(node ? outputsOf({ type: node.type, stage: node.stage, data: s.blocks[source] ?? {} }).map((h) => [h.id, h.label]) : []);
      handleLabels.set(source, labels);
    }
    return labels.get(handle);
  };
  let changed = s.edges !== lastEdges;
  const out = s.edges.map((e) => {
    const route = handleLabel(e.source, e.sourceHandle);
    const ariaLabel = `Connection ${nameOf(e.source)}${route ? ` (${route})` : ''} → ${nameOf(e.target)}`;
    const previous = labelled.get(e);
    if (previous && previous.ariaLabel === ariaLabel) return previous;
    changed = true;
    const next = { ...e, ariaLabel };
    labelled.set(e, next);
    return next;
  });
  lastEdges = s.edges;
  lastBlocks = s.blocks;
  if (changed) lastOut = out;
  return lastOut;
}
