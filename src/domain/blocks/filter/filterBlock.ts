import { z } from 'zod';
import { defineBlock } from '../BlockDefinition';

export const FILTER_OPERATORS = [
  'equals', 'does not equal', 'contains', 'does not contain', 'is greater than', 'is less than', 'is empty', 'is not empty',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Operators that compare against nothing take no value field. */
export const UNARY_OPERATORS: readonly FilterOperator[] = ['is empty', 'is not empty'];

const conditionSchema = z.object({
  id: z.string(),
  variable: z.string().default(''),
  operator: z.enum(FILTER_OPERATORS).default('equals'),
  value: z.string().default(''),
});
export type FilterCondition = z.infer<typeof conditionSchema>;

const caseSchema = z.object({
  id: z.string(),
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(conditionSchema).default([]),
});
export type FilterCase = z.infer<typeof caseSchema>;

export const filterSchema = z.object({
  name: z.string().default('Filter'),
  cases: z.array(caseSchema).default([
    { id: 'c1', match: 'all', conditions: [{ id: 'k1', variable: '', operator: 'equals', value: '' }] },
  ]),
});
export type FilterData = z.infer<typeof filterSchema>;

export const filterBlock = defineBlock<FilterData>({
  type: 'filter',
  label: 'Filter',
  description: 'Routes by the first case whose conditions match, else Else',
  category: 'Flow control and routing',
  stages: ['live', 'post'],
  hasInput: true,
  named: true,
  schema: filterSchema,
  outputs: (d) => [
    ...d.cases.map((c, i) => ({ id: `case:${c.id}`, label: `Case ${i + 1}`, kind: 'live' as const, required: true })),
    { id: 'else', label: 'Else', kind: 'live', required: true },
  ],
  validate: (d) => {
    const problems: string[] = [];
    d.cases.forEach((c, i) => {
      if (!c.conditions.length) problems.push(`Case ${i + 1} has no conditions`);
      if (c.conditions.some((k) => !k.variable.trim())) problems.push(`Case ${i + 1}: every condition needs a variable`);
    });
    return problems;
  },
  summary: (d) => `${d.cases.length} case${d.cases.length === 1 ? '' : 's'} + Else`,
});
