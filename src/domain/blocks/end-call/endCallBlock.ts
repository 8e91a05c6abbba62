import { z } from 'zod';
import { defineBlock } from '../BlockDefinition';

export const endCallSchema = z.object({
  name: z.string().default('End Call'),
  mode: z.enum(['fixed', 'promptable']).default('fixed'),
  message: z.string().default('Thank you for calling. Goodbye!'),
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
