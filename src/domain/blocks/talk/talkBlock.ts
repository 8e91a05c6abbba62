import type * as z from 'zod/mini';
import { BLOCK_SIZE, defineBlock } from '../BlockDefinition';
import type { talkSchema } from './talkSchema';

export const talkDefaults = { name: 'Talk', prompt: '', exits: [{ id: 'done', label: 'Caller is done' }] };

export type TalkData = z.infer<typeof talkSchema>;

export const talkBlock = defineBlock<TalkData>({
  type: 'talk',
  kind: 'block',
  size: BLOCK_SIZE,
  label: 'Talk',
  description: 'The agent holds a conversation, then leaves by an exit condition',
  category: 'Conversation',
  stages: ['live'],
  hasInput: true,
  named: true,
  defaults: () => structuredClone(talkDefaults),
  outputs: (d) => d.exits.map((e) => ({ id: `exit:${e.id}`, label: e.label || 'Unnamed condition', kind: 'live', required: true })),
  validate: (d) => [
    ...(d.prompt.trim() ? [] : ['Prompt cannot be empty']),
    ...(d.exits.length ? [] : ['Add at least one exit condition']),
    ...(d.exits.some((e) => !e.label.trim()) ? ['Every exit condition needs a description'] : []),
  ],
  executor: () => import('./talkExecutor').then((m) => m.talkExecutor),
  summary: (d) => d.prompt,
});
