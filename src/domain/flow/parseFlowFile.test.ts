import { describe, expect, it, test } from 'vitest';
import { newFlow } from './newFlow';
import { parseFlowFile } from './parseFlowFile';
import { FLOW_VERSION } from './FlowDocument';
import fixture from './fixtures/flow-v0.json?raw';

const good = newFlow('f1', 'Support');
const text = (v: unknown) => JSON.stringify(v);

describe('parseFlowFile', () => {
  it('reads a current file unchanged', () => {
    expect(parseFlowFile(text(good))).toEqual({ ok: true, flow: good });
  });

  it('migrates a version-0 file to the current version', () => {
    const result = parseFlowFile(fixture);
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBe(0);
    expect(result.flow.version).toBe(FLOW_VERSION);
    expect(result.flow.nodes.map((n) => [n.id, n.type, n.stage, n.data.name])).toEqual([
      ['s', 'start', 'live', 'Start'],
      ['t', 'talk', 'live', 'Triage'],
      ['e', 'endCall', 'live', 'End Call'],
      ['l', 'apiRequest', 'post', 'Log'],
    ]);
    expect(result.flow.nodes[0]!.data.greeting).toBe('Hi, support here.');
    expect(result.flow.edges.map((e) => [e.source, e.sourceHandle, e.target])).toEqual([
      ['s', 'next', 't'],
      ['t', 'exit:done', 'e'],
      ['t', 'post', 'l'],
    ]);
  });

  it('migrates version 1 Filter conditions from typed names to variable tokens', () => {
    const filter = {
      id: 'f',
      type: 'filter',
      position: { x: 0, y: 200 },
      stage: 'live',
      data: {
        name: 'Route',
        cases: [
          {
            id: 'c',
            match: 'all',
            conditions: [
              { id: 'a', variable: 'lookup.status', operator: 'equals', value: 'open' },
              { id: 'b', variable: '', operator: 'equals', value: '' },
              { id: 'd', variable: '{{already}}', operator: 'is empty', value: '' },
              { id: 'e', variable: 'not a name', operator: 'equals', value: '' },
            ],
          },
        ],
      },
    };
    const result = parseFlowFile(text({ ...good, version: 1, nodes: [...good.nodes, filter] }));
    if (!result.ok) throw new Error(result.error);
    expect(result.migratedFrom).toBe(1);
    const conditions = (result.flow.nodes[1]!.data.cases as { conditions: { variable: string }[] }[])[0]!.conditions;
    expect(conditions.map((k) => k.variable)).toEqual(['{{lookup.status}}', '', '{{already}}', 'not a name']);
  });

  it('refuses a newer version, saying so', () => {
    expect(parseFlowFile(text({ ...good, version: 7 }))).toEqual({
      ok: false,
      error: `This flow was saved by a newer version of Switchboard (file version 7; this one reads up to ${FLOW_VERSION}). Update Switchboard to open it.`,
    });
  });

  it('refuses a truncated file', () => {
    const full = JSON.stringify(good, null, 2);
    expect(parseFlowFile(full.slice(0, full.length / 2))).toEqual({
      ok: false,
      error: 'The file ends too early: it looks truncated (perhaps the download or copy was cut short).',
    });
  });

  it.each([
    ['', 'The file is empty.'],
    ['hello', 'The file is not valid JSON'],
    ['[1,2]', 'The file does not contain a flow (expected a JSON object).'],
    [text({ hello: 1 }), 'This is not a Switchboard flow file'],
    [text({ ...good, version: 'one' }), 'The file has no valid version number'],
    [text({ ...good, nodes: 'none' }), 'The flow file is damaged: nodes:'],
    [text({ ...good, nodes: [...good.nodes, good.nodes[0]] }), 'two blocks share the id “start”'],
    [text({ ...good, nodes: [] }), 'a flow has exactly one Start block, this one has 0'],
    [
      text({ ...good, edges: [{ id: 'x', source: 'start', sourceHandle: 'next', target: 'ghost', targetHandle: 'in' }] }),
      'connection “x” points at a block that is not in the file',
    ],
    [text({ ...good, nodes: [{ ...good.nodes[0], data: { greeting: 42 } }] }), 'the settings of block “start” cannot be read'],
  ])('refuses %s with a reason', (input, reason) => {
    const result = parseFlowFile(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(reason);
  });

  it('fills settings a file leaves out with their defaults', () => {
    const sparse = { ...good, nodes: [{ ...good.nodes[0], data: {} }] };
    const result = parseFlowFile(text(sparse));
    expect(result.ok && result.flow.nodes[0]!.data).toEqual(good.nodes[0]!.data);
  });
});

describe('parseFlowFile: connections the flow rules do not allow', () => {
  const talk = { id: 't', type: 'talk', position: { x: 0, y: 200 }, stage: 'live', data: { name: 'Talk', prompt: 'x' } };
  const end = { id: 'e', type: 'endCall', position: { x: 0, y: 400 }, stage: 'live', data: { name: 'End' } };
  const base = newFlow('f', 'F');
  const withEdges = (edges: unknown[]) => text({ ...base, nodes: [...base.nodes, talk, end], edges });
  const edge = (id: string, source: string, sourceHandle: string, target: string) => ({ id, source, sourceHandle, target, targetHandle: 'in' });

  test('two connections with one id are refused', () => {
    expect(parseFlowFile(withEdges([edge('x', 'start', 'next', 't'), edge('x', 't', 'exit:done', 'e')]))).toEqual({
      ok: false,
      error: 'The flow file is damaged: two connections share the id “x”.',
    });
  });

  test('10 000 edges from an output that takes one, and edges from handles a block does not have, are left out and said', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => edge(`m${i}`, 'start', 'next', i % 2 ? 't' : 'e'));
    const result = parseFlowFile(
      withEdges([...many, edge('bad', 't', 'exit:nope', 'e'), edge('self', 't', 'exit:done', 't'), edge('ok', 't', 'exit:done', 'e')]),
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.flow.edges.map((e) => e.id)).toEqual(['m0', 'ok']);
    expect(result.dropped).toEqual([
      '9999 extra connections on outputs that take one',
      '1 connections from an output “Talk” does not have',
      '1 connections from a block to itself',
    ]);
  });

  test('a stored flow that follows the rules reads with nothing dropped', () => {
    const result = parseFlowFile(withEdges([edge('a', 'start', 'next', 't'), edge('b', 't', 'exit:done', 'e')]));
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.dropped).toBeUndefined();
  });
});
