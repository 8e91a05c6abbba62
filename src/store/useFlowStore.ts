import { create } from 'zustand';
import { createChecklistSlice, watchChecklist, type ChecklistSlice } from './checklistSlice';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type FlowStore = DocumentSlice & HistorySlice & UiSlice & ChecklistSlice;

/** The one store: the document (nodes, edges, block settings, name, variables), its history, UI state and derived checks. */
export const useFlowStore = create<FlowStore>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createHistorySlice(...a),
  ...createUiSlice(...a),
  ...createChecklistSlice(...a),
}));

watchChecklist(useFlowStore);
