import { describe, expect, test } from 'vitest';
import { canConnect } from './canConnect';
import { flowChecklist } from './flowChecklist';
import { parseFlowFile } from './parseFlowFile';
import { preCallChain } from './preCallChain';
import { reachableFromStart } from './reachableFromStart';
import { newFlow } from './newFlow';
import { blockCatalog, defaultData, outputsOf, pickerBlocks } from '../blocks/blockCatalog';
import { availableVariables } from '../variables/availableVariables';
import { invalidVariables } from '../variables/invalidVariables';
import { createCall } from '../engine/createCall';
import { virtualClock } from '../engine/virtualClock';
import type { FlowDocument, FlowEdge, FlowNode } from './FlowDocument';
import { FLOW_VERSION } from './FlowDocument';
import type { ProxyAnswer } from '../request/ProxyAnswer';

const node = (id: string, type: FlowNode['type'], stage: FlowNode['stage'] = 'live', data: Record<string, unknown> = {}): FlowNode => ({
  id,
  type,
  stage,
  position: { x: 0, y: 0 },
  data: { ...defaultData(type, stage), name: id, ...data },
});
const edge = (source: string, sourceHandle: string, target: string): FlowEdge => ({
  id: `${source}-${sourceHandle}-${target}`,
  source,
  sourceHandle,
  target,
  targetHandle: 'in',
});

// Lookup (pre, error handling) → Start → Talk ; Lookup Error → Closed (pre End Call)
const lookup = node('Lookup', 'apiRequest', 'pre', {
  configured: true,
  url: 'https://crm.example.com/by-phone/{{call.caller_number}}',
  errorHandling: true,
  published: [
    { path: 'response', type: 'object' },
    { path: 'vip', type: 'boolean', value: true },
    { path: 'name', type: 'string', value: 'Ann' },
  ],
});
const nodes = [
  lookup,
  node('Start', 'start', 'live', { greeting: 'Hi {{lookup.name}}!' }),
  node('Talk', 'talk', 'live', { prompt: 'Help {{lookup.name}}' }),
  node('Closed', 'endCall', 'pre', { message: 'We are closed.' }),
  node('Log', 'apiRequest', 'post', { configured: true, url: 'https://log.example/{{lookup.name}}' }),
];
const edges = [edge('Lookup', 'next', 'Start'), edge('Lookup', 'error', 'Closed'), edge('Start', 'next', 'Talk'), edge('Talk', 'post', 'Log')];

