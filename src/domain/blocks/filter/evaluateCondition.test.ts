import { expect, test } from 'vitest';
import { evaluateCondition } from './evaluateCondition';

test.each([
  ['equals', 'Shipped', 'shipped', true],
  ['equals', 42, '42', true],
  ['equals', '42.0', '42', true],
  ['equals', undefined, '', false],
  ['equals', true, 'true', true],
  ['does not equal', 'open', 'shipped', true],
  ['does not equal', undefined, 'x', true],
  ['contains', 'order shipped today', 'SHIPPED', true],
  ['contains', ['A-1', 'B-2'], 'b-2', true],
  ['contains', ['A-1'], 'A', false],
  ['does not contain', ['A-1'], 'B-2', true],
  ['is greater than', 12, '10', true],
  ['is greater than', '9', '10', false],
  ['is greater than', undefined, '0', false],
  ['is less than', 3.5, '4', true],
  ['is true', true, '', true],
  ['is true', 'yes', '', true],
  ['is true', false, '', false],
  ['is false', false, '', true],
  ['is empty', undefined, '', true],
  ['is empty', null, '', true],
  ['is empty', '', '', true],
  ['is empty', [], '', true],
  ['is empty', {}, '', true],
  ['is empty', 0, '', false],
  ['is not empty', 'x', '', true],
  ['is not empty', [], '', false],
] as const)('%s: %j vs %j → %s', (operator, seen, expected, result) => {
  expect(evaluateCondition(operator, seen, expected)).toBe(result);
});
