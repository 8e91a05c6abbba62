import { describe, expect, test } from 'vitest';
import { flowOf } from '../engine/flowOf';
import { virtualClock } from '../engine/virtualClock';
import type { TraceEvent } from '../engine/EngineTypes';
import { resolvedKey } from '../blocks/api-request/testIsStale';
import { migrateFlow } from '../flow/migrateFlow';
import { parseFlowValue } from '../flow/parseFlowFile';
import { runFlowTest } from './runFlowTest';
import { parseSequence, formatSequence } from './faultSequence';
import type { Behaviour, FaultStep, FlowTest } from './flowTestSchema';
import { flowTestSchema } from './flowTestSchema';

const retry = {
  enabled: true,
  maxAttempts: 3,
  backoff: 'exponential',
  initialDelayMs: 500,
  onTimeout: true,
  onNetworkError: true,
  on5xx: true,
  on429: true,
  idempotencyKey: true,
};
const lastTest = {
  at: '2026-01-01T00:00:00Z',
  resolvedKey: resolvedKey({ method: 'GET', url: 'https://api.example.com/orders/%2B15550100', headers: [] }),
  attempts: [],
  response: {
    status: 200,
    statusText: 'OK',
    totalMs: 80,
    bytes: 20,
    truncated: false,
    headers: [['content-type', 'application/json']] as [string, string][],
    text: '{"status":"shipped"}',
    url: 'https://api.example.com/orders/%2B15550100',
  },
};

function orderFlow(api: Record<string, unknown> = {}) {
  return flowOf(
    [
      { id: 'Start', type: 'start', data: { greeting: 'Hi!' } },
      {
        id: 'Ask',
        type: 'talk',
        data: {
          prompt: 'Ask what they need',
          exits: [
            { id: 'x1', label: 'Wants order status' },
            { id: 'x2', label: 'Wants a human' },
          ],
        },
      },
      {
        id: 'Lookup',
        type: 'apiRequest',
        data: {
          configured: true,
          url: 'https://api.example.com/orders/{{call.caller_number}}',
          errorHandling: true,
          outcome: 'order_checked',
          interim: { enabled: true, mode: 'fixed', text: 'One moment…', delayEnabled: false, delaySeconds: 0 },
          lastTest,
          ...api,
        },
      },
      { id: 'Fine', type: 'endCall', data: { message: 'Your order is {{lookup.status}}.' } },
      { id: 'Sorry', type: 'endCall', data: { message: 'Sorry, our system is down.' } },
      { id: 'Human', type: 'endCall', data: { message: 'Transferring you.' } },
    ],
    [
      ['Start', 'next', 'Ask'],
      ['Ask', 'exit:x1', 'Lookup'],
      ['Ask', 'exit:x2', 'Human'],
      ['Lookup', 'next', 'Fine'],
      ['Lookup', 'error', 'Sorry'],
    ],
  );
}

const run = (test: Partial<FlowTest>, api: Record<string, unknown> = {}) => {
  const clock = virtualClock();
  const parsed = flowTestSchema.parse({ name: 't', steps: [{ choose: 'Wants order status' }], ...test });
  return runFlowTest(orderFlow(api), parsed, { clock }).then((r) => ({ ...r, clock }));
};
const fault = (text: string): Behaviour => {
  const s = parseSequence(text);
  if (!s.ok) throw new Error(s.error);
  return { mode: 'fault', steps: s.steps };
};
const attempts = (trace: readonly TraceEvent[]) => trace.filter((e): e is Extract<TraceEvent, { kind: 'api.attempt' }> => e.kind === 'api.attempt');
const result = (trace: readonly TraceEvent[]) => trace.find((e): e is Extract<TraceEvent, { kind: 'api.result' }> => e.kind === 'api.result');

