import type { BlockProblems } from '../domain/flow/flowChecklist';
import type { FlowStore } from './useFlowStore';

/** The Flow Checklist as last computed (see checklistSlice: it trails edits by a moment). */
export const selectChecklist = (s: FlowStore): BlockProblems[] => s.checklist;

let countsFor: BlockProblems[] | null = null;
let counts = new Map<string, number>();

/** Problem count per block, for the marker on each node: one Map shared by all nodes. */
export function selectProblemCounts(s: FlowStore): Map<string, number> {
  if (s.checklist !== countsFor) {
    countsFor = s.checklist;
    counts = new Map(s.checklist.map((p) => [p.nodeId, p.messages.length]));
  }
  return counts;
}
