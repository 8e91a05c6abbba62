import type { StateCreator } from 'zustand';
import type { Viewport } from '../domain/flow/fitViewport';
import type { FlowStore } from './useFlowStore';

export interface FlowSummary {
  id: string;
  name: string;
  updatedAt: number;
}

export type SaveStatus = { status: 'loading' } | { status: 'saved' } | { status: 'saving' } | { status: 'unsaved'; reason: string } | { status: 'conflict' };

export interface Notice {
  id: number;
  tone: 'info' | 'error';
  text: string;
  action?: { label: string; run(): void };
}

/** The workspace around the open flow: the saved flows, how saving is going, the notices shown and the viewport to open at. The storage code (src/storage) drives it. */
export interface WorkspaceSlice {
  flows: FlowSummary[];
  save: SaveStatus;
  notices: Notice[];
  /** Where the canvas opens: the flow's saved view, or one framing the whole flow. */
  initialViewport: Viewport | null;
  /** Why no flow could be opened at all (the app's own code failed to load), or null. */
  startError: string | null;
  setFlows(flows: FlowSummary[]): void;
  setSave(save: SaveStatus): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
}

let nextNoticeId = 1;

export const createWorkspaceSlice: StateCreator<FlowStore, [], [], WorkspaceSlice> = (set, get) => ({
  flows: [],
  save: { status: 'loading' },
  notices: [],
  initialViewport: null,
  startError: null,
  setFlows: (flows) => set({ flows }),
  setSave: (save) => set({ save }),
  notify: (notice) => set({ notices: [...get().notices, { ...notice, id: nextNoticeId++ }] }),
  dismissNotice: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
});
