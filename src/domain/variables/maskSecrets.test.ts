import { describe, expect, it } from 'vitest';
import { MASK, maskSecrets } from './maskSecrets';

describe('maskSecrets', () => {
  it('replaces every occurrence of each secret value', () => {
    expect(maskSecrets('Bearer sk_live_123 and sk_live_123 again; key=abc', ['sk_live_123', 'abc'])).toBe(`Bearer ${MASK} and ${MASK} again; key=${MASK}`);
  });
  it('leaves values under three characters and non-text values alone', () => {
    expect(maskSecrets('a1 b2 c3', ['a1', 42, null, undefined])).toBe('a1 b2 c3');
  });
});
