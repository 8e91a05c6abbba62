import type * as z from 'zod/mini';
import { defineBlock } from '../BlockDefinition';
import type { apiRequestSchema } from './apiRequestSchema';

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const apiRequestDefaults: { name: string; method: (typeof HTTP_METHODS)[number]; url: string } = { name: 'API Request', method: 'GET', url: '' };

export type ApiRequestData = z.infer<typeof apiRequestSchema>;

export const apiRequestBlock = defineBlock<ApiRequestData>({
  type: 'apiRequest',
  label: 'API Request',
  description: 'Calls an HTTP API; its response becomes variables',
  category: 'Data and automation',
  stages: ['live', 'post'],
  hasInput: true,
  named: true,
  defaults: () => structuredClone(apiRequestDefaults),
  outputs: () => [{ id: 'next', kind: 'live', required: true }],
  validate: (d) => (d.url.trim() ? [] : ['Server URL cannot be empty']),
  summary: (d) => d.url,
});
