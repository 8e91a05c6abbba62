import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, useStore, type EdgeProps } from '@xyflow/react';
import { X } from 'lucide-react';
import { memo, useState } from 'react';
import { blockName, type CanvasEdge, type CanvasNode } from '../store/canvasTypes';
import { useFlowStore } from '../store/useFlowStore';

/** A connection: solid on the live path, dotted for post-call; hovering shows its route and an ✕. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<CanvasEdge>) {
  const { id, source, target, sourceHandleId, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [hovered, setHovered] = useState(false);
  const post = useStore((s) => sourceHandleId === 'post' || (s.nodeLookup.get(source)?.internals.userNode as CanvasNode | undefined)?.stage === 'post');
  const route = useFlowStore((s) => `${post ? 'Post-call: ' : ''}${blockName(s.blocks, source)} → ${blockName(s.blocks, target)}`);
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });

  return (
    <>
      <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
        <title>{route}</title>
        <BaseEdge id={id} path={path} interactionWidth={16} style={post ? { strokeDasharray: '5 4' } : undefined} />
      </g>
      {(hovered || selected) && (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label={`Delete connection ${route}`}
            title="Delete connection"
            className="nodrag nopan pointer-events-auto absolute flex h-5 w-5 items-center justify-center rounded-full border border-zinc-300 bg-white text-zinc-500 shadow-sm hover:border-rose-400 hover:text-rose-600"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            onMouseEnter={() => setHovered(true)}
            onMouseLeave={() => setHovered(false)}
            onClick={() => useFlowStore.getState().deleteEdge(id)}
          >
            <X size={11} strokeWidth={2.5} aria-hidden />
          </button>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
