import { expect, test } from 'vitest';
import { parseCollected } from './parseCollected';

test.each([
  ['Number', '1,250.50', 1250.5],
  ['Number', 'three', 3],
  ['Currency', '$40', 40],
  ['Percentage', '15%', 15],
  ['Age', '42', 42],
  ['Email', 'Ann.Lee@Example.com', 'ann.lee@example.com'],
  ['Email', 'ann at example dot com', 'ann@example.com'],
  ['Phone', '+1 (555) 010-0100', '+15550100100'],
  ['Phone', '555 010 0100', '5550100100'],
  ['Date', '2026-12-24', '2026-12-24'],
  ['Date', 'December 24, 2026', '2026-12-24'],
  ['Time', '3:30 pm', '15:30'],
  ['Time', '9', '09:00'],
  ['URL', 'example.com/a', 'https://example.com/a'],
  ['Zipcode', 'sw1a 1aa', 'SW1A 1AA'],
  ['Name', ' Ann Lee ', 'Ann Lee'],
] as const)('%s: “%s” is stored as %j', (type, said, value) => {
  expect(parseCollected(type, said)).toEqual({ ok: true, value });
});

test.each([
  ['Number', 'lots'],
  ['Age', '-3'],
  ['Age', '200'],
  ['Email', 'ann@'],
  ['Phone', '12'],
  ['Date', 'someday'],
  ['Time', '25:00'],
  ['URL', 'nothing'],
  ['Text', '   '],
] as const)('%s: “%s” is asked again', (type, said) => {
  expect(parseCollected(type, said).ok).toBe(false);
});
