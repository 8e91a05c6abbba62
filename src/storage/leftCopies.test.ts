import { expect, test } from 'vitest';
import { leftCopies, type SyncStorage } from './leftCopies';

function storage(entries: Record<string, string> = {}): SyncStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(entries));
  return {
    items,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

const record = (tabId: string, at: number, flowId = 'f1') => ({ key: `${flowId}\u0000${tabId}`, flowId, tabId, base: 1, at, copyId: `c-${tabId}` });

test('reads back what was left, oldest first, without this tab’s own and without anything it cannot read', () => {
  const s = storage({
    unrelated: '{"key":"x"}',
    'switchboard:left:broken': '{not json',
    'switchboard:left:f1\u0000forged': JSON.stringify({ ...record('other', 1), doc: {} }),
  });
  const left = leftCopies(s);
  expect(left.leave(record('t2', 20), '{"name":"second"}')).toBe(true);
  expect(left.leave(record('t1', 10), '{"name":"first"}')).toBe(true);
  expect(left.leave(record('me', 5), '{"name":"mine"}')).toBe(true);
  expect(left.leave(record('t3', 30, 'f2'), '{"name":"other flow"}')).toBe(true);
  const read = left.read('me', 'f1');
  expect(read.map((c) => [c.record.tabId, c.record.doc])).toEqual([
    ['t1', { name: 'first' }],
    ['t2', { name: 'second' }],
  ]);
  expect(left.read('me').map((c) => c.record.flowId)).toEqual(['f1', 'f1', 'f2']);
});

test('removes a copy only if it is still the one that was applied; refuses to write when storage is full', () => {
  const s = storage();
  const left = leftCopies(s);
  left.leave(record('t1', 10), '{"v":1}');
  const [applied] = left.read('me');
  left.leave(record('t1', 11), '{"v":2}');
  left.remove([applied!]);
  expect(left.read('me').map((c) => c.record.doc)).toEqual([{ v: 2 }]);
  left.remove(left.read('me'));
  expect(s.items.size).toBe(0);

  s.setItem = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  expect(left.leave(record('t1', 12), '{}')).toBe(false);
  expect(leftCopies(null).leave(record('t1', 12), '{}')).toBe(false);
});
