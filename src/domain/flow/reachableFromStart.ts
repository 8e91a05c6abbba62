import type { FlowEdge, FlowNode } from './FlowDocument';
import { blockCatalog } from '../blocks/blockCatalog';
import { preCallChain } from './preCallChain';

/**
 * Ids of blocks a call can reach: from the head of the pre-call chain (or Start when there is
 * none), following pre-call, live and post-call edges — a pre-call Error route to an End Call too.
 */
export function reachableFromStart(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Set<string> {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const list = next.get(e.source);
    if (list) list.push(e.target);
    else next.set(e.source, [e.target]);
  }
  const start = nodes.find((n) => blockCatalog[n.type].kind === 'trigger');
  const seen = new Set<string>();
  const stack = start ? [start.id, ...preCallChain(nodes, edges).blocks] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of next.get(id) ?? []) if (!seen.has(t)) stack.push(t);
  }
  return seen;
}
