import type { FlowEdge, FlowNode } from './FlowDocument';
import { blockCatalog } from '../blocks/blockCatalog';

/** Ids of blocks a call can reach from Start, following live and post-call edges. */
export function reachableFromStart(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const start = nodes.find((n) => blockCatalog[n.type].kind === 'trigger');
  const seen = new Set<string>();
  const stack = start ? [start.id] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of next.get(id) ?? []) if (!seen.has(t)) stack.push(t);
  }
  return seen;
}
