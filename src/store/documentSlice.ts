import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand';
import { blockCatalog, defaultData, outputsOf } from '../domain/blocks/blockCatalog';
import { canConnect } from '../domain/flow/canConnect';
import { copyFragment, instantiateFragment, type ClipboardFragment } from '../domain/flow/clipboardFragment';
import type { BlockType, CustomVariable, FlowDocument, Stage, XY } from '../domain/flow/FlowDocument';
import { FLOW_FORMAT, FLOW_VERSION } from '../domain/flow/FlowDocument';
import type { FlowTest } from '../domain/testing/flowTestSchema';
import { renameInTests } from '../domain/testing/renameInTests';
import { placeNewBlock, spotFromHandle } from '../domain/flow/placeNewBlock';
import { uniqueName } from '../domain/flow/uniqueName';
import { variablePrefix } from '../domain/variables/variablePrefix';
import { renameVariablePrefix, replaceVariable } from '../domain/variables/variableTokens';
import { sizeOf, toCanvasEdge, toCanvasNode, toFlowEdge, toFlowNode, type BlockDataMap, type CanvasEdge, type CanvasNode } from './canvasModel';
import type { PickerTarget } from './uiSlice';
import type { FlowStore } from './useFlowStore';

const PASTE_OFFSET = 40;

export interface DocumentSlice {
  flowId: string;
  flowName: string;
  variables: CustomVariable[];
  /** Saved flow tests (saved with the flow; not undo steps, like its variables). */
  tests: FlowTest[];
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Each block's settings by node id (see CanvasNode for why they are not in `nodes`). */
  blocks: BlockDataMap;
  loadDocument(doc: FlowDocument): void;
  /** Renames the open flow (not an undo step: it names the file, not the call flow). */
  renameOpenFlow(name: string): void;
  toDocument(): FlowDocument;
  onNodesChange(changes: NodeChange<CanvasNode>[]): void;
  onEdgesChange(changes: EdgeChange<CanvasEdge>[]): void;
  connect(connection: Connection): boolean;
  /** Creates a block where the picker says, connects it, selects it and opens its panel. */
  addBlock(type: BlockType, target: PickerTarget, stage: Stage, at?: XY): string;
  updateBlockData(id: string, patch: Record<string, unknown>, coalesceKey?: string): void;
  /** Custom Variables of the flow (saved with it; not an undo step, like the flow's name). */
  setVariables(variables: CustomVariable[]): void;
  setTests(tests: FlowTest[]): void;
  /** Replaces every use of a variable in the given blocks (all when omitted), in one undo step. */
  replaceVariable(from: string, to: string, nodeIds?: readonly string[]): void;
  deleteSelection(): void;
  deleteEdge(id: string): void;
  selectOnly(id: string): void;
  /** The selected blocks with the edges between them, or null when nothing is selected. */
  copySelection(): ClipboardFragment | null;
  pasteFragment(fragment: ClipboardFragment): void;
  duplicateSelection(): void;
  /** Auto-layout in one undo step. The layout code loads on first use: most sessions never need it. */
  organize(): Promise<void>;
}

const newId = () => crypto.randomUUID();

/**
 * A block's variables are named after it, so renaming it renames the references to them, unless
 * another block still answers to the old name (then the references are ambiguous: left alone).
 */
function followRename(blocks: BlockDataMap, id: string, oldName: string, newName: string): BlockDataMap {
  const from = variablePrefix(oldName);
  const to = variablePrefix(newName);
  if (from === to || Object.entries(blocks).some(([other, d]) => other !== id && variablePrefix(String(d.name ?? '')) === from)) return blocks;
  return Object.fromEntries(Object.entries(blocks).map(([k, d]) => [k, renameVariablePrefix(d, from, to)]));
}

/** Edges whose output vanished (a deleted exit condition or case) go with it. */
function pruneDanglingEdges(nodes: CanvasNode[], blocks: BlockDataMap, edges: CanvasEdge[], changedId: string): CanvasEdge[] {
  const node = nodes.find((n) => n.id === changedId);
  if (!node) return edges;
  const handles = new Set(outputsOf({ type: node.type, stage: node.stage, data: blocks[changedId] ?? {} }).map((h) => h.id));
  const kept = edges.filter((e) => e.source !== changedId || handles.has(e.sourceHandle));
  return kept.length === edges.length ? edges : kept;
}

