import type { StateCreator } from 'zustand';
import type { BlockProblems } from '../domain/flow/flowChecklist';
import type { FlowStore } from './useFlowStore';
import { whenIdle } from './whenIdle';

/**
 * Checking a 1000-block flow takes milliseconds; doing it on every keystroke would make typing
 * lag. The checklist is refreshed once edits pause for a moment instead.
 */
const REFRESH_MS = 120;

export interface ChecklistSlice {
  checklist: BlockProblems[];
  /** Every block's invalid variable references, reachable from Start or not. */
  invalidRefs: ReadonlyMap<string, string[]>;
  /** The open flow has not been checked yet (it was just opened): no count to show, not even "✓". */
  checklistPending: boolean;
  /** The checker's code could not load: the flow stays unchecked, and the checklist says why. */
  checklistUnavailable: boolean;
  refreshChecklist(): void;
}

export const createChecklistSlice: StateCreator<FlowStore, [], [], ChecklistSlice> = (set, get) => ({
  checklist: [],
  invalidRefs: new Map(),
  checklistPending: true,
  checklistUnavailable: false,
  refreshChecklist() {
    // The checker (variable scopes included) loads after first paint and runs when the page is
    // idle: the checklist is shown a moment after the flow, never before it. Run at once, it took
    // its chunks' fetch and a re-render of every card with a problem into the time between the
    // cards' first render and their measuring (~0.03 s at 100 blocks).
    whenIdle(() => {
      import('./computeChecklist').then(
        ({ computeChecklist }) => {
          const { nodes, edges, blocks, variables } = get();
          const { checklist, invalidRefs } = computeChecklist(nodes, edges, blocks, variables);
          if (checklist !== get().checklist || invalidRefs !== get().invalidRefs || get().checklistPending || get().checklistUnavailable)
            set({ checklist, invalidRefs, checklistPending: false, checklistUnavailable: false });
        },
        // Its code could not load (the server went away, or a new version replaced the files):
        // the checklist claims nothing and says so. The next edit's check tries again; where the
        // browser keeps the failed import, only a reload (which the checklist asks for) helps.
        () => set({ checklistUnavailable: true }),
      );
    }, 1000);
  },
});

/** Keeps `checklist` up to date with the document, debounced. */
export function watchChecklist(store: { subscribe(listener: (s: FlowStore, prev: FlowStore) => void): () => void; getState(): FlowStore }) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return store.subscribe((s, prev) => {
    if (s.nodes === prev.nodes && s.edges === prev.edges && s.blocks === prev.blocks && s.variables === prev.variables) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      store.getState().refreshChecklist();
    }, REFRESH_MS);
  });
}
