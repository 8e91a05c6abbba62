import { blockCatalog, outputsOf } from '../blocks/blockCatalog';
import type { CustomVariable, FlowEdge, FlowNode } from './FlowDocument';
import { invalidVariablesByNode } from '../variables/invalidVariables';
import { objectInTextProblems } from '../variables/objectInTextProblems';
import { normalizeName } from './uniqueName';
import { reachableFromStart } from './reachableFromStart';

export interface BlockProblems {
  nodeId: string;
  blockName: string;
  messages: string[];
  /** Variable references that nothing before the block provides (their chips turn red). */
  invalidVariables?: string[];
}

/**
 * The Flow Checklist: problems on blocks reachable from Start. Parked, unconnected blocks are
 * ignored on purpose (PRODUCT.md §1): people keep drafts on the canvas.
 */
export function flowChecklist(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  custom: readonly CustomVariable[] = [],
  // Callers that also need every block's invalid references (parked ones too) compute them once.
  variables?: ReturnType<typeof invalidVariablesByNode>,
): BlockProblems[] {
  const reachable = reachableFromStart(nodes, edges);
  variables ??= invalidVariablesByNode(nodes, edges, custom, reachable);
  const connected = new Set(edges.map((e) => `${e.source}\u0000${e.sourceHandle}`));
  const nameCount = new Map<string, number>();
  for (const n of nodes) {
    if (!blockCatalog[n.type].named) continue;
    const key = normalizeName(String(n.data.name ?? ''));
    nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  }

  const result: BlockProblems[] = [];
  for (const node of nodes) {
    if (!reachable.has(node.id)) continue;
    const definition = blockCatalog[node.type];
    const name = String(node.data.name ?? '');
    const messages: string[] = [];
    if (definition.named) {
      if (!name.trim()) messages.push('Block name cannot be empty');
      else if ((nameCount.get(normalizeName(name)) ?? 0) > 1) messages.push(`Another block is also named “${name.trim()}”`);
    }
    messages.push(...definition.validate(node.data, node.stage));
    const uses = variables.get(node.id);
    if (uses) {
      for (const name of uses.invalid) messages.push(`Invalid variable “${name}”: it is not available in this block`);
      messages.push(...objectInTextProblems(node, uses.groups));
    }
    for (const handle of outputsOf(node)) {
      if (handle.required && !connected.has(`${node.id}\u0000${handle.id}`)) {
        messages.push(handle.label ? `“${handle.label}” is not connected` : 'The next step is not connected');
      }
    }
    if (messages.length) result.push({ nodeId: node.id, blockName: name || definition.label, messages, ...(uses?.invalid.length ? { invalidVariables: uses.invalid } : {}) });
  }
  return result;
}
