import { VARIABLE_NAME } from '../../variables/variableName';
import type * as z from 'zod/mini';
import { BLOCK_SIZE, defineBlock } from '../BlockDefinition';
import type { collectSchema, fieldSchema } from './collectSchema';
import { collectedType } from './collectedType';

/** The collection types of PRODUCT.md §3. */
export const COLLECT_TYPES = [
  'Text',
  'Number',
  'Age',
  'Date',
  'Time',
  'Name',
  'Email',
  'Phone',
  'URL',
  'Address',
  'Zipcode',
  'Currency',
  'Percentage',
  'Duration',
  'Regex',
  'Enum',
  'Custom',
] as const;

export const collectDefaults: {
  name: string;
  fields: { id: string; name: string; type: (typeof COLLECT_TYPES)[number]; description: string; required: boolean; confirm: boolean }[];
} = {
  name: 'Collect',
  fields: [{ id: 'f1', name: 'caller_name', type: 'Name', description: 'The caller’s full name', required: true, confirm: false }],
};

export type CollectField = z.infer<typeof fieldSchema>;

export type CollectData = z.infer<typeof collectSchema>;

export const collectBlock = defineBlock<CollectData>({
  type: 'collect',
  kind: 'block',
  size: BLOCK_SIZE,
  label: 'Collect',
  description: 'Asks the caller for typed values',
  category: 'Conversation',
  stages: ['live'],
  hasInput: true,
  named: true,
  defaults: () => structuredClone(collectDefaults),
  outputs: () => [{ id: 'next', kind: 'live', required: true }],
  validate: (d) => {
    const problems: string[] = [];
    if (!d.fields.length) problems.push('Add at least one value to collect');
    for (const f of d.fields) {
      if (!f.name.trim()) problems.push('Every value needs a name');
      else if (!VARIABLE_NAME.test(f.name)) problems.push(`“${f.name}” is not a valid name: use letters, digits and _`);
    }
    const seen = new Set<string>();
    for (const f of d.fields) {
      if (f.name && seen.has(f.name)) problems.push(`“${f.name}” is collected twice`);
      seen.add(f.name);
    }
    return problems;
  },
  executor: () => import('./collectExecutor').then((m) => m.collectExecutor),
  summary: (d) => d.fields.map((f) => f.name).join(', '),
  // Collected values are named by their field alone and typed by the collection type.
  publishes: (d, { id }) => ({
    sharedGroup: 'Collect Variables',
    variables: d.fields
      .filter((f) => f.name)
      .map((f) => ({ name: f.name, label: f.name, type: collectedType(f.type), description: `${f.type}: ${f.description}`, sourceId: id })),
  }),
});
