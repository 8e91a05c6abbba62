import type { CustomVariable } from '../domain/flow/FlowDocument';
import { flowChecklist, type BlockProblems } from '../domain/flow/flowChecklist';
import { invalidVariablesByNode } from '../domain/variables/invalidVariables';
import { toFlowEdge, toFlowNode, type BlockDataMap, type CanvasEdge, type CanvasNode } from './canvasModel';
import { sameStructure } from './sameStructure';

let lastNodes: CanvasNode[] = [];
let lastEdges: CanvasEdge[] | null = null;
let lastBlocks: BlockDataMap | null = null;
let lastVariables: CustomVariable[] | null = null;
export interface CheckedFlow {
  checklist: BlockProblems[];
  /** Invalid variable references of every block, parked ones included (their chips turn red too). */
  invalidRefs: ReadonlyMap<string, string[]>;
}
let lastResult: CheckedFlow = { checklist: [], invalidRefs: new Map() };

function sameEdges(a: CanvasEdge[], b: CanvasEdge[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.id === b[i]!.id && e.source === b[i]!.source && e.target === b[i]!.target && e.sourceHandle === b[i]!.sourceHandle);
}

/** The Flow Checklist of a document, recomputed only when something it reads changed. */
export function computeChecklist(nodes: CanvasNode[], edges: CanvasEdge[], blocks: BlockDataMap, variables: CustomVariable[]): CheckedFlow {
  if (lastEdges && lastBlocks === blocks && lastVariables === variables && sameStructure(lastNodes, nodes) && sameEdges(lastEdges, edges)) return lastResult;
  lastNodes = nodes;
  lastEdges = edges;
  lastBlocks = blocks;
  lastVariables = variables;
  const flowNodes = nodes.map((n) => toFlowNode(n, blocks));
  const flowEdges = edges.map(toFlowEdge);
  const uses = invalidVariablesByNode(flowNodes, flowEdges, variables);
  const invalidRefs = new Map([...uses].filter(([, u]) => u.invalid.length).map(([id, u]) => [id, u.invalid]));
  lastResult = { checklist: flowChecklist(flowNodes, flowEdges, variables, uses), invalidRefs };
  return lastResult;
}
