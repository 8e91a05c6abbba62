import type * as z from 'zod/mini';
import { BLOCK_SIZE, defineBlock } from '../BlockDefinition';
import type { endCallSchema } from './endCallSchema';

export const endCallDefaults: { name: string; mode: 'fixed' | 'promptable'; message: string } = {
  name: 'End Call',
  mode: 'fixed',
  message: 'Thank you for calling. Goodbye!',
};

export type EndCallData = z.infer<typeof endCallSchema>;

export const endCallBlock = defineBlock<EndCallData>({
  type: 'endCall',
  kind: 'block',
  size: BLOCK_SIZE,
  label: 'End Call',
  description: 'Says a final message, then hangs up',
  category: 'Flow control and routing',
  stages: ['pre', 'live'],
  hasInput: true,
  named: true,
  defaults: () => structuredClone(endCallDefaults),
  outputs: () => [],
  validate: (d, stage) => [
    ...(d.message.trim() ? [] : ['Final message cannot be empty']),
    // Before the greeting there is no conversation for the AI to draw on: exact words only.
    ...(stage === 'pre' && d.mode !== 'fixed' ? ['Before the call, the final message must be Fixed (exact words)'] : []),
  ],
  executor: () => import('./endCallExecutor').then((m) => m.endCallExecutor),
  summary: (d) => d.message,
});
