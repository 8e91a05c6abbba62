import { blockCatalog } from '../blocks/blockCatalog';
import type { FlowEdge, FlowNode } from './FlowDocument';

/**
 * The pre-call chain (PRODUCT.md §1 Stages): the pre-call blocks that lead into Start's input, and
 * where it begins (the one of them nothing leads into). A call runs it before the greeting.
 */
export function preCallChain(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): { head: string | null; blocks: Set<string> } {
  const trigger = nodes.find((n) => blockCatalog[n.type].kind === 'trigger');
  const pre = new Set(nodes.filter((n) => n.stage === 'pre').map((n) => n.id));
  const blocks = new Set<string>();
  if (!trigger) return { head: null, blocks };
  const stack = [trigger.id];
  while (stack.length) {
    const id = stack.pop()!;
    for (const e of edges)
      if (e.target === id && pre.has(e.source) && !blocks.has(e.source)) {
        blocks.add(e.source);
        stack.push(e.source);
      }
  }
  const fed = new Set(edges.filter((e) => blocks.has(e.source) && blocks.has(e.target)).map((e) => e.target));
  const head = nodes.find((n) => blocks.has(n.id) && !fed.has(n.id))?.id ?? null;
  return { head, blocks };
}
