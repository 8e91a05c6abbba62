import { useStore } from '@xyflow/react';
import type { Stage } from '../domain/flow/FlowDocument';
import type { CanvasNode } from '../store/canvasTypes';

/** A block's stage, read from React Flow's node lookup in O(1) (node props do not carry it). */
export function useNodeStage(id: string): Stage {
  return useStore((s) => (s.nodeLookup.get(id)?.internals.userNode as CanvasNode | undefined)?.stage ?? 'live');
}
