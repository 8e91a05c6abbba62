import type { Edge, Node } from '@xyflow/react';
import type { BlockType, FlowEdge, FlowNode, Stage } from '../domain/flow/FlowDocument';

/**
 * A block as React Flow holds it: where it is and what kind it is, plus React Flow's own fields
 * (selected, measured, dragging). Its settings live apart, in the store's `blocks` map, so that
 * typing in a panel never hands React Flow a new node array (which would wake every node and
 * edge on the canvas).
 */
export type CanvasNode = Node<Record<string, never>, BlockType> & { stage: Stage };
export type CanvasEdge = Edge & { sourceHandle: string; targetHandle: 'in' };
export type BlockDataMap = Readonly<Record<string, Record<string, unknown>>>;

export { BLOCK_SIZE as DEFAULT_BLOCK_SIZE } from '../domain/blocks/BlockDefinition';
import { BLOCK_SIZE } from '../domain/blocks/BlockDefinition';
import { blockCatalog } from '../domain/blocks/blockCatalog';
const NO_DATA: Record<string, never> = {};

export function toFlowNode(n: CanvasNode, blocks: BlockDataMap): FlowNode {
  const node: FlowNode = { id: n.id, type: n.type, position: { x: n.position.x, y: n.position.y }, stage: n.stage, data: blocks[n.id] ?? {} };
  if (blockCatalog[n.type].resizable) {
    node.width = n.width ?? n.measured?.width;
    node.height = n.height ?? n.measured?.height;
  }
  return node;
}

export function toFlowEdge(e: CanvasEdge): FlowEdge {
  return { id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target, targetHandle: 'in' };
}

const NO_BLOCKS: BlockDataMap = {};

/**
 * Whether two node lists are the same in the flow's file. React Flow replaces a node object to
 * select or measure it, which changes nothing there; compared in document form (toFlowNode, so
 * what is saved is decided in one place), and only where the objects differ.
 */
export function sameInDocument(a: readonly CanvasNode[], b: readonly CanvasNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((n, i) => n === b[i] || JSON.stringify(toFlowNode(n, NO_BLOCKS)) === JSON.stringify(toFlowNode(b[i]!, NO_BLOCKS)));
}

/** The same for edges (selecting an edge replaces it). */
export function sameEdgesInDocument(a: readonly CanvasEdge[], b: readonly CanvasEdge[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((e, i) => e === b[i] || JSON.stringify(toFlowEdge(e)) === JSON.stringify(toFlowEdge(b[i]!)));
}

export function toCanvasNode(n: FlowNode): CanvasNode {
  const node: CanvasNode = { id: n.id, type: n.type, position: n.position, stage: n.stage, data: NO_DATA };
  if (blockCatalog[n.type].kind === 'trigger') node.deletable = false;
  if (n.width) node.width = n.width;
  if (n.height) node.height = n.height;
  return node;
}

/** Post-call and pre-call edges carry the class that draws them, set once here rather than looked up per frame. */
export function toCanvasEdge(e: FlowEdge, sourceStage: Stage | undefined): CanvasEdge {
  const post = e.sourceHandle === 'post' || sourceStage === 'post';
  return post ? { ...e, className: 'post' } : sourceStage === 'pre' ? { ...e, className: 'pre' } : { ...e };
}

export function sizeOf(n: CanvasNode): { width: number; height: number } {
  return { width: n.measured?.width ?? n.width ?? BLOCK_SIZE.width, height: n.measured?.height ?? n.height ?? BLOCK_SIZE.height };
}

export function blockName(blocks: BlockDataMap, id: string): string {
  return String(blocks[id]?.name ?? '');
}
