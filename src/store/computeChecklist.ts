import type { CustomVariable } from '../domain/flow/FlowDocument';
import { flowChecklist, type BlockProblems } from '../domain/flow/flowChecklist';
import { toFlowEdge, toFlowNode, type BlockDataMap, type CanvasEdge, type CanvasNode } from './canvasTypes';

let lastNodes: CanvasNode[] = [];
let lastEdges: CanvasEdge[] | null = null;
let lastBlocks: BlockDataMap | null = null;
let lastVariables: CustomVariable[] | null = null;
let lastResult: BlockProblems[] = [];

/** Positions and selection never change the checklist, so a drag reuses the last answer. */
function sameStructure(a: CanvasNode[], b: CanvasNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (x.id !== y.id || x.type !== y.type || x.stage !== y.stage) return false;
  }
  return true;
}

function sameEdges(a: CanvasEdge[], b: CanvasEdge[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.id === b[i]!.id && e.source === b[i]!.source && e.target === b[i]!.target && e.sourceHandle === b[i]!.sourceHandle);
}

/** The Flow Checklist of a document, recomputed only when something it reads changed. */
export function computeChecklist(nodes: CanvasNode[], edges: CanvasEdge[], blocks: BlockDataMap, variables: CustomVariable[]): BlockProblems[] {
  if (lastEdges && lastBlocks === blocks && lastVariables === variables && sameStructure(lastNodes, nodes) && sameEdges(lastEdges, edges)) return lastResult;
  lastNodes = nodes;
  lastEdges = edges;
  lastBlocks = blocks;
  lastVariables = variables;
  lastResult = flowChecklist(nodes.map((n) => toFlowNode(n, blocks)), edges.map(toFlowEdge), variables);
  return lastResult;
}
