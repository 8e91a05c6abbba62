import type { FlowTest } from '../testing/flowTestSchema';

/** Where a block runs: before the greeting (pre-call), on the live call, or after it (post-call). */
export const STAGES = ['pre', 'live', 'post'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Every block type, declared once: the type, the flow file's schema and every registry
 * (`Record<BlockType, …>`: definitions, schemas, icons, panels, cards) follow from this list, so
 * the compiler points at each place a new type must be handled.
 */
export const BLOCK_TYPES = ['start', 'talk', 'collect', 'filter', 'apiRequest', 'endCall', 'sticky'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

export interface XY {
  x: number;
  y: number;
}

/** A block on the canvas. `data` is owned by the block's definition (domain/blocks/<type>). */
export interface FlowNode {
  id: string;
  type: BlockType;
  position: XY;
  stage: Stage;
  data: Record<string, unknown>;
  /** Only sticky notes are resized by the user; other blocks size to their content. */
  width?: number;
  height?: number;
}

export interface FlowEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: 'in';
}

export interface CustomVariable {
  name: string;
  value: string;
  secret: boolean;
}

/** One flow, as stored and exported (DESIGN.md §2.4). */
export interface FlowDocument {
  format: 'switchboard-flow';
  version: number;
  id: string;
  name: string;
  variables: CustomVariable[];
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Saved flow tests (domain/testing), run by the Tests tab and `switchboard test`. */
  tests: FlowTest[];
}

export const FLOW_FORMAT = 'switchboard-flow';
export const FLOW_VERSION = 4;
