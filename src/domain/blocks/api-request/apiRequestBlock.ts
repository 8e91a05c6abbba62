import * as z from 'zod/mini';
import { defineBlock } from '../BlockDefinition';

/** Request configuration arrives with the API Request issue; the block already runs on every stage. */
export const apiRequestSchema = z.object({
  name: z._default(z.string(), 'API Request'),
  method: z._default(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']), 'GET'),
  url: z._default(z.string(), ''),
});
export type ApiRequestData = z.infer<typeof apiRequestSchema>;

export const apiRequestBlock = defineBlock<ApiRequestData>({
  type: 'apiRequest',
  label: 'API Request',
  description: 'Calls an HTTP API; its response becomes variables',
  category: 'Data and automation',
  stages: ['live', 'post'],
  hasInput: true,
  named: true,
  schema: apiRequestSchema,
  outputs: () => [{ id: 'next', kind: 'live', required: true }],
  validate: (d) => (d.url.trim() ? [] : ['Server URL cannot be empty']),
  summary: (d) => d.url,
});
