import {
  Background,
  BackgroundVariant,
  ReactFlow,
  useReactFlow,
  useStore,
  type IsValidConnection,
  type NodeTypes,
  type EdgeTypes,
  type OnConnectStart,
  type NodeMouseHandler,
  type OnMoveEnd,
  type OnMoveStart,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { rememberViewport } from '../storage/flowLibrary';
import { canConnect } from '../domain/flow/canConnect';
import { blockCatalog, outputsOf } from '../domain/blocks/blockCatalog';
import type { BlockType } from '../domain/flow/FlowDocument';
import { sizeOf, toFlowNode, type CanvasEdge, type CanvasNode } from '../store/canvasModel';
import { useFlowStore } from '../store/useFlowStore';
import { selectLabelledEdges } from '../store/selectLabelledEdges';
import { selectFirstRun } from '../store/selectFirstRun';
import { AddBlockPicker } from './AddBlockPicker';
import { BlockNode } from './BlockNode';
import { FlowEdge } from './FlowEdge';
import { HistoryControls } from './HistoryControls';
import { preloadable } from '../components/preloadable';

// Notes and the minimap are not needed for the first paint of most flows: separate chunks.
const { Component: StickyNoteNode, preload: preloadSticky } = preloadable(() => import('./StickyNoteNode'));
const { Component: FlowMiniMap, preload: preloadMiniMap } = preloadable(() => import('./FlowMiniMap'));
// Shown on a flow that is only Start: a hint a moment after first paint costs nothing to the rest.
const { Component: EmptyFlowHint } = preloadable(() => import('./EmptyFlowHint'));
export const preloadCanvasExtras = () => {
  void preloadSticky();
  void preloadMiniMap();
};
import { useCanvasShortcuts } from './useCanvasShortcuts';
import { useCompactZoom } from './useCompactZoom';
import { coalesceDragMoves } from './coalesceDragMoves';
import { coalesceMouseMoves, type MouseMoveCoalescer } from './coalesceMouseMoves';
import { CompactContext } from './CompactContext';

/** The card of each block type (typed by BlockType, so a new type cannot be forgotten here). */
const cards: Record<BlockType, NodeTypes[string]> = {
  start: BlockNode,
  talk: BlockNode,
  collect: BlockNode,
  filter: BlockNode,
  apiRequest: BlockNode,
  endCall: BlockNode,
  sticky: StickyNoteNode,
};
const nodeTypes: NodeTypes = cards;
const edgeTypes: EdgeTypes = { default: FlowEdge };
/** Off-screen blocks are not in the DOM on big flows: paint, not React, is what limits dragging. */
const VIRTUALIZE_FROM = 200;

const isValidConnection: IsValidConnection<CanvasEdge> = (c) => {
  const { nodes, edges, blocks } = useFlowStore.getState();
  const find = (id: string) => nodes.find((n) => n.id === id);
  const source = find(c.source);
  const target = find(c.target);
  if (!source || !target) return false;
  return canConnect([toFlowNode(source, blocks), toFlowNode(target, blocks)], edges, { source: c.source, sourceHandle: c.sourceHandle, target: c.target }).ok;
};

// Handlers and options are module constants: React Flow copies every prop that changes identity
// into its store, and a new arrow function per render would mean an extra store update (waking
// every node and edge) on each frame of a drag.
const MULTI_SELECT_KEYS = ['Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true };
const beginGesture = () => useFlowStore.getState().beginGesture();
const endGesture = () => useFlowStore.getState().endGesture();
const onConnectEnd = () => useFlowStore.getState().setConnecting(null);
const onPaneClick = () => useFlowStore.getState().closePanel();
/** A variable chip on a card shows its preview; the code for it arrives on the first hover. */
const onPointerOver = (e: React.PointerEvent) => {
  const chip = (e.target as HTMLElement).closest?.<HTMLElement>('.react-flow__node .var-chip');
  const nodeId = chip?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
  if (chip && nodeId) void import('./cardChipPreview').then((m) => m.cardChipPreview(chip, nodeId));
};
const onMoveEnd: OnMoveEnd = (_, viewport) => rememberViewport(viewport);
const onNodeClick: NodeMouseHandler<CanvasNode> = (_, node) => {
  if (blockCatalog[node.type].kind !== 'note') useFlowStore.getState().openPanel(node.id);
};
const onConnectStart: OnConnectStart = (_, { nodeId, handleId, handleType }) => {
  if (handleType !== 'source' || !nodeId || !handleId) return;
  const { nodes, blocks } = useFlowStore.getState();
  const node = nodes.find((n) => n.id === nodeId);
  const handle = node && outputsOf(toFlowNode(node, blocks)).find((h) => h.id === handleId);
  if (handle) useFlowStore.getState().setConnecting({ nodeId, handleId, stage: handle.kind });
};

/** The hint's code is fetched only for a flow that is Start alone. */
function FirstRunHint() {
  return useFlowStore(selectFirstRun) ? <EmptyFlowHint /> : null;
}

/** The React Flow canvas, wired to the store. */
export function FlowCanvas() {
  const nodes = useFlowStore((s) => s.nodes);
  const edges = useFlowStore(selectLabelledEdges);
  const applyNodesChange = useFlowStore((s) => s.onNodesChange);
  // A drag's moves reach the store once per frame, however fast the mouse sends them.
  const onNodesChange = useMemo(() => coalesceDragMoves(applyNodesChange), [applyNodesChange]);
  // A pan's mouse moves reach React Flow once per frame too (d3-zoom takes them from the window).
  const panMoves = useRef<MouseMoveCoalescer | null>(null);
  useEffect(() => {
    const coalescer = coalesceMouseMoves();
    panMoves.current = coalescer;
    return () => coalescer.dispose();
  }, []);
  const onMoveStart = useCallback<OnMoveStart>((event) => {
    if (event?.type === 'mousedown') panMoves.current?.hold();
  }, []);
  const onEdgesChange = useFlowStore((s) => s.onEdgesChange);
  const connect = useFlowStore((s) => s.connect);
  const focus = useFlowStore((s) => s.focus);
  const miniMap = useFlowStore((s) => s.miniMap);
  const { setCenter, getZoom, flowToScreenPosition } = useReactFlow();
  useCanvasShortcuts();
  // Dots every few pixels at a far zoom are noise, and costly to paint.
  const compact = useCompactZoom();
  // The flow's saved view, or one framing it computed before the first paint (see fitViewport).
  const [initialViewport] = useState(() => useFlowStore.getState().initialViewport ?? undefined);

  // The canvas narrows when the block panel opens (sometimes a frame later, when its code
  // arrives): a reveal is checked again whenever the width changes, for a moment.
  const canvasWidth = useStore((s) => s.width);
  useEffect(() => {
    if (!focus) return;
    const node = useFlowStore.getState().nodes.find((n) => n.id === focus.nodeId);
    if (!node) return;
    const { width, height } = sizeOf(node);
    if (focus.mode === 'center') {
      useFlowStore.getState().clearFocus();
      setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
      return;
    }
    // A new block: move the view only if it is not on screen with room for its "+" buttons
    // (below for its outputs, to the right for post-call).
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const topLeft = flowToScreenPosition({ x: node.position.x - 24, y: node.position.y - 24 });
    const bottomRight = flowToScreenPosition({ x: node.position.x + width + 56, y: node.position.y + height + 56 });
    const visible = topLeft.x >= canvas.left && topLeft.y >= canvas.top && bottomRight.x <= canvas.right && bottomRight.y <= canvas.bottom;
    // At once, not animated: the user's next click (often the new block's "+") must not chase a moving target.
    if (!visible) setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: getZoom() });
    const done = setTimeout(() => useFlowStore.getState().clearFocus(), 800);
    return () => clearTimeout(done);
  }, [focus, canvasWidth, setCenter, getZoom, flowToScreenPosition]);

  // The canvas re-renders on every frame of a drag (the nodes change); what it holds does not, so
  // it is made once per change of its own inputs instead of once per frame.
  const extras = useMemo(
    () => (
      <>
        {!compact && <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d6de" />}
        <HistoryControls />
        {miniMap && <FlowMiniMap />}
        <AddBlockPicker />
        <FirstRunHint />
      </>
    ),
    [compact, miniMap],
  );

  return (
    <CompactContext.Provider value={compact}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={connect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginGesture}
        onNodeDragStop={endGesture}
        onSelectionDragStart={beginGesture}
        onSelectionDragStop={endGesture}
        onNodeClick={onNodeClick}
        onPaneClick={onPaneClick}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onPointerOver={onPointerOver}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        onlyRenderVisibleElements={nodes.length >= VIRTUALIZE_FROM}
        defaultViewport={initialViewport}
        minZoom={0.1}
        maxZoom={2}
        proOptions={PRO_OPTIONS}
      >
        {extras}
      </ReactFlow>
    </CompactContext.Provider>
  );
}
