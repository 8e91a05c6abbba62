import { describe, expect, test } from 'vitest';
import { parseTestFile } from './parseTestFile';
import { blockRefs } from './blockRefs';
import { expectationOf, expectationsFromCall } from './expectationsFromCall';
import { flowOf } from '../engine/flowOf';
import type { TraceEvent } from '../engine/EngineTypes';

describe('parseTestFile', () => {
  test('one test, a list, or tests: — and shorthands: live, last, a sequence, a mock body written as YAML', () => {
    const one = parseTestFile('name: A\napis: { X: live, Y: last, Z: "timeout, ok", W: { mode: mock, body: { a: [1, 2] } } }\n');
    expect(one).toMatchObject({
      ok: true,
      tests: [
        {
          name: 'A',
          apis: {
            X: { mode: 'live' },
            Y: { mode: 'last' },
            Z: { mode: 'fault', steps: [{ fault: 'timeout' }, { fault: 'ok' }] },
            W: { mode: 'mock', status: 200, body: '{\n  "a": [\n    1,\n    2\n  ]\n}' },
          },
        },
      ],
    });
    expect(parseTestFile('- name: A\n- name: B\n')).toMatchObject({ ok: true, tests: [{ name: 'A' }, { name: 'B' }] });
    expect(parseTestFile('{"tests": [{"name": "J", "steps": [{"caller": "hi"}]}]}')).toMatchObject({
      ok: true,
      tests: [{ name: 'J', steps: [{ caller: 'hi' }] }],
    });
  });

  test('errors name the file and the line, and say what was expected', () => {
    const text = [
      'tests:',
      '  - name: ok',
      '  - name: bad',
      '    steps:',
      '      - caller: hi',
      '      - sing: la',
      '    expect:',
      '      finalBlock: 3',
      '      maxSilenceMs: -5',
      '      variables: { x: { type: text } }',
    ].join('\n');
    const r = parseTestFile(text, 'flow.tests.yaml');
    expect(r).toEqual({
      ok: false,
      errors: [
        'flow.tests.yaml:6: tests.1.steps.1: A step is one of caller: "words", choose: "exit condition", hangup: true, or expect: { … }',
        'flow.tests.yaml:8: tests.1.expect.finalBlock: expected a string',
        'flow.tests.yaml:9: tests.1.expect.maxSilenceMs: expected at least 0',
        'flow.tests.yaml:10: tests.1.expect.variables.x.type: expected one of "string", "number", "boolean", "null", "object", "array"',
      ],
    });
    expect(parseTestFile('name: A\napis:\n  X: "503, teapot"\n', 't.yaml')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^t\.yaml:3: “teapot” is not an answer/)],
    });
    expect(parseTestFile('name: [oops\n', 't.yaml')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^t\.yaml:\d+: /)] });
    expect(parseTestFile('a: 1\na: 2\n', 't.yaml')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^t\.yaml:2: .*unique/i)] });
    expect(parseTestFile('', 't.yaml')).toEqual({ ok: false, errors: ['t.yaml: the file is empty: write at least one test (name:, steps:, expect:).'] });
    expect(parseTestFile('tests: []', 't.yaml')).toEqual({ ok: false, errors: ['t.yaml: no tests in the file.'] });
  });
});

test('Save as test offers what the call did: path, final block, outcome, calls, last words ticked; values unticked; secrets never', () => {
  const flow = flowOf(
    [
      { id: 'Start', type: 'start' },
      { id: 'Find order', type: 'apiRequest' },
      { id: 'Bye', type: 'endCall' },
    ],
    [],
  );
  const e = (kind: string, blockId: string, rest: Record<string, unknown> = {}) => ({ seq: 0, at: 0, kind, blockId, ...rest }) as TraceEvent;
  const trace: TraceEvent[] = [
    e('block.enter', 'Start'),
    e('silence', 'Start', { ms: 0 }),
    e('agent.say', 'Start', { text: 'Hi', speech: 'turn' }),
    e('block.enter', 'Find order'),
    e('outcome.tag', 'Find order', { outcome: 'lookup' }),
    e('api.attempt', 'Find order', { attempt: 1, of: 2, request: { method: 'GET', url: 'https://x/o', headers: [] }, ms: 5 }),
    e('api.attempt', 'Find order', { attempt: 2, of: 2, request: { method: 'GET', url: 'https://x/o', headers: [] }, ms: 5 }),
    e('var.set', 'Find order', { name: 'find_order.status', value: 'shipped' }),
    e('var.set', 'Find order', { name: 'find_order.count', value: 3 }),
    e('var.set', 'Find order', { name: 'find_order.response', value: { status: 'shipped' } }),
    e('var.set', 'Find order', { name: 'api_key', value: '••••••', secret: true }),
    e('block.enter', 'Bye'),
    e('silence', 'Bye', { ms: 2300 }),
    e('agent.say', 'Bye', { text: 'Bye now', speech: 'final' }),
    e('call.end', 'Bye', { reason: 'end-block' }),
  ];
  const candidates = expectationsFromCall(trace, blockRefs(flow));
  expect(candidates).toEqual([
    { kind: 'path', ticked: true, blocks: ['Start', 'Find order', 'Bye'] },
    { kind: 'final', ticked: true, block: 'Bye' },
    { kind: 'outcome', ticked: true, value: 'lookup' },
    { kind: 'api', ticked: true, block: 'Find order', method: 'GET', url: 'https://x/o' },
    { kind: 'said', ticked: true, value: 'Bye now' },
    { kind: 'variable', ticked: false, name: 'find_order.status', value: 'shipped' },
    { kind: 'variable', ticked: false, name: 'find_order.count', value: '3' },
    { kind: 'silence', ticked: false, value: '3000' },
  ]);
  const ticked = candidates.map((c) => ({ ...c, ticked: true }));
  expect(expectationOf(ticked)).toEqual({
    path: ['Start', 'Find order', 'Bye'],
    finalBlock: 'Bye',
    outcome: 'lookup',
    api: [{ block: 'Find order', method: 'GET', url: 'https://x/o' }],
    said: [{ contains: 'Bye now' }],
    variables: { 'find_order.status': { equals: 'shipped' }, 'find_order.count': { equals: 3 } },
    maxSilenceMs: 3000,
  });
});
