import type { CustomVariable, FlowEdge, FlowNode, Stage } from '../flow/FlowDocument';
import { variablePrefix } from './variablePrefix';
import { blockCatalog } from '../blocks/blockCatalog';

import type { VariableType } from './VariableType';
export type { VariableType } from './VariableType';

export interface VariableInfo {
  /** The token name: create_lead.customer.id */
  name: string;
  /** What the picker shows: customer.id */
  label: string;
  type?: VariableType;
  description?: string;
  /** The block that produces it, for jumping to it. */
  sourceId?: string;
  secret?: boolean;
  /** The value from the last test or the flow's Custom Variables, when known. */
  value?: unknown;
}

export interface VariableGroup {
  title: string;
  sourceId?: string;
  variables: VariableInfo[];
  /** A block whose response shape is unknown until it is tested: any path under `prefix` is fine. */
  openPrefix?: string;
  /** Said beside the group's entries (a test that no longer matches the request). */
  note?: string;
}

const CALL_VARIABLES: VariableInfo[] = [
  { name: 'call.caller_number', label: 'caller_number', type: 'string', description: 'The caller’s phone number (E.164)' },
  { name: 'call.called_number', label: 'called_number', type: 'string', description: 'The number the caller dialled' },
  { name: 'call.id', label: 'id', type: 'string', description: 'This call’s unique id' },
  { name: 'call.start_time', label: 'start_time', type: 'string', description: 'When the call started (ISO 8601)' },
];

const POST_CALL_VARIABLES: VariableInfo[] = [
  { name: 'call.transcript', label: 'transcript', type: 'string', description: 'The whole conversation' },
  { name: 'call.summary', label: 'summary', type: 'string', description: 'A short summary of the call' },
  { name: 'call.outcome', label: 'outcome', type: 'string', description: 'The call outcome tag' },
  { name: 'call.duration_seconds', label: 'duration_seconds', type: 'number', description: 'How long the call lasted' },
];

/** Each block's direct predecessors, for walking routes backwards. */
export function incomingEdges(edges: readonly FlowEdge[]): Map<string, string[]> {
  const into = new Map<string, string[]>();
  for (const e of edges) {
    const list = into.get(e.target);
    if (list) list.push(e.source);
    else into.set(e.target, [e.source]);
  }
  return into;
}

/**
 * Ids of the blocks on some route that reaches `nodeId` (not the block itself), nearest first:
 * a breadth-first walk backwards, so pickers can list the blocks just before this one at the top.
 */
export function upstreamOf(nodeId: string, edges: readonly FlowEdge[], into = incomingEdges(edges)): Set<string> {
  const seen = new Set<string>();
  const queue = [...(into.get(nodeId) ?? [])];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (seen.has(id) || id === nodeId) continue;
    seen.add(id);
    for (const before of into.get(id) ?? []) if (!seen.has(before)) queue.push(before);
  }
  return seen;
}

/**
 * What a block may use, grouped as the Available Variables panel shows it (PRODUCT.md §3): the
 * blocks before it on a route that reaches it, the call's own values, Custom Variables and what
 * Collect blocks gathered. Later blocks and other branches are not offered.
 */
export function availableVariables(
  nodeId: string,
  stage: Stage,
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  custom: readonly CustomVariable[],
  upstream = upstreamOf(nodeId, edges),
): VariableGroup[] {
  const groups: VariableGroup[] = [];
  const shared = new Map<string, VariableInfo[]>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Nearest blocks first (upstream is in breadth-first order); each block says what it makes.
  for (const id of upstream) {
    const node = byId.get(id);
    const published = node && blockCatalog[node.type].publishes?.(node.data, { id, prefix: variablePrefix(String(node.data.name ?? '')) });
    if (!node || !published) continue;
    if (published.sharedGroup) shared.set(published.sharedGroup, [...(shared.get(published.sharedGroup) ?? []), ...published.variables]);
    else
      groups.push({
        title: String(node.data.name ?? '') || blockCatalog[node.type].label,
        sourceId: id,
        variables: published.variables,
        ...(published.openPrefix ? { openPrefix: published.openPrefix } : {}),
        ...(published.note ? { note: published.note } : {}),
      });
  }
  groups.push({ title: 'Call Variables', variables: stage === 'post' ? [...CALL_VARIABLES, ...POST_CALL_VARIABLES] : CALL_VARIABLES });
  groups.push({
    title: 'Custom Variables',
    variables: custom.filter((v) => v.name).map((v) => ({ name: v.name, label: v.name, type: 'string', secret: v.secret, value: v.value })),
  });
  for (const [title, variables] of shared) if (variables.length) groups.push({ title, variables });
  return groups;
}

/** Whether a token name refers to something these groups provide. */
export function isAvailable(name: string, groups: readonly VariableGroup[]): boolean {
  return groups.some((g) => (g.openPrefix && name.startsWith(g.openPrefix)) || g.variables.some((v) => v.name === name));
}

/** The entry for a token name, if any group lists it. */
export function findVariable(name: string, groups: readonly VariableGroup[]): VariableInfo | undefined {
  for (const g of groups) {
    const hit = g.variables.find((v) => v.name === name);
    if (hit) return hit;
    if (g.openPrefix && name.startsWith(g.openPrefix)) return { name, label: name.slice(g.openPrefix.length), sourceId: g.sourceId };
  }
  return undefined;
}
