import * as z from 'zod/mini';
import { collectDefaults, COLLECT_TYPES } from './collectBlock';

/** What a stored or imported Collect block may hold; settings it lacks get their defaults. */
export const fieldSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z._default(z.enum(COLLECT_TYPES), 'Text'),
  description: z._default(z.string(), ''),
  required: z._default(z.boolean(), true),
  confirm: z._default(z.boolean(), false),
});

export const collectSchema = z.object({
  name: z._default(z.string(), collectDefaults.name),
  fields: z._default(z.array(fieldSchema), collectDefaults.fields),
});