export const createDocumentSlice: StateCreator<FlowStore, [], [], DocumentSlice> = (set, get) => ({
  flowId: '',
  flowName: '',
  variables: [],
  tests: [],
  nodes: [],
  edges: [],
  blocks: {},

  loadDocument(doc) {
    const stages = new Map(doc.nodes.map((n) => [n.id, n.stage]));
    // Another flow's problems are not this one's: nothing is shown until it is checked. The same
    // flow again (another tab's changes) keeps its marks until the re-check, as a local edit does.
    const anotherFlow = doc.id !== get().flowId;
    set({
      flowId: doc.id,
      flowName: doc.name,
      variables: doc.variables,
      tests: doc.tests,
      nodes: doc.nodes.map(toCanvasNode),
      edges: doc.edges.map((e) => toCanvasEdge(e, stages.get(e.source))),
      blocks: Object.fromEntries(doc.nodes.map((n) => [n.id, n.data])),
      past: [],
      future: [],
      panelNodeId: null,
      picker: null,
      ...(anotherFlow && { checklist: [], invalidRefs: new Map(), checklistPending: true }),
    });
    get().refreshChecklist();
  },

  renameOpenFlow(name) {
    set({ flowName: name });
  },

  toDocument() {
    const { flowId, flowName, variables, tests, nodes, edges, blocks } = get();
    return {
      format: FLOW_FORMAT,
      version: FLOW_VERSION,
      id: flowId,
      name: flowName,
      variables,
      nodes: nodes.map((n) => toFlowNode(n, blocks)),
      edges: edges.map(toFlowEdge),
      tests,
    };
  },

  onNodesChange(changes) {
    // Selection, measuring and drag moves are not document edits; removals come via deleteSelection.
    const allowed = changes.filter((c) => c.type !== 'remove' && c.type !== 'add' && c.type !== 'replace');
    if (!allowed.length) return;
    if (allowed.some((c) => c.type === 'dimensions' && c.resizing)) get().recordHistory('resize');
    set({ nodes: applyNodeChanges(allowed, get().nodes) });
  },

  onEdgesChange(changes) {
    const allowed = changes.filter((c) => c.type === 'select');
    if (allowed.length) set({ edges: applyEdgeChanges(allowed, get().edges) });
  },

  connect(connection) {
    const { nodes, edges, blocks } = get();
    const verdict = canConnect(
      nodes.map((n) => toFlowNode(n, blocks)),
      edges,
      { source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target },
    );
    if (!verdict.ok || !connection.sourceHandle) return false;
    get().recordHistory();
    const edge = { id: newId(), source: connection.source, sourceHandle: connection.sourceHandle, target: connection.target, targetHandle: 'in' as const };
    set({ edges: [...edges, toCanvasEdge(edge, verdict.kind)] });
    return true;
  },

  addBlock(type, target, stage, at) {
    const { nodes, edges, blocks } = get();
    const definition = blockCatalog[type];
    const data = defaultData(type, stage);
    if (definition.named)
      data.name = uniqueName(
        definition.label,
        Object.values(blocks).map((b) => String(b.name ?? '')),
      );
    const size = definition.size;
    let preferred: XY = at ?? { x: 0, y: 0 };
    const source = target.from === 'handle' ? nodes.find((n) => n.id === target.nodeId) : undefined;
    // The "+" above Start (handle `in`) puts a pre-call block just before it.
    const before = target.from === 'handle' && target.handleId === 'in';
    if (source && target.from === 'handle') preferred = spotFromHandle({ ...source.position, ...sizeOf(source) }, target.handleId, size);
    const occupied = nodes.map((n) => ({ ...n.position, ...sizeOf(n) }));
    const position = placeNewBlock(preferred, size, occupied);
    const id = newId();
    const node: CanvasNode = { ...toCanvasNode({ id, type, stage, position, data }), selected: true };
    if (definition.resizable) Object.assign(node, size);
    get().recordHistory();
    // Before a block: what led into it now leads into the new block, which leads on into it.
    const newEdges =
      !source || target.from !== 'handle'
        ? edges
        : before
          ? [
              ...edges.map((e) => (e.target === source.id ? { ...e, target: id } : e)),
              toCanvasEdge({ id: newId(), source: id, sourceHandle: 'next', target: source.id, targetHandle: 'in' }, stage),
            ]
          : [...edges, toCanvasEdge({ id: newId(), source: source.id, sourceHandle: target.handleId, target: id, targetHandle: 'in' }, target.stage)];
    set({
      nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
      edges: newEdges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      blocks: { ...blocks, [id]: data },
      panelNodeId: definition.kind === 'note' ? null : id,
      picker: null,
      focus: { nodeId: id, mode: 'reveal' },
    });
    return id;
  },

  updateBlockData(id, patch, coalesceKey) {
    get().recordHistory(coalesceKey ? `${id}:${coalesceKey}` : undefined);
    const { nodes, edges, blocks } = get();
    let next = { ...blocks, [id]: { ...blocks[id], ...patch } };
    let tests = get().tests;
    if (typeof patch.name === 'string') {
      const before = String(blocks[id]?.name ?? '');
      next = followRename(next, id, before, patch.name);
      const others = Object.entries(blocks)
        .filter(([other]) => other !== id)
        .map(([, d]) => String(d.name ?? ''));
      tests = renameInTests(tests, before, patch.name, others);
    }
    set({ blocks: next, edges: pruneDanglingEdges(nodes, next, edges, id), tests });
  },

  setTests(tests) {
    get().recordHistory();
    set({ tests });
  },

  setVariables(variables) {
    set({ variables });
  },

  replaceVariable(from, to, nodeIds) {
    const { blocks } = get();
    const only = nodeIds ? new Set(nodeIds) : null;
    const next = Object.fromEntries(Object.entries(blocks).map(([id, data]) => [id, !only || only.has(id) ? replaceVariable(data, from, to) : data]));
    if (Object.keys(next).every((id) => next[id] === blocks[id])) return;
    get().recordHistory();
    set({ blocks: next });
  },

  deleteSelection() {
    const { nodes, edges, blocks, panelNodeId } = get();
    const gone = new Set(nodes.filter((n) => n.selected && blockCatalog[n.type].kind !== 'trigger').map((n) => n.id));
    const keptEdges = edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
    if (!gone.size && keptEdges.length === edges.length) return;
    get().recordHistory();
    set({
      nodes: gone.size ? nodes.filter((n) => !gone.has(n.id)) : nodes,
      edges: keptEdges,
      blocks: gone.size ? Object.fromEntries(Object.entries(blocks).filter(([id]) => !gone.has(id))) : blocks,
      panelNodeId: panelNodeId && gone.has(panelNodeId) ? null : panelNodeId,
    });
  },

  deleteEdge(id) {
    get().recordHistory();
    set({ edges: get().edges.filter((e) => e.id !== id) });
  },

  selectOnly(id) {
    set({
      nodes: get().nodes.map((n) => (n.id === id ? (n.selected ? n : { ...n, selected: true }) : n.selected ? { ...n, selected: false } : n)),
      edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
    });
  },

  copySelection() {
    const { nodes, edges, blocks } = get();
    const ids = new Set(nodes.filter((n) => n.selected).map((n) => n.id));
    const fragment = copyFragment(
      nodes.map((n) => toFlowNode(n, blocks)),
      edges,
      ids,
    );
    return fragment.nodes.length ? fragment : null;
  },

  pasteFragment(fragment) {
    if (!fragment.nodes.length) return;
    const { nodes, edges, blocks } = get();
    // Paste beside the originals when they are still here, so repeated pastes cascade.
    const existing = new Set(nodes.map((n) => n.id));
    const overlaps = fragment.nodes.some((n) => existing.has(n.id));
    const offset = overlaps ? { x: PASTE_OFFSET, y: PASTE_OFFSET } : { x: 0, y: 0 };
    const copy = instantiateFragment(
      fragment,
      Object.values(blocks).map((b) => String(b.name ?? '')),
      offset,
      newId,
    );
    get().recordHistory();
    set({
      nodes: [...nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...copy.nodes.map((n) => ({ ...toCanvasNode(n), selected: true }))],
      edges: [
        ...edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        ...copy.edges.map((e) => toCanvasEdge(e, copy.nodes.find((n) => n.id === e.source)?.stage)),
      ],
      blocks: { ...blocks, ...Object.fromEntries(copy.nodes.map((n) => [n.id, n.data])) },
    });
  },

  duplicateSelection() {
    const fragment = get().copySelection();
    if (fragment) get().pasteFragment(fragment);
  },

  async organize() {
    const { organizeLayout } = await import('../domain/flow/organizeLayout');
    const { nodes, edges } = get();
    const boxes = nodes.filter((n) => blockCatalog[n.type].kind !== 'note').map((n) => ({ id: n.id, ...sizeOf(n) }));
    const positions = organizeLayout(boxes, edges);
    get().recordHistory();
    set({ nodes: nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)) });
  },
});
