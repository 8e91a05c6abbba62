import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { parseTestFile } from '../domain/testing/parseTestFile';

const root = resolve(import.meta.dirname, '../..');

test('the test file in the README and the example test file parse', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
  expect(parseTestFile(yaml, 'README')).toMatchObject({
    ok: true,
    tests: [
      {
        name: 'Retries ride out two 503s',
        apis: { 'Find order': { mode: 'fault', steps: [{ fault: 'status', status: 503 }, { fault: 'status', status: 503 }, { fault: 'ok' }] } },
      },
    ],
  });
  expect(parseTestFile(readFileSync(join(root, 'examples/order-status.tests.yaml'), 'utf8')).ok).toBe(true);
});
