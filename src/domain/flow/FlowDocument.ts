/** Where a block runs: on the live call, or after it (post-call). */
export type Stage = 'live' | 'post';

export type BlockType = 'start' | 'talk' | 'collect' | 'filter' | 'apiRequest' | 'endCall' | 'sticky';

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
}

export const FLOW_FORMAT = 'switchboard-flow';
export const FLOW_VERSION = 2;
