import { z } from 'zod';
import { defineBlock } from '../BlockDefinition';

/** Request configuration arrives with the API Request issue; the block already runs on every stage. */
export const apiRequestSchema = z.object({
  name: z.string().default('API Request'),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).default('GET'),
  url: z.string().default(''),
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
