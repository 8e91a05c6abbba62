import { create } from 'zustand';
import { createChecklistSlice, watchChecklist, type ChecklistSlice } from './checklistSlice';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspaceSlice';

export type FlowStore = DocumentSlice & HistorySlice & UiSlice & ChecklistSlice & WorkspaceSlice;

/** A store of the editor's state: the app has one (useFlowStore); tests of two tabs make two. */
export function createFlowStore() {
  const store = create<FlowStore>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createHistorySlice(...a),
    ...createUiSlice(...a),
    ...createChecklistSlice(...a),
    ...createWorkspaceSlice(...a),
  }));
  watchChecklist(store);
  return store;
}

/** The one store: the document (nodes, edges, block settings, name, variables), its history, UI state, derived checks and the saved-flows library. */
export const useFlowStore = createFlowStore();
