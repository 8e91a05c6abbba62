import type { StateCreator } from 'zustand';
import type { BlockDataMap, CanvasEdge, CanvasNode } from './canvasModel';
import type { FlowStore } from './useFlowStore';
import type { FlowTest } from '../domain/testing/flowTestSchema';

interface Snapshot {
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  blocks: BlockDataMap;
  /** Saved tests follow block renames, so they undo with them. */
  tests: FlowTest[];
}

const LIMIT = 200;
/** Keystrokes into the same field within this window undo as one step, like a text editor. */
const COALESCE_MS = 1200;

export interface HistorySlice {
  past: Snapshot[];
  future: Snapshot[];
  lastCoalesce: { key: string; at: number } | null;
  gesture: Snapshot | null;
  /** Call before a document change; the current state becomes one undo step. */
  recordHistory(coalesceKey?: string): void;
  /** A drag: remember the state before it, record it only if something moved. */
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
}

export const createHistorySlice: StateCreator<FlowStore, [], [], HistorySlice> = (set, get) => ({
  past: [],
  future: [],
  lastCoalesce: null,
  gesture: null,
  recordHistory(coalesceKey) {
    const { nodes, edges, blocks, tests, past, lastCoalesce } = get();
    const now = Date.now();
    if (coalesceKey && lastCoalesce?.key === coalesceKey && now - lastCoalesce.at < COALESCE_MS) {
      set({ lastCoalesce: { key: coalesceKey, at: now } });
      return;
    }
    set({
      past: [...past.slice(-(LIMIT - 1)), { nodes, edges, blocks, tests }],
      future: [],
      lastCoalesce: coalesceKey ? { key: coalesceKey, at: now } : null,
    });
  },
  beginGesture() {
    const { nodes, edges, blocks, tests } = get();
    set({ gesture: { nodes, edges, blocks, tests } });
  },
  endGesture() {
    const { gesture, nodes, past } = get();
    if (!gesture) return;
    const before = new Map(gesture.nodes.map((n) => [n.id, n.position]));
    const moved = nodes.some((n) => {
      const p = before.get(n.id);
      return p && (p.x !== n.position.x || p.y !== n.position.y);
    });
    set(moved ? { gesture: null, past: [...past.slice(-(LIMIT - 1)), gesture], future: [], lastCoalesce: null } : { gesture: null });
  },
  undo() {
    const { past, future, nodes, edges, blocks, tests } = get();
    const previous = past.at(-1);
    if (!previous) return;
    set({ past: past.slice(0, -1), future: [...future, { nodes, edges, blocks, tests }], ...previous, lastCoalesce: null });
    get().closePanelIfGone();
  },
  redo() {
    const { past, future, nodes, edges, blocks, tests } = get();
    const next = future.at(-1);
    if (!next) return;
    set({ future: future.slice(0, -1), past: [...past, { nodes, edges, blocks, tests }], ...next, lastCoalesce: null });
    get().closePanelIfGone();
  },
});
