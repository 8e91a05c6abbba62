import { defaultData } from '../src/domain/blocks/blockCatalog';
import type { FlowDocument } from '../src/domain/flow/FlowDocument';

const COLUMNS = 25;
const SPACING = { x: 320, y: 180 };

/** Grid position of block i: the app and the baseline page lay out the same grid. */
export function gridPosition(i: number) {
  return { x: (i % COLUMNS) * SPACING.x, y: Math.floor(i / COLUMNS) * SPACING.y };
}

/** A flow of n blocks: Start, then Talk blocks chained by their exit condition. */
export function benchFlowDocument(n: number): FlowDocument {
  const nodes = Array.from({ length: n }, (_, i) =>
    i === 0
      ? { id: 'start', type: 'start' as const, stage: 'live' as const, position: gridPosition(0), data: defaultData('start') }
      : {
          id: `n${i}`,
          type: 'talk' as const,
          stage: 'live' as const,
          position: gridPosition(i),
          data: { ...defaultData('talk'), name: `Talk ${i}`, prompt: `Step ${i} of the call` },
        },
  );
  const edges = nodes.slice(1).map((node, i) => ({
    id: `e${i}`,
    source: nodes[i]!.id,
    sourceHandle: i === 0 ? 'next' : 'exit:done',
    target: node.id,
    targetHandle: 'in' as const,
  }));
  return { format: 'switchboard-flow', version: 2, id: `bench-${n}`, name: `Bench ${n}`, variables: [], tests: [], nodes, edges };
}