describe('faults', () => {
  test.each([
    ['refused', 'CONNECTION_REFUSED'],
    ['reset', 'CONNECTION_RESET'],
    ['dns', 'DNS'],
    ['timeout', 'TIMEOUT'],
  ])('%s takes the Error route with error %s, marked as injected', async (kind, code) => {
    const r = await run({ apis: { Lookup: fault(kind) } });
    expect(attempts(r.trace)).toMatchObject([{ error: code, injected: expect.stringContaining('Fault') }]);
    expect(result(r.trace)).toMatchObject({ ok: false, route: 'error' });
    expect(r.trace.filter((e) => e.kind === 'block.enter').map((e) => e.blockId)).toEqual(['Start', 'Ask', 'Lookup', 'Sorry']);
  });

  test('a timeout lasts the block’s own timeout, on the virtual clock, and the caller hears the interim message first', async () => {
    const r = await run({ apis: { Lookup: fault('timeout') } }, { timeoutSeconds: 7 });
    expect(attempts(r.trace)[0]!.ms).toBe(7000);
    const said = r.trace.filter((e) => e.kind === 'agent.say').map((e) => e.text);
    expect(said).toEqual(['Hi!', 'Ask what they need', 'One moment…', 'Sorry, our system is down.']);
  });

  test.each([500, 502, 503, 429, 401, 404])('HTTP %i is answered with that status and the Error route', async (status) => {
    const r = await run({ apis: { Lookup: fault(String(status)) } });
    expect(attempts(r.trace)).toMatchObject([{ status }]);
    expect(result(r.trace)).toMatchObject({ ok: false, route: 'error', status });
  });

  test('503 with Retry-After: the retry waits as asked', async () => {
    const r = await run({ apis: { Lookup: fault('503 retry-after 2, ok') } }, { retry });
    expect(r.trace.filter((e) => e.kind === 'api.wait')).toMatchObject([{ reason: 'retry-after', ms: 2000 }]);
    expect(result(r.trace)).toMatchObject({ ok: true, status: 200 });
  });

  test('503, 503, then 200: three attempts with backoff, then Success with the last test response', async () => {
    const r = await run({ apis: { Lookup: fault('503, 503, 200') } }, { retry });
    expect(attempts(r.trace).map((a) => [a.status, a.injected])).toEqual([
      [503, 'Fault: 503'],
      [503, 'Fault: 503'],
      [200, 'Fault: 200'],
    ]);
    expect(r.clock.now()).toBe(1500);
    expect(r.trace.filter((e) => e.kind === 'agent.say').at(-1)).toMatchObject({ text: 'Your order is shipped.' });
  });

  test('the last answer of a sequence repeats', async () => {
    const r = await run({ apis: { Lookup: fault('500') } }, { retry });
    expect(attempts(r.trace).map((a) => a.status)).toEqual([500, 500, 500]);
  });

  test('invalid JSON with a 200 is a success with no fields', async () => {
    const r = await run({ apis: { Lookup: fault('invalid json') } });
    expect(result(r.trace)).toMatchObject({ ok: true, status: 200 });
    expect(r.trace.some((e) => e.kind === 'var.set' && e.name === 'lookup.status')).toBe(false);
  });

  test('a slow answer takes its time; one slower than the timeout is a timeout', async () => {
    const slow = await run({ apis: { Lookup: fault('slow 2500') } });
    expect(attempts(slow.trace)).toMatchObject([{ status: 200, ms: 2500 }]);
    const slower = await run({ apis: { Lookup: fault('slow 15000') } }, { timeoutSeconds: 10 });
    expect(attempts(slower.trace)).toMatchObject([{ error: 'TIMEOUT', ms: 10000 }]);
  });

  test('sequences read as people write them, and fail with the part that is wrong', () => {
    expect(parseSequence('503; 503 then ok')).toEqual({
      ok: true,
      steps: [{ fault: 'status', status: 503 }, { fault: 'status', status: 503 }, { fault: 'ok' }],
    });
    expect(formatSequence((fault('timeout, slow 2 s, 429 Retry-After 3, dns') as { steps: FaultStep[] }).steps)).toBe(
      'timeout, slow 2000 ms, 429 Retry-After 3, DNS failure',
    );
    expect(parseSequence('503, teapot')).toMatchObject({ ok: false, error: expect.stringContaining('“teapot”') });
    expect(parseSequence(' ')).toMatchObject({ ok: false });
  });
});

describe('mocks and replays', () => {
  test('a mock answers with its status, body and latency', async () => {
    const r = await run({
      apis: { Lookup: { mode: 'mock', status: 200, headers: [['Content-Type', 'application/json']], body: '{"status":"lost"}', latencyMs: 300 } },
    });
    expect(attempts(r.trace)).toMatchObject([{ status: 200, ms: 300, injected: 'Mock 200 after 300 ms' }]);
    expect(r.trace.filter((e) => e.kind === 'agent.say').at(-1)).toMatchObject({ text: 'Your order is lost.' });
  });

  test('the last test response is replayed; stale when the resolved request changed', async () => {
    const fresh = await run({});
    expect(attempts(fresh.trace)[0]!.injected).toBe('Last test response');
    const stale = await run({}, { url: 'https://api.example.com/v2/orders/{{call.caller_number}}' });
    expect(attempts(stale.trace)[0]!.injected).toMatch(/stale/);
  });

  test('a block with nothing to replay fails the test, saying what to do', async () => {
    const r = await run({}, { lastTest: undefined });
    expect(r.passed).toBe(false);
    expect(r.differences[0]).toMatchObject({ what: '“Lookup”', actual: expect.stringContaining('test the block, or give it a mock') });
  });

  test('Live without a live transport refuses to send', async () => {
    const r = await run({ apis: { Lookup: { mode: 'live' } } });
    expect(attempts(r.trace)[0]).toMatchObject({ error: 'NOT_MOCKED' });
  });
});

