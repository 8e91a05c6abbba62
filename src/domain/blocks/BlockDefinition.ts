import type { BlockType, Stage } from '../flow/FlowDocument';
import type { Executor } from '../engine/Executor';
import type { VariableInfo } from '../variables/availableVariables';

/** A block card's size on the canvas (cards size to their content; this is the planning size). */
export const BLOCK_SIZE = { width: 260, height: 88 } as const;

export interface PublishedVariables {
  variables: VariableInfo[];
  /** Untested: any path under this prefix is accepted. */
  openPrefix?: string;
  /** Said beside the group (a stale test). */
  note?: string;
  /** Listed in one group of this title for all blocks of the type, not a group per block. */
  sharedGroup?: string;
}

export type BlockCategory = 'Conversation' | 'Flow control and routing' | 'Data and automation';

/** A source handle of a block. Live handles take one edge, post-call handles many. */
export interface OutputHandle {
  id: string;
  label?: string;
  kind: Stage;
  /** A required handle left unconnected is a Flow Checklist problem. */
  required: boolean;
}

/**
 * Everything the editor, checklist and (later) the engine need to know about one block type.
 * Its schema (what stored data may hold, defaults filled in) sits beside it in <type>Schema.ts:
 * validation is only needed when a flow is read, so zod stays out of the editor's first load.
 */
export interface BlockDefinition<D extends object = Record<string, unknown>> {
  type: BlockType;
  /**
   * `trigger`: where every call starts (one per flow; cannot be deleted or copied). `note`: never
   * runs, has no panel, is not laid out and never blocks an edge. `block`: everything else.
   */
  kind: 'trigger' | 'block' | 'note';
  /** Size of a new block on the canvas; only resizable blocks (notes) store their own. */
  size: { width: number; height: number };
  resizable?: boolean;
  label: string;
  description: string;
  /** Absent for blocks that are not offered in the add-block picker (Start, Sticky Note). */
  category?: BlockCategory;
  stages: readonly Stage[];
  hasInput: boolean;
  /** Blocks whose name names their variables; Sticky Notes have none. */
  named: boolean;
  /** A new block's settings (a fresh copy each call), for the stage it is added on. */
  defaults(stage?: Stage): D;
  /** Live-path outputs; post-call outputs are derived from these by `outputsOf`. */
  outputs(data: D): OutputHandle[];
  /** Missing required settings, as messages a user can act on. */
  validate(data: D, stage: Stage): string[];
  /** One line under the block's title on the canvas ({{variables}} show as chips). */
  summary(data: D): string;
  /** A short tag before the summary (the API Request's method). */
  badge?(data: D): string;
  /** The call outcome the block tags, for Outcome Focus. */
  outcome?(data: D): string;
  /**
   * The variables the block makes for the blocks after it, under its name prefix (an API
   * Request's response fields), or into a group shared by all blocks of its type (Collect values).
   */
  publishes?(data: D, context: { id: string; prefix: string }): PublishedVariables;
  /**
   * Its runtime (DESIGN.md §2.5), fetched when a call starts: the editor's first load does not
   * carry the engine. Absent for blocks that never run (Sticky Note).
   */
  executor?(): Promise<Executor<D>>;
}

/** Keeps each definition's data type while storing them in one table. */
export function defineBlock<D extends object>(definition: BlockDefinition<D>): BlockDefinition<D> {
  return definition;
}
