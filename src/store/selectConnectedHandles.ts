import type { CanvasEdge } from './canvasTypes';
import type { FlowStore } from './useFlowStore';

const cache = new WeakMap<CanvasEdge[], Set<string>>();

/** "nodeId handleId" of every output with an edge; built once per edges array, shared by all nodes. */
export function connectedHandles(edges: CanvasEdge[]): Set<string> {
  let set = cache.get(edges);
  if (!set) {
    set = new Set(edges.map((e) => `${e.source} ${e.sourceHandle}`));
    cache.set(edges, set);
  }
  return set;
}

/** Selector factory: whether one output has an edge. */
export const selectIsConnected = (nodeId: string, handleId: string) => (s: FlowStore) =>
  connectedHandles(s.edges).has(`${nodeId} ${handleId}`);
