import { blockCatalog, outputsOf } from '../blocks/blockCatalog';
import type { CustomVariable, FlowEdge, FlowNode } from './FlowDocument';
import { invalidVariablesByNode } from '../variables/invalidVariables';
import { objectInTextProblems } from '../variables/objectInTextProblems';
import { normalizeName } from './uniqueName';
import { reachableFromStart } from './reachableFromStart';
import { checklistWarnings } from './checklistWarnings';

export interface BlockProblems {
  nodeId: string;
  blockName: string;
  /** Errors: the flow cannot be trusted to run until they are fixed. */
  messages: string[];
  /** Allowed but risky; never blocks anything. */
  warnings: string[];
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
    const warnings = checklistWarnings(node, custom);
    if (messages.length || warnings.length)
      result.push({
        nodeId: node.id,
        blockName: name || definition.label,
        messages,
        warnings,
        ...(uses?.invalid.length ? { invalidVariables: uses.invalid } : {}),
      });
  }
  // Post-call work hanging only off blocks no call reaches never runs: easy to miss, so say it.
  for (const node of nodes) {
    if (node.stage !== 'post' || reachable.has(node.id) || !edges.some((e) => e.target === node.id)) continue;
    const name = String(node.data.name ?? '') || blockCatalog[node.type].label;
    result.push({
      nodeId: node.id,
      blockName: name,
      messages: [],
      warnings: ['This post-call block never runs: the blocks it hangs off are not reached by any call.'],
    });
  }
  return result;
}
