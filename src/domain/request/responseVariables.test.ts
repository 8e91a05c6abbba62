import { describe, expect, test } from 'vitest';
import { responseVariables } from './responseVariables';
import { retryDelayMs, shouldRetry } from './retryPolicy';
import { apiRequestDefaults } from '../blocks/api-request/apiRequestBlock';

describe('responseVariables', () => {
  test('an object: response plus every flattened path, with types', () => {
    const vars = responseVariables('{"customer":{"id":42,"active":true,"tags":["a"]},"note":null}', 'application/json');
    expect(vars.map((v) => [v.path, v.type, v.value])).toEqual([
      ['response', 'object', undefined],
      ['customer', 'object', undefined],
      ['customer.id', 'number', 42],
      ['customer.active', 'boolean', true],
      ['customer.tags', 'array', undefined],
      ['customer.tags.0', 'string', 'a'],
      ['note', 'null', null],
    ]);
  });

  test('a top-level array goes under output', () => {
    expect(responseVariables('[{"sku":"A"}]', 'application/json').map((v) => v.path)).toEqual(['response', 'output', 'output.0', 'output.0.sku']);
  });

  test('a non-JSON body is response as text', () => {
    expect(responseVariables('OK', 'text/plain')).toEqual([{ path: 'response', type: 'string', value: 'OK' }]);
    expect(responseVariables('{broken', 'application/json')).toEqual([{ path: 'response', type: 'string', value: '{broken' }]);
  });

  test('huge responses are capped', () => {
    const big = JSON.stringify(Array.from({ length: 5000 }, (_, i) => ({ i })));
    expect(responseVariables(big, 'application/json').length).toBeLessThanOrEqual(2001);
  });
});

describe('retry policy', () => {
  const retry = { ...apiRequestDefaults().retry, enabled: true };
  test('what is retried', () => {
    expect(shouldRetry({ kind: 'response', status: 503 }, retry)).toBe(true);
    expect(shouldRetry({ kind: 'response', status: 429 }, retry)).toBe(true);
    expect(shouldRetry({ kind: 'response', status: 404 }, retry)).toBe(false);
    expect(shouldRetry({ kind: 'error', code: 'TIMEOUT' }, retry)).toBe(true);
    expect(shouldRetry({ kind: 'error', code: 'BLOCKED_ADDRESS' }, retry)).toBe(false);
    expect(shouldRetry({ kind: 'response', status: 503 }, { ...retry, on5xx: false })).toBe(false);
    expect(shouldRetry({ kind: 'response', status: 503 }, { ...retry, enabled: false })).toBe(false);
  });

  test('exponential backoff, Retry-After honoured and capped', () => {
    expect([1, 2, 3].map((n) => retryDelayMs({ kind: 'error', code: 'TIMEOUT' }, retry, n, 30_000, NaN))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs({ kind: 'response', status: 429, retryAfter: '3' }, retry, 1, 30_000, NaN)).toBe(3000);
    expect(retryDelayMs({ kind: 'response', status: 429, retryAfter: '120' }, retry, 1, 10_000, NaN)).toBe(10_000);
    expect(retryDelayMs({ kind: 'response', status: 429, retryAfter: new Date(10_000).toUTCString() }, retry, 1, 30_000, 5_000)).toBe(5000);
  });
});
