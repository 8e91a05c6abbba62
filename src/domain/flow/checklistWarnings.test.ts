import { expect, test } from 'vitest';
import { flowChecklist } from './flowChecklist';
import { defaultData } from '../blocks/blockCatalog';
import type { FlowEdge, FlowNode } from './FlowDocument';

const api = (data: Record<string, unknown>, stage: FlowNode['stage'] = 'live'): FlowNode => ({
  id: 'api',
  type: 'apiRequest',
  stage,
  position: { x: 0, y: 0 },
  data: { ...defaultData('apiRequest'), name: 'Lookup', configured: true, ...data },
});
const start: FlowNode = { id: 'start', type: 'start', stage: 'live', position: { x: 0, y: 0 }, data: defaultData('start') };
const end: FlowNode = { id: 'end', type: 'endCall', stage: 'live', position: { x: 0, y: 0 }, data: defaultData('endCall') };
const edges: FlowEdge[] = [
  { id: 'a', source: 'start', sourceHandle: 'next', target: 'api', targetHandle: 'in' },
  { id: 'b', source: 'api', sourceHandle: 'next', target: 'end', targetHandle: 'in' },
];
const warningsOf = (data: Record<string, unknown>, custom = [] as { name: string; value: string; secret: boolean }[]) =>
  flowChecklist([start, api(data), end], edges, custom).find((p) => p.nodeId === 'api')?.warnings ?? [];
const retry = {
  enabled: true,
  maxAttempts: 3,
  backoff: 'fixed',
  initialDelayMs: 500,
  onTimeout: true,
  onNetworkError: true,
  on5xx: true,
  on429: true,
  idempotencyKey: false,
};

test('plain http to a host on the internet is a warning, not an error; local hosts are fine', () => {
  expect(warningsOf({ url: 'http://api.example.com/x' })).toEqual([
    'The URL is plain http: the request and its answer cross the internet unencrypted. Use https.',
  ]);
  expect(flowChecklist([start, api({ url: 'http://api.example.com/x' }), end], edges).find((p) => p.nodeId === 'api')?.messages).toEqual([]);
  for (const url of [
    'http://localhost:3000/x',
    'http://127.0.0.1/x',
    'http://[::1]:8080/x',
    'http://10.1.2.3/x',
    'http://192.168.1.5/x',
    'http://crm.internal/x',
    'https://api.example.com/x',
    'http://{{host}}/x',
  ])
    expect(warningsOf({ url }), url).toEqual([]);
});

test('a caller waiting past 15 s; retried POST without an Idempotency-Key; a secret in the query', () => {
  expect(warningsOf({ url: 'https://x.example', timeoutSeconds: 10, retry: { ...retry, idempotencyKey: true } })[0]).toMatch(/^The caller may wait 31\.0 s/);
  expect(
    flowChecklist([start, api({ url: 'https://x.example', timeoutSeconds: 10, retry }, 'post'), end], []).find((p) => p.nodeId === 'api')?.warnings ?? [],
  ).toEqual([]);
  expect(warningsOf({ url: 'https://x.example', method: 'POST', timeoutSeconds: 2, retry })).toEqual([
    'Retries repeat this POST without an Idempotency-Key: a retry may create a second record. Turn the key on in Advanced Settings.',
  ]);
  expect(
    warningsOf({
      url: 'https://x.example',
      method: 'POST',
      timeoutSeconds: 2,
      retry,
      headers: [{ id: 'h', key: 'Idempotency-Key', value: '{{call.id}}', enabled: true }],
    }),
  ).toEqual([]);
  const secret = [{ name: 'api_key', value: 'sk', secret: true }];
  expect(warningsOf({ url: 'https://x.example/a?key={{api_key}}' }, secret)).toEqual([
    'The secret “api_key” is sent in the URL query, where server and proxy logs keep it. Send it in a header instead.',
  ]);
  expect(warningsOf({ url: 'https://x.example/a', query: [{ id: 'q', key: 'key', value: '{{api_key}}', enabled: true }] }, secret)).toHaveLength(1);
  expect(warningsOf({ url: 'https://x.example/a', headers: [{ id: 'h', key: 'X-Key', value: '{{api_key}}', enabled: true }] }, secret)).toEqual([]);
});

test('a post-call block hanging only off blocks no call reaches never runs: a warning', () => {
  const parked: FlowNode = { ...end, id: 'parked', type: 'talk', data: { ...defaultData('talk'), name: 'Parked' } };
  const log: FlowNode = {
    ...api({ url: 'https://log.example' }, 'post'),
    id: 'log',
    data: { ...defaultData('apiRequest'), name: 'Log', configured: true, url: 'https://log.example' },
  };
  const problems = flowChecklist(
    [start, end, parked, log],
    [
      { id: 'a', source: 'start', sourceHandle: 'next', target: 'end', targetHandle: 'in' },
      { id: 'p', source: 'parked', sourceHandle: 'post', target: 'log', targetHandle: 'in' },
    ],
  );
  expect(problems).toEqual([
    { nodeId: 'log', blockName: 'Log', messages: [], warnings: ['This post-call block never runs: the blocks it hangs off are not reached by any call.'] },
  ]);
});
