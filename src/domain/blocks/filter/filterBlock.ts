import type * as z from 'zod/mini';
import { BLOCK_SIZE, defineBlock } from '../BlockDefinition';
import { conditionVariable } from './conditionVariable';
import type { caseSchema, conditionSchema, filterSchema } from './filterSchema';

export const FILTER_OPERATORS = [
  'equals',
  'does not equal',
  'contains',
  'does not contain',
  'is greater than',
  'is less than',
  'is true',
  'is false',
  'is empty',
  'is not empty',
] as const;
export const filterDefaults: {
  name: string;
  cases: { id: string; match: 'all' | 'any'; conditions: { id: string; variable: string; operator: FilterOperator; value: string }[] }[];
} = {
  name: 'Filter',
  cases: [{ id: 'c1', match: 'all', conditions: [{ id: 'k1', variable: '', operator: 'equals', value: '' }] }],
};

/**
 * A condition's variable is stored as one {{token}}, like a variable anywhere else, so invalid
 * references, Replace Invalid Variables and block renames reach it without special cases.
 */
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Operators that compare against nothing take no value field. */
export const UNARY_OPERATORS: readonly FilterOperator[] = ['is true', 'is false', 'is empty', 'is not empty'];

export type FilterCondition = z.infer<typeof conditionSchema>;

export type FilterCase = z.infer<typeof caseSchema>;

export type FilterData = z.infer<typeof filterSchema>;

export const filterBlock = defineBlock<FilterData>({
  type: 'filter',
  kind: 'block',
  size: BLOCK_SIZE,
  label: 'Filter',
  description: 'Routes by the first case whose conditions match, else Else',
  category: 'Flow control and routing',
  stages: ['pre', 'live', 'post'],
  hasInput: true,
  named: true,
  defaults: () => structuredClone(filterDefaults),
  outputs: (d) => [
    ...d.cases.map((c, i) => ({ id: `case:${c.id}`, label: `Case ${i + 1}`, kind: 'live' as const, required: true })),
    { id: 'else', label: 'Else', kind: 'live', required: true },
  ],
  validate: (d) => {
    const problems: string[] = [];
    d.cases.forEach((c, i) => {
      if (!c.conditions.length) problems.push(`Case ${i + 1} has no conditions`);
      if (c.conditions.some((k) => !conditionVariable(k))) problems.push(`Case ${i + 1}: every condition needs a variable`);
    });
    return problems;
  },
  executor: () => import('./filterExecutor').then((m) => m.filterExecutor),
  summary: (d) => {
    const count = `${d.cases.length} case${d.cases.length === 1 ? '' : 's'} + Else`;
    const first = d.cases[0]?.conditions[0];
    if (!first || !conditionVariable(first)) return count;
    const test = UNARY_OPERATORS.includes(first.operator) ? `${first.variable} ${first.operator}` : `${first.variable} ${first.operator} ${first.value}`;
    return `${test} · ${count}`;
  },
});
