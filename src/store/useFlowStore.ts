import { create } from 'zustand';
import { createDocumentSlice, type DocumentSlice } from './documentSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type FlowStore = DocumentSlice & HistorySlice & UiSlice;

/** The one store: the document (nodes, edges, name, variables), its history, and UI state apart. */
export const useFlowStore = create<FlowStore>()((...a) => ({
  ...createDocumentSlice(...a),
  ...createHistorySlice(...a),
  ...createUiSlice(...a),
}));
