import * as z from 'zod/mini';
import { defineBlock } from '../BlockDefinition';

export const startSchema = z.object({
  name: z._default(z.string(), 'Start'),
  greeting: z._default(z.string(), 'Hello! How can I help you today?'),
});
export type StartData = z.infer<typeof startSchema>;

export const startBlock = defineBlock<StartData>({
  type: 'start',
  label: 'Start',
  description: 'Where every call begins',
  stages: ['live'],
  hasInput: false,
  named: true,
  schema: startSchema,
  outputs: () => [{ id: 'next', kind: 'live', required: true }],
  validate: (d) => (d.greeting.trim() ? [] : ['Greeting Message cannot be empty']),
  summary: (d) => d.greeting,
});
