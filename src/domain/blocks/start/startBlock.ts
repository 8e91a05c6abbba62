import type * as z from 'zod/mini';
import { BLOCK_SIZE, defineBlock } from '../BlockDefinition';
import type { startSchema } from './startSchema';

export const startDefaults = { name: 'Start', greeting: 'Hello! How can I help you today?' };

export type StartData = z.infer<typeof startSchema>;

export const startBlock = defineBlock<StartData>({
  type: 'start',
  kind: 'trigger',
  size: BLOCK_SIZE,
  label: 'Start',
  description: 'Where every call begins',
  stages: ['live'],
  // Its input is where the pre-call chain ends: the caller is looked up before the greeting.
  hasInput: true,
  named: true,
  defaults: () => structuredClone(startDefaults),
  outputs: () => [{ id: 'next', kind: 'live', required: true }],
  validate: (d) => (d.greeting.trim() ? [] : ['Greeting Message cannot be empty']),
  executor: () => import('./startExecutor').then((m) => m.startExecutor),
  summary: (d) => d.greeting,
});
