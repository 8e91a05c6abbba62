import type { VariableType } from '../../variables/availableVariables';
import { FILTER_OPERATORS, type FilterOperator } from './filterBlock';

const BY_TYPE: Record<VariableType, readonly FilterOperator[]> = {
  string: ['equals', 'does not equal', 'contains', 'does not contain', 'is empty', 'is not empty'],
  number: ['equals', 'does not equal', 'is greater than', 'is less than', 'is empty', 'is not empty'],
  boolean: ['is true', 'is false', 'is empty', 'is not empty'],
  array: ['contains', 'does not contain', 'is empty', 'is not empty'],
  object: ['is empty', 'is not empty'],
  null: ['is empty', 'is not empty'],
};

/**
 * The operators that make sense for a variable of this type (PRODUCT.md §1 Filter). A variable whose
 * type is not known yet (an untested API Request field) gets them all.
 */
export function operatorsFor(type: VariableType | undefined): readonly FilterOperator[] {
  return type ? BY_TYPE[type] : FILTER_OPERATORS;
}
