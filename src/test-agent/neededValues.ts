import { availableVariables, findVariable, type VariableType } from '../domain/variables/availableVariables';
import { variablesIn } from '../domain/variables/variableTokens';
import { variablePrefix } from '../domain/variables/variablePrefix';
import type { FlowDocument } from '../domain/flow/FlowDocument';

export interface NeededValue {
  name: string;
  type?: VariableType;
  prefill: string;
}

/**
 * For Test from here: the variables that the block and those after it use, which blocks before it
 * would have set (values the blocks ahead make themselves are left out) (call values and Custom Variables are known anyway), each prefilled from the last
 * test of its block when there is one.
 */
export function neededValues(flow: FlowDocument, startAt: string): NeededValue[] {
  const ahead = new Set<string>();
  const stack = [startAt];
  while (stack.length) {
    const id = stack.pop()!;
    if (ahead.has(id)) continue;
    ahead.add(id);
    for (const e of flow.edges) if (e.source === id && e.sourceHandle !== 'post') stack.push(e.target);
  }
  const node = flow.nodes.find((n) => n.id === startAt);
  const groups = node ? availableVariables(startAt, node.stage, flow.nodes, flow.edges, flow.variables) : [];
  const made = new Set<string>();
  for (const n of flow.nodes) {
    if (!ahead.has(n.id) || n.type !== 'collect') continue;
    for (const f of (n.data.fields as { name: string }[] | undefined) ?? []) made.add(f.name);
  }
  const custom = new Set(flow.variables.map((v) => v.name));
  const names = new Set<string>();
  for (const n of flow.nodes) if (ahead.has(n.id)) variablesIn(n.data, names);
  return [...names]
    .filter(
      (name) =>
        !name.startsWith('call.') &&
        !custom.has(name) &&
        !made.has(name) &&
        !flow.nodes.some((n) => ahead.has(n.id) && n.type === 'apiRequest' && name.startsWith(`${variablePrefix(String(n.data.name ?? ''))}.`)),
    )
    .sort()
    .map((name) => {
      const known = findVariable(name, groups);
      const v = known?.value;
      return { name, ...(known?.type ? { type: known.type } : {}), prefill: v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v) };
    });
}

/** A typed-in value read as its variable's type (numbers, booleans and JSON stay typed). */
export function readValue(text: string, type?: VariableType): unknown {
  if (type === 'number' && text.trim() && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean') return /^(true|yes|1)$/i.test(text.trim());
  if (type === 'object' || type === 'array' || type === 'null') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
