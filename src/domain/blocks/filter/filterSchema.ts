import * as z from 'zod/mini';
import { filterDefaults, FILTER_OPERATORS } from './filterBlock';

/** What a stored or imported Filter block may hold; settings it lacks get their defaults. */
export const conditionSchema = z.object({
  id: z.string(),
  variable: z._default(z.string(), ''),
  operator: z._default(z.enum(FILTER_OPERATORS), 'equals'),
  value: z._default(z.string(), ''),
});

export const caseSchema = z.object({
  id: z.string(),
  match: z._default(z.enum(['all', 'any']), 'all'),
  conditions: z._default(z.array(conditionSchema), []),
});

export const filterSchema = z.object({
  name: z._default(z.string(), filterDefaults.name),
  cases: z._default(z.array(caseSchema), filterDefaults.cases),
});