describe('expectations', () => {
  test('a test that matches passes', async () => {
    const r = await run(
      {
        apis: { Lookup: fault('503, ok') },
        expect: {
          path: ['Start', 'Ask', 'Lookup', 'Fine'],
          visited: ['lookup'],
          notVisited: ['Sorry'],
          finalBlock: 'Fine',
          variables: { 'lookup.status': { equals: 'shipped', type: 'string', matches: '^ship' } },
          api: [
            { block: 'Lookup', method: 'get', url: 'api.example.com/orders' },
            { block: 'Lookup', called: true },
          ],
          outcome: 'order_checked',
          said: [{ contains: 'shipped' }, { matches: '^One moment' }],
          maxSilenceMs: 5000,
        },
      },
      { retry },
    );
    expect(r.differences).toEqual([]);
    expect(r.passed).toBe(true);
  });

  test('each kind of difference says what was expected and what happened, with the block to look at', async () => {
    const r = await run({
      apis: { Lookup: fault('timeout') },
      expect: {
        path: ['Start', 'Ask', 'Lookup', 'Fine'],
        finalBlock: 'Fine',
        variables: { 'lookup.status': { equals: 'shipped' } },
        api: [
          { block: 'Lookup', bodyContains: 'order' },
          { block: 'Human', called: true },
        ],
        outcome: 'other',
        said: [{ contains: 'shipped' }],
        maxSilenceMs: 0,
      },
    });
    expect(r.passed).toBe(false);
    expect(r.differences.map((d) => [d.what, d.expected, d.actual])).toEqual([
      ['Path, step 4', '“Fine”', '“Sorry”'],
      ['Final block', '“Fine”', '“Sorry”'],
      ['Variable lookup.status', 'equals “shipped”', 'no value'],
      ['API call', 'with a body containing “order” from “Lookup”', 'GET https://api.example.com/orders/%2B15550100'],
      ['API call', 'from “Human”', 'no request sent'],
      ['Outcome tag', '“other”', '“order_checked”'],
      ['Agent said', 'contains “shipped”', '“Sorry, our system is down.” (last of 4)'],
      ['Longest silence', 'at most 0 ms', '10000 ms'],
    ]);
    expect(r.differences[0]!.blockId).toBe('Sorry');
  });

  test('expectations inside the steps are checked where they stand; a bad step is a difference', async () => {
    const r = await run({ steps: [{ expect: { finalBlock: 'Fine' } }, { choose: 'Wants a refund' }] });
    expect(r.differences.map((d) => [d.step, d.what, d.actual])).toEqual([
      [1, 'Final block', 'the call has not ended'],
      [2, 'Step 2', '“Ask” offers “Wants order status”, “Wants a human”'],
    ]);
  });

  test('a step after the call ended, an unknown block, a bad pattern', async () => {
    const r = await run({ steps: [{ choose: 'Wants a human' }, { caller: 'hello?' }], expect: { visited: ['Nowhere'], said: [{ matches: '(' }] } });
    expect(r.differences.map((d) => d.what)).toEqual(['Step 2', 'Block “Nowhere”', 'Agent said']);
    expect(r.differences[2]!.actual).toMatch(/bad pattern/);
  });
});

test('flow files of version 3 gain an empty test list; tests round-trip through the file', () => {
  const v3 = { ...orderFlow(), version: 3 } as Record<string, unknown>;
  delete v3.tests;
  const migrated = migrateFlow(v3);
  expect(migrated).toMatchObject({ ok: true, from: 3, doc: { version: 4, tests: [] } });
  const withTests = {
    ...orderFlow(),
    tests: [
      flowTestSchema.parse({
        name: 'Happy path',
        apis: { Lookup: fault('503, ok') },
        steps: [{ choose: 'Wants order status' }],
        expect: { finalBlock: 'Fine' },
      }),
    ],
  };
  const parsed = parseFlowValue(JSON.parse(JSON.stringify(withTests)));
  expect(parsed).toMatchObject({ ok: true });
  expect(parsed.ok && parsed.flow.tests).toEqual(withTests.tests);
  const bad = parseFlowValue({ ...withTests, tests: [{ name: 'x', steps: [{ sing: 'la' }] }] });
  expect(bad.ok).toBe(false);
});
