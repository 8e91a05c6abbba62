import type { CanvasEdge } from './canvasModel';
import type { FlowStore } from './useFlowStore';

let cachedFor: CanvasEdge[] | null = null;
let cached = new Map<string, string>();

/**
 * For each block, the ids of its outputs that have an edge, as one string ("next|post"). Built
 * once per edges array and shared by every node, so a node's selector is a Map lookup that
 * returns the same string until its own edges change: nothing re-renders during a drag.
 */
export function selectConnectedHandles(s: FlowStore): Map<string, string> {
  if (s.edges !== cachedFor) {
    cachedFor = s.edges;
    const lists = new Map<string, string[]>();
    for (const e of s.edges) {
      const list = lists.get(e.source);
      if (list) list.push(e.sourceHandle);
      else lists.set(e.source, [e.sourceHandle]);
    }
    cached = new Map([...lists].map(([id, handles]) => [id, handles.sort().join('|')]));
  }
  return cached;
}
