import { BaseEdge, EdgeLabelRenderer, Position, getSmoothStepPath, useStoreApi, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { X } from 'lucide-react';
import { memo, useState } from 'react';
import { blockName, type CanvasEdge } from '../store/canvasModel';
import { useFlowStore } from '../store/useFlowStore';
import type { Rect } from '../domain/flow/routeEdge';
import { useEdgeRouting } from './useEdgeRouting';
import { blockCatalog } from '../domain/blocks/blockCatalog';
import type { CanvasNode } from '../store/canvasModel';

/** The cards on the canvas as rectangles (sticky notes may lie under edges). Read, not subscribed to. */
function cardRects(state: ReactFlowState<CanvasNode>): Rect[] {
  const rects: Rect[] = [];
  for (const n of state.nodeLookup.values()) {
    if (blockCatalog[n.type].kind === 'note' || !n.measured.width || !n.measured.height) continue;
    rects.push({ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width, height: n.measured.height });
  }
  return rects;
}

/** A connection (post-call ones are dotted by their class, see toCanvasEdge); hovering shows its route and an ✕. */
export const FlowEdge = memo(function FlowEdge(props: EdgeProps<CanvasEdge>) {
  const { id, source, target, sourceHandleId, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [hovered, setHovered] = useState(false);
  // Names are read only while the edge is hovered or selected: no subscription per edge.
  const route = () => {
    const { blocks, nodes } = useFlowStore.getState();
    const post = sourceHandleId === 'post' || nodes.find((n) => n.id === source)?.stage === 'post';
    return `${post ? 'Post-call: ' : ''}${blockName(blocks, source)} → ${blockName(blocks, target)}`;
  };
  const active = hovered || selected;
  const store = useStoreApi<CanvasNode>();
  const routing = useEdgeRouting();
  // Outputs at the bottom are routed around the cards in the way (an edge under a card looks as if
  // it entered it); the edge re-renders, and re-routes, whenever one of its ends moves.
  const [path, labelX, labelY] =
    routing && sourcePosition === Position.Bottom && targetPosition === Position.Top
      ? (({ path, labelX, labelY }) => [path, labelX, labelY] as const)(
          routing.roundedPath(routing.routeEdge({ x: sourceX, y: sourceY }, { x: targetX, y: targetY }, cardRects(store.getState()))),
        )
      : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });

  return (
    <>
      <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
        {active && <title>{route()}</title>}
        <BaseEdge id={id} path={path} interactionWidth={16} />
      </g>
      {active && (
        <EdgeLabelRenderer>
          <button
            type="button"
            aria-label={`Delete connection ${route()}`}
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
