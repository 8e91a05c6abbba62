import { defaultData } from '../blocks/blockCatalog';
import type { FlowDocument, FlowNode } from '../flow/FlowDocument';

export type BlockSpec = Pick<FlowNode, 'id' | 'type'> & { data?: Record<string, unknown>; stage?: FlowNode['stage'] };

/** A flow for unit tests, written tersely: blocks named after their ids, edges as [source, handle, target]. */
export function flowOf(nodes: BlockSpec[], edges: [string, string, string][], variables: FlowDocument['variables'] = []): FlowDocument {
  return {
    format: 'switchboard-flow',
    version: 4,
    id: 'f',
    name: 'F',
    variables,
    tests: [],
    nodes: nodes.map((n, i) => ({
      id: n.id,
      type: n.type,
      stage: n.stage ?? 'live',
      position: { x: 0, y: i * 100 },
      data: { ...defaultData(n.type), name: n.id, ...n.data },
    })),
    edges: edges.map(([source, sourceHandle, target], i) => ({ id: `e${i}`, source, sourceHandle, target, targetHandle: 'in' })),
  };
}
