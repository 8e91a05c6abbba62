import type { StateCreator } from 'zustand';
import type { Stage } from '../domain/flow/FlowDocument';
import type { FlowStore } from './useFlowStore';

/** Where the add-block picker will put the new block. */
export type PickerTarget = { from: 'handle'; nodeId: string; handleId: string; stage: Stage } | { from: 'toolbar' };

export interface UiSlice {
  panelNodeId: string | null;
  picker: { target: PickerTarget; anchor: HTMLElement | null } | null;
  /** The output being dragged from, so incompatible inputs can dim themselves. */
  connecting: { nodeId: string; handleId: string; stage: Stage } | null;
  /** A block the canvas should bring into view: centred (Go to) or only if off-screen (a new block). */
  focus: { nodeId: string; mode: 'center' | 'reveal' } | null;
  /** Off by default: redrawn on every frame of a drag or pan, it costs a third of the frame rate. */
  miniMap: boolean;
  toggleMiniMap(): void;
  /** The flows sidebar; hidden, the canvas gets its 208 px back. */
  flowsOpen: boolean;
  toggleFlows(): void;
  openPanel(nodeId: string): void;
  closePanel(): void;
  closePanelIfGone(): void;
  openPicker(picker: { target: PickerTarget; anchor: HTMLElement | null }): void;
  closePicker(): void;
  setConnecting(c: UiSlice['connecting']): void;
  goToBlock(nodeId: string): void;
  clearFocus(): void;
  /** The flow-level dialog that is open: Custom Variables, or Replace Invalid Variables (maybe for one name). */
  dialog: { kind: 'variables' } | { kind: 'replace'; variable?: string } | null;
  openDialog(dialog: UiSlice['dialog']): void;
  /** The Test agent panel (it shares the right side with the block panel); `startAt` for Test from here. */
  testAgent: { startAt?: string; session: number } | null;
  openTestAgent(startAt?: string): void;
  closeTestAgent(): void;
  /** The call being tested: the block it is in and the path it took, marked on the canvas. */
  testRun: { current: string | null; visited: readonly string[] } | null;
  setTestRun(run: UiSlice['testRun']): void;
  /** Selects a block and brings it into view without opening its panel (a trace entry was clicked). */
  revealBlock(nodeId: string): void;
  /** Outcome Focus: blocks tagged with one of these are highlighted, the rest dimmed. */
  outcomeFocus: readonly string[];
  setOutcomeFocus(outcomes: readonly string[]): void;
}

export const createUiSlice: StateCreator<FlowStore, [], [], UiSlice> = (set, get) => ({
  panelNodeId: null,
  picker: null,
  connecting: null,
  focus: null,
  miniMap: false,
  toggleMiniMap: () => set({ miniMap: !get().miniMap }),
  flowsOpen: true,
  toggleFlows: () => set({ flowsOpen: !get().flowsOpen }),
  openPanel: (nodeId) => set({ panelNodeId: nodeId, testAgent: null }),
  closePanel: () => set({ panelNodeId: null }),
  closePanelIfGone() {
    const { panelNodeId, nodes } = get();
    if (panelNodeId && !nodes.some((n) => n.id === panelNodeId)) set({ panelNodeId: null });
  },
  openPicker: (picker) => set({ picker }),
  closePicker: () => set({ picker: null }),
  setConnecting: (connecting) => set({ connecting }),
  goToBlock(nodeId) {
    get().selectOnly(nodeId);
    set({ panelNodeId: nodeId, testAgent: null, focus: { nodeId, mode: 'center' } });
  },
  testAgent: null,
  // Each opening is a new session number: Test from here on another block starts a new call.
  openTestAgent: (startAt) => set({ testAgent: { ...(startAt ? { startAt } : {}), session: (get().testAgent?.session ?? 0) + 1 }, panelNodeId: null }),
  closeTestAgent: () => set({ testAgent: null }),
  testRun: null,
  setTestRun: (testRun) => set({ testRun }),
  revealBlock(nodeId) {
    get().selectOnly(nodeId);
    set({ focus: { nodeId, mode: 'center' } });
  },
  clearFocus: () => set({ focus: null }),
  dialog: null,
  openDialog: (dialog) => set({ dialog }),
  outcomeFocus: [],
  setOutcomeFocus: (outcomeFocus) => set({ outcomeFocus }),
});
