import { flowChecklist, type BlockProblems } from '../domain/flow/flowChecklist';
import { toFlowEdge, toFlowNode, type CanvasEdge, type CanvasNode } from './canvasTypes';
import type { FlowStore } from './useFlowStore';

let lastNodes: CanvasNode[] = [];
let lastEdges: CanvasEdge[] | null = null;
let lastResult: BlockProblems[] = [];

/** Positions and selection never change the checklist, so a drag reuses the last answer. */
function sameStructure(a: CanvasNode[], b: CanvasNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!, y = b[i]!;
    if (x.id !== y.id || x.data !== y.data || x.type !== y.type || x.stage !== y.stage) return false;
  }
  return true;
}

function sameEdges(a: CanvasEdge[], b: CanvasEdge[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((e, i) => e.id === b[i]!.id && e.source === b[i]!.source && e.target === b[i]!.target && e.sourceHandle === b[i]!.sourceHandle);
}

/** The Flow Checklist of the open flow, recomputed only when something it reads changed. */
export function selectChecklist(s: FlowStore): BlockProblems[] {
  if (lastEdges && sameStructure(lastNodes, s.nodes) && sameEdges(lastEdges, s.edges)) return lastResult;
  lastNodes = s.nodes;
  lastEdges = s.edges;
  lastResult = flowChecklist(s.nodes.map(toFlowNode), s.edges.map(toFlowEdge));
  return lastResult;
}

let countsFor: BlockProblems[] | null = null;
let counts = new Map<string, number>();

/** Problem count per block, for the marker on each node: one Map shared by all nodes. */
export function selectProblemCounts(s: FlowStore): Map<string, number> {
  const result = selectChecklist(s);
  if (result !== countsFor) {
    countsFor = result;
    counts = new Map(result.map((p) => [p.nodeId, p.messages.length]));
  }
  return counts;
}
