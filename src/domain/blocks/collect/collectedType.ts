import type { VariableType } from '../../variables/availableVariables';
import type { COLLECT_TYPES } from './collectBlock';

export type CollectType = (typeof COLLECT_TYPES)[number];

/** Collection types whose answer is a quantity: stored as a number, compared as one in a Filter. */
const NUMERIC: ReadonlySet<CollectType> = new Set(['Number', 'Age', 'Currency', 'Percentage']);

/** The variable type a Collect field's value has, from its collection type (PRODUCT.md §3). */
export function collectedType(type: CollectType): VariableType {
  return NUMERIC.has(type) ? 'number' : 'string';
}
