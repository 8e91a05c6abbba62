import { describe, expect, it } from 'vitest';
import { headerIndex, headerValue } from './headerValue';

describe('headerValue', () => {
  const pairs: [string, string][] = [
    ['X-One', '1'],
    ['content-TYPE', 'application/json'],
    ['Content-Type', 'text/plain'],
  ];
  it('finds a header whatever its case, the first of several', () => {
    expect(headerValue(pairs, 'Content-Type')).toBe('application/json');
    expect(headerIndex(pairs, 'x-one')).toBe(0);
  });
  it('answers undefined and -1 for an absent header', () => {
    expect(headerValue(pairs, 'date')).toBeUndefined();
    expect(headerIndex([], 'date')).toBe(-1);
  });
});
