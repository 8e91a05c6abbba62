import type { CustomVariable, FlowEdge, FlowNode } from '../flow/FlowDocument';
import { availableVariables, incomingEdges, isAvailable, upstreamOf, type VariableGroup } from './availableVariables';
import { variablesIn } from './variableTokens';

export interface InvalidVariable {
  name: string;
  /** Blocks that use it where it is not available. */
  nodeIds: string[];
}

/** Each block's variable uses that nothing before it provides, for blocks that use any. */
export function invalidVariablesByNode(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  custom: readonly CustomVariable[],
  only?: ReadonlySet<string>,
): Map<string, { invalid: string[]; groups: VariableGroup[] }> {
  const result = new Map<string, { invalid: string[]; groups: VariableGroup[] }>();
  const into = incomingEdges(edges);
  for (const node of nodes) {
    if (only && !only.has(node.id)) continue;
    const used = variablesIn(node.data);
    if (!used.size) continue;
    const groups = availableVariables(node.id, node.stage, nodes, edges, custom, upstreamOf(node.id, edges, into));
    const invalid = [...used].filter((name) => !isAvailable(name, groups));
    result.set(node.id, { invalid, groups });
  }
  return result;
}

/** Every invalid reference in the flow with the blocks using it (the Replace Invalid Variables list). */
export function invalidVariables(nodes: readonly FlowNode[], edges: readonly FlowEdge[], custom: readonly CustomVariable[]): InvalidVariable[] {
  const byName = new Map<string, string[]>();
  for (const [nodeId, { invalid }] of invalidVariablesByNode(nodes, edges, custom)) {
    for (const name of invalid) byName.set(name, [...(byName.get(name) ?? []), nodeId]);
  }
  return [...byName].map(([name, nodeIds]) => ({ name, nodeIds })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Replacements offered for an invalid reference: names available in every block that uses it. */
export function replacementsFor(
  nodeIds: readonly string[],
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  custom: readonly CustomVariable[],
): VariableGroup[] {
  const perNode = nodeIds.map((id) => {
    const node = nodes.find((n) => n.id === id)!;
    return availableVariables(id, node.stage, nodes, edges, custom);
  });
  if (!perNode.length) return [];
  const [first, ...rest] = perNode;
  return first!
    .map((g) => ({ ...g, variables: g.variables.filter((v) => rest.every((groups) => isAvailable(v.name, groups))) }))
    .filter((g) => g.variables.length);
}
