import * as z from 'zod/mini';
import { defineBlock } from '../BlockDefinition';

export const endCallSchema = z.object({
  name: z._default(z.string(), 'End Call'),
  mode: z._default(z.enum(['fixed', 'promptable']), 'fixed'),
  message: z._default(z.string(), 'Thank you for calling. Goodbye!'),
});
export type EndCallData = z.infer<typeof endCallSchema>;

export const endCallBlock = defineBlock<EndCallData>({
  type: 'endCall',
  label: 'End Call',
  description: 'Says a final message, then hangs up',
  category: 'Flow control and routing',
  stages: ['live'],
  hasInput: true,
  named: true,
  schema: endCallSchema,
  outputs: () => [],
  validate: (d) => (d.message.trim() ? [] : ['Final message cannot be empty']),
  summary: (d) => d.message,
});
