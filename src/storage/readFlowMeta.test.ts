import { expect, test } from 'vitest';
import { readFlowMeta } from './flowDatabase';

test('a damaged list entry is read as something the sidebar can show, or left out', () => {
  expect(readFlowMeta({ id: 'a', name: 'Support', updatedAt: 5 })).toEqual({ id: 'a', name: 'Support', updatedAt: 5 });
  expect(readFlowMeta({ id: 'b', name: { not: 'text' }, updatedAt: 'not a date' })).toEqual({ id: 'b', name: 'Untitled flow', updatedAt: 0 });
  expect(readFlowMeta({ id: 'c', name: '  ', updatedAt: 1e20 })).toEqual({ id: 'c', name: 'Untitled flow', updatedAt: 0 });
  expect(readFlowMeta({ name: 'no id' })).toBeNull();
  expect(readFlowMeta(null)).toBeNull();
  expect(readFlowMeta('garbage')).toBeNull();
});
