import type { BlockType, FlowNode, Stage } from '../flow/FlowDocument';
import type { BlockCategory, BlockDefinition, OutputHandle } from './BlockDefinition';
import { startBlock } from './start/startBlock';
import { talkBlock } from './talk/talkBlock';
import { collectBlock } from './collect/collectBlock';
import { filterBlock } from './filter/filterBlock';
import { apiRequestBlock } from './api-request/apiRequestBlock';
import { endCallBlock } from './end-call/endCallBlock';
import { stickyNoteBlock } from './sticky-note/stickyNoteBlock';

/**
 * Every block type's definition, keyed by type. One of the compiler-checked tables a new block joins
 * (with its schema, executor, icon, panel and card): adding a type to BlockType in FlowDocument.ts
 * makes each table that lacks it a type error.
 */
export const blockCatalog: Record<BlockType, BlockDefinition> = {
  start: startBlock as unknown as BlockDefinition,
  talk: talkBlock as unknown as BlockDefinition,
  collect: collectBlock as unknown as BlockDefinition,
  filter: filterBlock as unknown as BlockDefinition,
  apiRequest: apiRequestBlock as unknown as BlockDefinition,
  endCall: endCallBlock as unknown as BlockDefinition,
  sticky: stickyNoteBlock as unknown as BlockDefinition,
};

const CATEGORY_ORDER: readonly BlockCategory[] = ['Conversation', 'Flow control and routing', 'Data and automation'];

/** Blocks the add-block picker offers on a stage, in picker order. */
export function pickerBlocks(stage: Stage): BlockDefinition[] {
  return CATEGORY_ORDER.flatMap((category) => Object.values(blockCatalog).filter((d) => d.category === category && d.stages.includes(stage)));
}

/** Default data for a new block of a type (on a stage: a pre-call API Request has a shorter timeout). */
export function defaultData(type: BlockType, stage?: Stage): Record<string, unknown> {
  return blockCatalog[type].defaults(stage) as Record<string, unknown>;
}

/**
 * What a block's input takes: outputs of its own stage, except the trigger, whose input is where
 * the pre-call chain ends (PRODUCT.md §1 Stages). Notes take nothing.
 */
export function inputStage(node: Pick<FlowNode, 'type' | 'stage'>): Stage | null {
  const kind = blockCatalog[node.type].kind;
  if (kind === 'note') return null;
  return kind === 'trigger' ? 'pre' : node.stage;
}

/**
 * The source handles of a placed block. A live block also gets a post-call output; on a
 * post-call block every output is post-call (post-call blocks never return to the live path).
 */
export function outputsOf(node: Pick<FlowNode, 'type' | 'stage' | 'data'>): OutputHandle[] {
  const definition = blockCatalog[node.type];
  const outputs = definition.outputs(node.data);
  if (node.stage === 'post') return outputs.map((o) => ({ ...o, kind: 'post', required: false }));
  // Before the greeting there is no call yet to do post-call work for: pre-call outputs only.
  if (node.stage === 'pre') return outputs.map((o) => ({ ...o, kind: 'pre' }));
  if (definition.kind !== 'block') return outputs; // Start and notes: the call's post-call work hangs off real blocks
  return [...outputs, { id: 'post', label: 'Post-call', kind: 'post', required: false }];
}
