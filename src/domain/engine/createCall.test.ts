import { describe, expect, test } from 'vitest';
import { createCall, type Call } from './createCall';
import { virtualClock } from './virtualClock';
import type { Transport, TraceEvent } from './EngineTypes';
import type { ProxyAnswer, ProxyFailure } from '../request/ProxyAnswer';
import { flowOf, type BlockSpec } from './flowOf';
import type { FlowDocument } from '../flow/FlowDocument';
import type { Clock } from './EngineTypes';

type Spec = BlockSpec;

const answer = (status: number, body: unknown = {}, headers: [string, string][] = []): ProxyAnswer => ({
  ok: true,
  status,
  statusText: { 200: 'OK', 201: 'Created', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' }[status] ?? '',
  headers: [['content-type', 'application/json'], ...headers],
  body: { text: typeof body === 'string' ? body : JSON.stringify(body), bytes: 10, truncated: false },
  timings: { totalMs: 0 },
  url: 'x',
  redirects: [],
});
const failure = (code: string): ProxyFailure => ({ ok: false, error: { code, message: code } });

/** A transport that plays answers in order, each after `ms` on the call's clock; records what was sent. */
function scripted(clock: Clock, steps: ({ ms?: number; answer: ProxyAnswer | ProxyFailure } | { hang: true })[]) {
  const sent: { url: string; headers: [string, string][]; body?: string; timeoutMs: number }[] = [];
  const transport: Transport = async (request, { timeoutMs, signal }) => {
    sent.push({ url: request.url, headers: request.headers, body: request.body, timeoutMs });
    const step = steps[Math.min(sent.length - 1, steps.length - 1)]!;
    if ('hang' in step) {
      await clock.sleep(1e9, signal);
      throw new Error('never');
    }
    if (step.ms) await clock.sleep(step.ms, signal);
    return step.answer;
  };
  return { transport, sent };
}

const api = (data: Record<string, unknown>): Spec => ({
  id: 'Lookup',
  type: 'apiRequest',
  data: { configured: true, url: 'https://api.example.com/orders/{{call.caller_number}}', ...data },
});
const retry = (patch: Record<string, unknown> = {}) => ({
  enabled: true,
  maxAttempts: 3,
  backoff: 'exponential',
  initialDelayMs: 500,
  onTimeout: true,
  onNetworkError: true,
  on5xx: true,
  on429: true,
  idempotencyKey: true,
  ...patch,
});
const of = (trace: readonly TraceEvent[], kind: TraceEvent['kind']) => trace.filter((e) => e.kind === kind);
const says = (call: Call) => of(call.trace, 'agent.say').map((e) => (e as { text: string }).text);

async function run(flow: FlowDocument, steps: Parameters<typeof scripted>[1], values: Record<string, unknown> = { 'call.caller_number': '+15550100' }) {
  const clock = virtualClock();
  const { transport, sent } = scripted(clock, steps);
  const call = createCall(flow, { clock, transport, values });
  await call.start();
  return { call, sent, clock };
}

const simple = (data: Record<string, unknown>) =>
  flowOf(
    [
      { id: 'Start', type: 'start', data: { greeting: 'Hi!' } },
      api(data),
      { id: 'Fine', type: 'endCall', data: { message: 'Your order is {{lookup.status}}.' } },
      { id: 'Sorry', type: 'endCall', data: { message: 'Sorry, our system is down.' } },
    ],
    [
      ['Start', 'next', 'Lookup'],
      ['Lookup', 'next', 'Fine'],
      ['Lookup', 'error', 'Sorry'],
    ],
  );

describe('API Request in a call', () => {
  test('success stores the response and takes Success', async () => {
    const { call, sent } = await run(simple({ errorHandling: true }), [{ ms: 46, answer: answer(201, { status: 'shipped', items: [{ sku: 'A-1' }] }) }]);
    expect(sent[0]!.url).toBe('https://api.example.com/orders/%2B15550100');
    expect(call.values['lookup.status']).toBe('shipped');
    expect(call.values['lookup.items.0.sku']).toBe('A-1');
    expect(call.values['lookup.response']).toEqual({ status: 'shipped', items: [{ sku: 'A-1' }] });
    expect(says(call)).toEqual(['Hi!', 'Your order is shipped.']);
    expect(of(call.trace, 'api.attempt')).toMatchObject([{ attempt: 1, of: 1, status: 201, ms: 46 }]);
    expect(of(call.trace, 'api.result')).toMatchObject([{ ok: true, route: 'next', status: 201, ms: 46 }]);
    expect(call.state).toBe('ended');
  });

  test('503, 503, then 200: three attempts, exponential waits to the millisecond, Success', async () => {
    const { call, sent, clock } = await run(simple({ errorHandling: true, retry: retry() }), [
      { ms: 20, answer: answer(503) },
      { ms: 20, answer: answer(503) },
      { ms: 20, answer: answer(200, { status: 'open' }) },
    ]);
    expect(of(call.trace, 'api.attempt').map((e) => [(e as { status: number }).status, e.at])).toEqual([
      [503, 20],
      [503, 540],
      [200, 1560],
    ]);
    expect(of(call.trace, 'api.wait').map((e) => [(e as { ms: number }).ms, (e as { reason: string }).reason])).toEqual([
      [500, 'backoff'],
      [1000, 'backoff'],
    ]);
    expect(clock.now()).toBe(1560);
    expect(says(call).at(-1)).toBe('Your order is open.');
    expect(sent).toHaveLength(3);
  });

  test('Retry-After is honoured, capped by the timeout', async () => {
    const { call } = await run(simple({ retry: retry({ backoff: 'fixed' }), timeoutSeconds: 5 }), [
      { answer: answer(429, {}, [['retry-after', '3']]) },
      { answer: answer(429, {}, [['retry-after', '120']]) },
      { answer: answer(200, { status: 'ok' }) },
    ]);
    expect(of(call.trace, 'api.wait').map((e) => [(e as { ms: number }).ms, (e as { reason: string }).reason])).toEqual([
      [3000, 'retry-after'],
      [5000, 'retry-after'],
    ]);
  });

  test('each attempt is bounded by the block timeout; a POST keeps one Idempotency-Key', async () => {
    const { call, sent } = await run(
      simple({ method: 'POST', errorHandling: true, timeoutSeconds: 30, retry: retry({ maxAttempts: 2, backoff: 'fixed', initialDelayMs: 4000 }) }),
      [{ hang: true }],
    );
    expect(of(call.trace, 'api.attempt').map((e) => [(e as { error: string }).error, e.at, (e as { ms: number }).ms])).toEqual([
      ['TIMEOUT', 30_000, 30_000],
      ['TIMEOUT', 64_000, 30_000],
    ]);
    expect(sent.map((s) => s.timeoutMs)).toEqual([30_000, 30_000]);
    const keys = sent.map((s) => s.headers.find(([k]) => k === 'Idempotency-Key')?.[1]);
    expect(keys[0]).toBeTruthy();
    expect(keys[1]).toBe(keys[0]);
    expect(says(call).at(-1)).toBe('Sorry, our system is down.');
  });

  test('a refused connection is retried when network errors are; the Error route after the last attempt', async () => {
    const { call } = await run(simple({ errorHandling: true, retry: retry({ maxAttempts: 2, on5xx: false }) }), [{ answer: failure('CONNECTION_REFUSED') }]);
    expect(of(call.trace, 'api.attempt').map((e) => (e as { error: string }).error)).toEqual(['CONNECTION_REFUSED', 'CONNECTION_REFUSED']);
    expect(of(call.trace, 'api.result')).toMatchObject([{ ok: false, route: 'error', error: 'CONNECTION_REFUSED' }]);
  });

  test('a 500 takes Error with error handling on; without it the flow continues with the block’s variables empty', async () => {
    const on = await run(simple({ errorHandling: true }), [{ answer: answer(500) }]);
    expect(of(on.call.trace, 'route').map((e) => (e as { handle: string }).handle)).toEqual(['next', 'error']);
    const off = await run(simple({ errorHandling: false }), [{ answer: answer(500) }]);
    expect(of(off.call.trace, 'route').map((e) => (e as { handle: string }).handle)).toEqual(['next', 'next']);
    expect(off.call.values['lookup.status']).toBeUndefined();
    expect(says(off.call).at(-1)).toBe('Your order is .');
    expect(of(off.call.trace, 'problem')).toMatchObject([{ message: '“lookup.status” has no value: the block that sets it was not reached.', fatal: false }]);
  });

  test('the interim message is said when the request starts, the delay waits before it is sent', async () => {
    const { call } = await run(simple({ interim: { enabled: true, mode: 'fixed', text: 'One moment…', delayEnabled: true, delaySeconds: 2 } }), [
      { ms: 100, answer: answer(200, { status: 'ok' }) },
    ]);
    const kinds = call.trace.filter((e) => e.blockId === 'Lookup').map((e) => `${e.kind}@${e.at}`);
    expect(kinds).toEqual([
      'block.enter@0',
      'silence@0',
      'agent.say@0',
      'api.wait@0',
      'api.attempt@2100',
      'api.result@2100',
      'var.set@2100',
      'var.set@2100',
      'route@2100',
    ]);
    expect(of(call.trace, 'agent.say')[1]).toMatchObject({ speech: 'interim', text: 'One moment…' });
  });

  test('the last outcome tag reached wins', async () => {
    const flow = flowOf(
      [
        { id: 'Start', type: 'start' },
        { id: 'A', type: 'apiRequest', data: { configured: true, url: 'https://a.example', outcome: 'Lookup done' } },
        { id: 'B', type: 'apiRequest', data: { configured: true, url: 'https://b.example', outcome: 'Booked' } },
        { id: 'End', type: 'endCall' },
      ],
      [
        ['Start', 'next', 'A'],
        ['A', 'next', 'B'],
        ['B', 'next', 'End'],
      ],
    );
    const { call } = await run(flow, [{ answer: answer(200) }]);
    expect(of(call.trace, 'outcome.tag').map((e) => (e as { outcome: string }).outcome)).toEqual(['Lookup done', 'Booked']);
  });

  test('secret Custom Variables are masked in the trace', async () => {
    const flow = flowOf(
      [
        { id: 'Start', type: 'start' },
        {
          id: 'A',
          type: 'apiRequest',
          data: { configured: true, url: 'https://a.example', headers: [{ id: 'h', key: 'Authorization', value: 'Bearer {{api_key}}', enabled: true }] },
        },
        { id: 'End', type: 'endCall' },
      ],
      [
        ['Start', 'next', 'A'],
        ['A', 'next', 'End'],
      ],
      [{ name: 'api_key', value: 'sk_live_123', secret: true }],
    );
    const { call, sent } = await run(flow, [{ answer: answer(200) }]);
    expect(sent[0]!.headers).toContainEqual(['Authorization', 'Bearer sk_live_123']);
    expect(JSON.stringify(call.trace)).not.toContain('sk_live_123');
    expect((of(call.trace, 'api.attempt')[0] as { request: { headers: [string, string][] } }).request.headers).toContainEqual([
      'Authorization',
      'Bearer ••••••',
    ]);
  });
});

describe('conversation', () => {
  const conversation = () =>
    flowOf(
      [
        { id: 'Start', type: 'start', data: { greeting: 'Hello {{call.caller_number}}' } },
        {
          id: 'Ask',
          type: 'talk',
          data: {
            prompt: 'Find out what they need',
            exits: [
              { id: 'order', label: 'Caller asks about an order' },
              { id: 'other', label: 'Anything else' },
            ],
          },
        },
        {
          id: 'Details',
          type: 'collect',
          data: {
            fields: [
              { id: 'f1', name: 'email', type: 'Email', description: 'What is your email?', required: true, confirm: true },
              { id: 'f2', name: 'qty', type: 'Number', description: 'How many?', required: false, confirm: false },
            ],
          },
        },
        {
          id: 'Route',
          type: 'filter',
          data: { cases: [{ id: 'big', match: 'all', conditions: [{ id: 'k', variable: '{{qty}}', operator: 'is greater than', value: '10' }] }] },
        },
        { id: 'Big', type: 'endCall', data: { message: 'A big order for {{email}}!' } },
        { id: 'Small', type: 'endCall', data: { message: 'Thanks!' } },
        { id: 'Other', type: 'endCall', data: { message: 'Bye' } },
      ],
      [
        ['Start', 'next', 'Ask'],
        ['Ask', 'exit:order', 'Details'],
        ['Ask', 'exit:other', 'Other'],
        ['Details', 'next', 'Route'],
        ['Route', 'case:big', 'Big'],
        ['Route', 'else', 'Small'],
      ],
    );

  test('Talk waits for an exit; Collect parses, asks again, confirms; Filter routes on the typed value', async () => {
    const { call } = await run(conversation(), []);
    expect(call.waiting).toMatchObject({ kind: 'talk', exits: [{ id: 'order' }, { id: 'other' }] });
    await call.say('hmm, hello?');
    expect(call.current).toBe('Ask');
    await call.say('I have a question: caller asks about an order');
    expect(call.waiting).toMatchObject({ kind: 'collect', field: 'email' });
    await call.answer('not an email');
    await call.answer('Ann at example dot com');
    expect(call.waiting).toMatchObject({ kind: 'collect', field: 'email', confirming: true });
    await call.answer('yes');
    await call.answer('twelve');
    expect(call.values).toMatchObject({ email: 'ann@example.com', qty: 12 });
    expect(says(call)).toEqual([
      'Hello +15550100',
      'Find out what they need',
      'What is your email?',
      'That is not an email address. What is your email?',
      'I have ann@example.com. Is that right?',
      'How many?',
      'A big order for ann@example.com!',
    ]);
    expect(of(call.trace, 'filter.case')).toMatchObject([
      { matched: 'Case 1', conditions: [{ variable: 'qty', operator: 'is greater than', expected: '10', seen: 12, ok: true }] },
    ]);
    expect(call.state).toBe('ended');
  });

  test('a required value cannot be skipped; an optional one can', async () => {
    const { call } = await run(conversation(), []);
    await call.choose('order');
    expect(of(call.trace, 'caller.say').at(-1)).toMatchObject({ text: 'Caller asks about an order' });
    await call.answer('skip');
    expect(call.waiting).toMatchObject({ field: 'email' });
    await call.answer('a@b.co');
    await call.answer('no');
    await call.answer('a@b.co');
    await call.answer('yes');
    await call.answer('skip');
    expect(call.values.qty).toBeNull();
    expect(says(call).at(-1)).toBe('Thanks!');
  });

  test('silence is measured for every agent turn and flagged past 4 s', async () => {
    const flow = flowOf(
      [
        { id: 'Start', type: 'start' },
        api({ interim: { enabled: false, mode: 'fixed', text: '', delayEnabled: false, delaySeconds: 0 } }),
        { id: 'End', type: 'endCall', data: { message: 'Done' } },
      ],
      [
        ['Start', 'next', 'Lookup'],
        ['Lookup', 'next', 'End'],
      ],
    );
    const { call } = await run(flow, [{ ms: 4500, answer: answer(200) }]);
    expect(of(call.trace, 'silence').map((e) => [(e as { ms: number }).ms, (e as { warning: boolean }).warning])).toEqual([
      [0, false],
      [4500, true],
    ]);
  });

  test('post-call blocks run after the call, only for blocks the call reached, in the order reached', async () => {
    const flow = flowOf(
      [
        { id: 'Start', type: 'start' },
        {
          id: 'Ask',
          type: 'talk',
          data: {
            prompt: 'x',
            exits: [
              { id: 'a', label: 'A' },
              { id: 'b', label: 'B' },
            ],
          },
        },
        { id: 'EndA', type: 'endCall' },
        { id: 'EndB', type: 'endCall' },
        {
          id: 'LogStart',
          type: 'apiRequest',
          stage: 'post',
          data: {
            configured: true,
            url: 'https://log.example/start',
            interim: { enabled: true, mode: 'fixed', text: 'never said', delayEnabled: false, delaySeconds: 0 },
          },
        },
        { id: 'LogA', type: 'apiRequest', stage: 'post', data: { configured: true, url: 'https://log.example/a' } },
        { id: 'LogB', type: 'apiRequest', stage: 'post', data: { configured: true, url: 'https://log.example/b' } },
      ],
      [
        ['Start', 'next', 'Ask'],
        ['Ask', 'exit:a', 'EndA'],
        ['Ask', 'exit:b', 'EndB'],
        ['EndA', 'post', 'LogA'],
        ['EndB', 'post', 'LogB'],
        ['Start', 'post', 'LogStart'],
      ],
    );
    const { call, sent } = await run(flow, [{ answer: answer(200) }]);
    await call.choose('a');
    expect(sent.map((s) => s.url)).toEqual(['https://log.example/start', 'https://log.example/a']);
    const order = call.trace.map((e) => e.kind);
    expect(order.indexOf('call.end')).toBeLessThan(order.indexOf('postcall.start'));
    expect(says(call)).not.toContain('never said');
  });

  test('hanging up ends the call, then post-call work runs', async () => {
    const flow = flowOf(
      [
        { id: 'Start', type: 'start' },
        { id: 'Ask', type: 'talk', data: { prompt: 'x' } },
        { id: 'Log', type: 'apiRequest', stage: 'post', data: { configured: true, url: 'https://log.example' } },
      ],
      [
        ['Start', 'next', 'Ask'],
        ['Ask', 'post', 'Log'],
        ['Ask', 'exit:done', 'Ask'],
      ],
    );
    const { call, sent } = await run(flow, [{ answer: answer(200) }]);
    await call.hangUp();
    expect(of(call.trace, 'call.end')).toMatchObject([{ reason: 'hangup' }]);
    expect(sent).toHaveLength(1);
  });
});

describe('bad flows get clear errors', () => {
  test('a block with Checklist errors', async () => {
    const { call } = await run(
      flowOf(
        [
          { id: 'Start', type: 'start' },
          { id: 'Ask', type: 'talk', data: { prompt: '' } },
        ],
        [['Start', 'next', 'Ask']],
      ),
      [],
    );
    expect(of(call.trace, 'problem')).toMatchObject([
      { fatal: true, message: '“Ask” cannot run: Prompt cannot be empty. Fix it in its panel (the Flow Checklist lists it).' },
    ]);
    expect(call.state).toBe('ended');
  });

  test('a missing edge', async () => {
    const { call } = await run(flowOf([{ id: 'Start', type: 'start' }], []), []);
    expect(of(call.trace, 'problem')).toMatchObject([{ fatal: true, message: '“Start” took its next step, which is not connected: the call cannot go on.' }]);
    expect(of(call.trace, 'call.end')).toMatchObject([{ reason: 'no-route' }]);
  });

  test('a loop that never waits for the caller', async () => {
    const flow = flowOf(
      [
        { id: 'Start', type: 'start' },
        { id: 'F', type: 'filter', data: { cases: [] } },
      ],
      [
        ['Start', 'next', 'F'],
        ['F', 'else', 'F'],
      ],
    );
    const { call } = await run(flow, []);
    expect(of(call.trace, 'problem')[0]).toMatchObject({ fatal: true, message: expect.stringContaining('200 blocks without the caller saying anything') });
    expect(of(call.trace, 'block.enter').length).toBe(201);
  });

  test('Test from here starts at a block with the values given', async () => {
    const clock = virtualClock();
    const flow = simple({});
    const call = createCall(flow, { clock, transport: async () => answer(200), values: { 'lookup.status': 'delayed' }, startAt: 'Fine' });
    await call.start();
    expect(says(call)).toEqual(['Your order is delayed.']);
  });
});

test('the same flow, inputs and answers give the same trace, byte for byte', async () => {
  const once = async () => {
    const { call } = await run(simple({ errorHandling: true, method: 'POST', retry: retry() }), [
      { ms: 7, answer: answer(503) },
      { ms: 9, answer: answer(201, { status: 'ok' }) },
    ]);
    return JSON.stringify(call.trace);
  };
  expect(await once()).toBe(await once());
});

test('a hang-up while the caller is speaking settles both', async () => {
  const flow = flowOf(
    [
      { id: 'Start', type: 'start' },
      { id: 'Ask', type: 'talk', data: { prompt: 'x' } },
    ],
    [
      ['Start', 'next', 'Ask'],
      ['Ask', 'exit:done', 'Ask'],
    ],
  );
  const clock = virtualClock();
  const call = createCall(flow, { clock, transport: async () => answer(200) });
  await call.start();
  await Promise.all([call.say('hello'), call.hangUp()]);
  expect(call.state).toBe('ended');
  expect(of(call.trace, 'call.end')).toMatchObject([{ reason: 'hangup' }]);
});