describe('pre-call stage', () => {
  test('the picker offers API Request, Filter and End Call before the call; pre-call outputs have no post-call output', () => {
    expect(pickerBlocks('pre').map((d) => d.label)).toEqual(['Filter', 'End Call', 'API Request']);
    expect(outputsOf(lookup).map((h) => [h.id, h.kind])).toEqual([
      ['next', 'pre'],
      ['error', 'pre'],
    ]);
    expect(blockCatalog.start.hasInput).toBe(true);
  });

  test('connection rules keep pre-call blocks in the pre-call chain', () => {
    const end = node('End', 'endCall');
    const all = [...nodes, end];
    expect(canConnect(all, [], { source: 'Lookup', sourceHandle: 'next', target: 'Start' })).toEqual({ ok: true, kind: 'pre' });
    expect(canConnect(all, [], { source: 'Lookup', sourceHandle: 'next', target: 'Talk' })).toMatchObject({
      ok: false,
      reason: 'A pre-call output only connects to pre-call blocks or to Start',
    });
    expect(canConnect(all, [], { source: 'Talk', sourceHandle: 'exit:done', target: 'Start' })).toMatchObject({
      ok: false,
      reason: 'Start’s input takes only the pre-call chain',
    });
    expect(canConnect(all, [], { source: 'Talk', sourceHandle: 'exit:done', target: 'Closed' })).toMatchObject({ ok: false });
    expect(canConnect(all, [edge('Lookup', 'next', 'Start')], { source: 'Lookup', sourceHandle: 'next', target: 'Closed' })).toMatchObject({
      ok: false,
      reason: 'This output is already connected',
    });
  });

  test('pre-call values are available to Start, live and post-call blocks; missing ones are invalid', () => {
    const names = (id: string, stage: FlowNode['stage']) => availableVariables(id, stage, nodes, edges, []).flatMap((g) => g.variables.map((v) => v.name));
    expect(names('Start', 'live')).toContain('lookup.name');
    expect(names('Talk', 'live')).toContain('lookup.vip');
    expect(names('Log', 'post')).toContain('lookup.name');
    expect(invalidVariables(nodes, edges, [])).toEqual([]);
    expect(
      invalidVariables(
        nodes,
        edges.filter((e) => e.target !== 'Start'),
        [],
      ).map((i) => i.name),
    ).toEqual(['lookup.name']);
  });

  test('the Checklist checks the chain; the pre-call timeout is 1–5 s (3 by default); a pre-call End Call is Fixed only', () => {
    expect(preCallChain(nodes, edges)).toEqual({ head: 'Lookup', blocks: new Set(['Lookup']) });
    expect([...reachableFromStart(nodes, edges)].sort()).toEqual(['Closed', 'Log', 'Lookup', 'Start', 'Talk']);
    expect(defaultData('apiRequest', 'pre').timeoutSeconds).toBe(3);
    expect(defaultData('apiRequest', 'live').timeoutSeconds).toBe(10);
    const slow = nodes.map((n) =>
      n.id === 'Lookup' ? { ...n, data: { ...n.data, timeoutSeconds: 8 } } : n.id === 'Closed' ? { ...n, data: { ...n.data, mode: 'promptable' } } : n,
    );
    const problems = flowChecklist(slow, edges);
    expect(problems.find((p) => p.nodeId === 'Lookup')?.messages).toContain('Timeout Duration is 1–5 s before the call');
    expect(problems.find((p) => p.nodeId === 'Closed')?.messages).toContain('Before the call, the final message must be Fixed (exact words)');
    expect(problems.find((p) => p.nodeId === 'Talk')?.messages).toEqual(['“Caller is done” is not connected']);
  });

  test('a version 2 file migrates to the current version; pre-call blocks round-trip through the file', () => {
    const doc: FlowDocument = { ...newFlow('f', 'F'), nodes, edges };
    const parsed = parseFlowFile(JSON.stringify(doc));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.flow.nodes.find((n) => n.id === 'Lookup')?.stage).toBe('pre');
    const v2 = parseFlowFile(JSON.stringify({ ...newFlow('g', 'G'), version: 2 }));
    expect(v2).toMatchObject({ ok: true, migratedFrom: 2, flow: { version: FLOW_VERSION, tests: [] } });
  });
});

describe('pre-call in a call', () => {
  const answer = (status: number, body: unknown): ProxyAnswer => ({
    ok: true,
    status,
    statusText: '',
    headers: [['content-type', 'application/json']],
    body: { text: JSON.stringify(body), bytes: 1, truncated: false },
    timings: { totalMs: 0 },
    url: '',
    redirects: [],
  });
  const flow = (e = edges): FlowDocument => ({ ...newFlow('f', 'F'), nodes, edges: e });
  const says = (trace: readonly { kind: string }[]) => trace.filter((x) => x.kind === 'agent.say').map((x) => (x as unknown as { text: string }).text);

  test('the chain runs first, then the greeting uses its values', async () => {
    const call = createCall(flow(), {
      clock: virtualClock(),
      transport: async () => answer(200, { name: 'Bo', vip: false }),
      values: { 'call.caller_number': '+15550100' },
    });
    await call.start();
    expect(call.visited.slice(0, 3)).toEqual(['Lookup', 'Start', 'Talk']);
    expect(says(call.trace)).toEqual(['Hi Bo!', 'Help Bo']);
  });

  test('a failed pre-call request routed to a pre-call End Call ends the call before the greeting', async () => {
    const call = createCall(flow(), { clock: virtualClock(), transport: async () => answer(500, {}), values: { 'call.caller_number': '+1' } });
    await call.start();
    expect(says(call.trace)).toEqual(['We are closed.']);
    expect(call.state).toBe('ended');
  });

  test('without error handling a failed pre-call request does not stop the call: on to the greeting', async () => {
    const plain = nodes.map((n) => (n.id === 'Lookup' ? { ...n, data: { ...n.data, errorHandling: false } } : n));
    const call = createCall(
      { ...flow(), nodes: plain, edges: edges.filter((e) => e.sourceHandle !== 'error') },
      { clock: virtualClock(), transport: async () => answer(503, {}), values: { 'call.caller_number': '+1' } },
    );
    await call.start();
    expect(call.visited.slice(0, 2)).toEqual(['Lookup', 'Start']);
    expect(says(call.trace)[0]).toBe('Hi !');
  });
});
