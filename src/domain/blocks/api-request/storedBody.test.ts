import { expect, test } from 'vitest';
import { storedBody } from './storedBody';

test('a body that fits is kept whole; a large JSON body keeps a sample that is still JSON; other text keeps its start', () => {
  expect(storedBody('{"a":1}', 100)).toEqual({ text: '{"a":1}', kept: 'whole' });
  const orders = { total: 5000, orders: Array.from({ length: 5000 }, (_, i) => ({ id: i, status: 'shipped', note: 'x'.repeat(900) })) };
  const text = JSON.stringify(orders);
  expect(text.length).toBeGreaterThan(4_000_000);
  const kept = storedBody(text);
  expect(kept.kept).toBe('sample');
  expect(kept.text.length).toBeLessThanOrEqual(200 * 1024);
  const sample = JSON.parse(kept.text) as typeof orders;
  expect(sample.total).toBe(5000);
  expect(sample.orders[0]).toMatchObject({ id: 0, status: 'shipped' });
  expect(sample.orders.length).toBeGreaterThan(10);
  const plain = storedBody('x'.repeat(300), 100);
  expect(plain).toEqual({ text: 'x'.repeat(100), kept: 'start' });
});
