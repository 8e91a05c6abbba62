import { blockCatalog, inputStage } from '../domain/blocks/blockCatalog';
import type { Stage } from '../domain/flow/FlowDocument';
import { sameStructure } from './sameStructure';
import { selectConnectedHandles } from './selectConnectedHandles';
import { selectProblemCounts } from './selectChecklist';
import type { FlowStore } from './useFlowStore';

/** All a block card shows from the store. */
export interface NodeView {
  data: Record<string, unknown>;
  stage: Stage;
  /** Its outputs with an edge, "a|b". */
  connected: string;
  /** A connection is being dragged that this block cannot take. */
  dimmed: boolean;
  problems: number;
  /** The output whose add-block picker is open, if any. */
  pickerHandle: string | null;
  /** Invalid variable names used by the block, "a|b" (their chips are red). */
  invalid: string;
  /** Outcome Focus is on and this block does not carry a focused outcome. */
  unfocused: boolean;
  /** In the call being tested: the block it is in now, or one it passed through. */
  run: '' | 'current' | 'visited';
}

type Inputs = Pick<FlowStore, 'nodes' | 'edges' | 'blocks' | 'connecting' | 'checklist' | 'invalidRefs' | 'picker' | 'outcomeFocus' | 'testRun'>;
let last: Inputs | null = null;
let views = new Map<string, NodeView>();

function sameView(a: NodeView | undefined, b: NodeView): a is NodeView {
  return (
    !!a &&
    a.data === b.data &&
    a.stage === b.stage &&
    a.connected === b.connected &&
    a.dimmed === b.dimmed &&
    a.problems === b.problems &&
    a.pickerHandle === b.pickerHandle &&
    a.invalid === b.invalid &&
    a.unfocused === b.unfocused &&
    a.run === b.run
  );
}

/**
 * One view per block, shared by all cards. A card subscribes to its own entry: one lookup per
 * store change, and a re-render only when its entry is replaced. While a block is dragged the
 * inputs do not change and the whole map is reused; when they do change, unchanged entries keep
 * their identity, so only the cards concerned re-render.
 */
export function selectNodeViews(s: FlowStore): Map<string, NodeView> {
  if (
    last &&
    last.blocks === s.blocks &&
    last.edges === s.edges &&
    last.connecting === s.connecting &&
    last.checklist === s.checklist &&
    last.invalidRefs === s.invalidRefs &&
    last.picker === s.picker &&
    last.outcomeFocus === s.outcomeFocus &&
    last.testRun === s.testRun &&
    sameStructure(last.nodes, s.nodes)
  ) {
    // Every card asks on every store change: the next asks for this array cost one comparison, not n.
    last.nodes = s.nodes;
    return views;
  }
  last = {
    nodes: s.nodes,
    edges: s.edges,
    blocks: s.blocks,
    connecting: s.connecting,
    checklist: s.checklist,
    invalidRefs: s.invalidRefs,
    picker: s.picker,
    outcomeFocus: s.outcomeFocus,
    testRun: s.testRun,
  };
  const invalid = new Map([...s.invalidRefs].map(([id, names]) => [id, names.join('|')]));
  const focus = s.outcomeFocus.length ? new Set(s.outcomeFocus) : null;
  const visited = new Set(s.testRun?.visited);
  const connected = selectConnectedHandles(s);
  const problems = selectProblemCounts(s);
  const c = s.connecting;
  const pickerTarget = s.picker?.target.from === 'handle' ? s.picker.target : null;
  const next = new Map<string, NodeView>();
  for (const n of s.nodes) {
    const view: NodeView = {
      data: s.blocks[n.id] ?? {},
      stage: n.stage,
      connected: connected.get(n.id) ?? '',
      dimmed: c !== null && c.nodeId !== n.id && inputStage(n) !== c.stage,
      problems: problems.get(n.id) ?? 0,
      pickerHandle: pickerTarget?.nodeId === n.id ? pickerTarget.handleId : null,
      invalid: invalid.get(n.id) ?? '',
      run: s.testRun?.current === n.id ? 'current' : visited.has(n.id) ? 'visited' : '',
      unfocused: focus !== null && blockCatalog[n.type].kind !== 'note' && !focus.has(blockCatalog[n.type].outcome?.(s.blocks[n.id] ?? {}) ?? ''),
    };
    const previous = views.get(n.id);
    next.set(n.id, sameView(previous, view) ? previous : view);
  }
  views = next;
  return views;
}
