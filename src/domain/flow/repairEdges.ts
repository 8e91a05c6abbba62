import { blockCatalog, inputStage, outputsOf } from '../blocks/blockCatalog';
import type { FlowEdge, FlowNode } from './FlowDocument';

/**
 * The connections of a read file that the flow's own rules allow (the rules `canConnect` applies
 * while editing), and a sentence for each one left out: an output the block does not have, a stage
 * an input does not take, a second edge on an output that takes one, a repeat. Linear in the
 * number of edges, so a crafted file with 10 000 of them is read in a moment.
 */
export function repairEdges(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): { edges: FlowEdge[]; dropped: string[] } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const handles = new Map<string, Map<string, string>>();
  const used = new Set<string>();
  const pairs = new Set<string>();
  const kept: FlowEdge[] = [];
  const counts = new Map<string, number>();
  const drop = (why: string) => counts.set(why, (counts.get(why) ?? 0) + 1);
  for (const e of edges) {
    const source = byId.get(e.source)!;
    const target = byId.get(e.target)!;
    let outputs = handles.get(source.id);
    if (!outputs) handles.set(source.id, (outputs = new Map(outputsOf(source).map((h) => [h.id, h.kind]))));
    const kind = outputs.get(e.sourceHandle);
    const name = (n: FlowNode) => String(n.data.name ?? '') || blockCatalog[n.type].label;
    if (!kind) {
      drop(`connections from an output “${name(source)}” does not have`);
      continue;
    }
    if (source.id === target.id) {
      drop('connections from a block to itself');
      continue;
    }
    if (inputStage(target) !== kind) {
      drop('connections between stages that do not connect');
      continue;
    }
    const output = `${e.source}\u0000${e.sourceHandle}`;
    if (kind !== 'post' && used.has(output)) {
      drop('extra connections on outputs that take one');
      continue;
    }
    const pair = `${output}\u0000${e.target}`;
    if (pairs.has(pair)) {
      drop('repeated connections');
      continue;
    }
    used.add(output);
    pairs.add(pair);
    kept.push(e);
  }
  return { edges: kept, dropped: [...counts].map(([why, n]) => `${n} ${why}`) };
}
