import { describe, expect, test } from 'vitest';
import { availableVariables } from './availableVariables';
import { invalidVariables } from './invalidVariables';
import { renameVariablePrefix, replaceVariable, variablesIn } from './variableTokens';
import { flowChecklist } from '../flow/flowChecklist';
import { operatorsFor } from '../blocks/filter/operatorsFor';
import { conditionVariable } from '../blocks/filter/conditionVariable';
import { defaultData } from '../blocks/blockCatalog';
import type { FlowEdge, FlowNode } from '../flow/FlowDocument';

const node = (id: string, type: FlowNode['type'], data: Record<string, unknown> = {}): FlowNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  stage: 'live',
  data: { ...defaultData(type), name: id, ...data },
});
const edge = (source: string, target: string, sourceHandle = 'next'): FlowEdge => ({
  id: `${source}-${sourceHandle}-${target}`,
  source,
  sourceHandle,
  target,
  targetHandle: 'in',
});

// Start → Lookup (API) → Route (Filter on lookup.status) → Say (Talk) → Ask (Collect) → Bye (End Call)
const published = [
  { path: 'response', type: 'object' },
  { path: 'status', type: 'string', value: 'shipped' },
  { path: 'total', type: 'number', value: 42 },
  { path: 'paid', type: 'boolean', value: true },
];
const flow = () => {
  const nodes = [
    node('Start', 'start', { greeting: 'Hi {{call.caller_number}}' }),
    node('Lookup', 'apiRequest', { configured: true, url: 'http://127.0.0.1/orders', published }),
    node('Route', 'filter', {
      cases: [{ id: 'c1', match: 'all', conditions: [{ id: 'k1', variable: '{{lookup.status}}', operator: 'equals', value: '{{lookup.status}}' }] }],
    }),
    node('Say', 'talk', {
      prompt: 'Tell them the order is {{lookup.status}} and costs {{lookup.total}}',
      exits: [{ id: 'done', label: 'Caller heard {{lookup.status}}' }],
    }),
    node('Ask', 'collect', {
      fields: [
        { id: 'f1', name: 'email', type: 'Email', description: 'Email for {{lookup.status}}', required: true, confirm: false },
        { id: 'f2', name: 'amount', type: 'Currency', description: 'Amount', required: true, confirm: false },
      ],
    }),
    node('Bye', 'endCall', { message: 'We will write to {{email}} about {{lookup.status}}.' }),
  ];
  const edges = [
    edge('Start', 'Lookup'),
    edge('Lookup', 'Route'),
    edge('Route', 'Say', 'case:c1'),
    edge('Route', 'Bye', 'else'),
    edge('Say', 'Ask', 'exit:done'),
    edge('Ask', 'Bye'),
  ];
  return { nodes, edges };
};

describe('variables in every block', () => {
  test('a flow that uses a response field in every kind of block is clean', () => {
    const { nodes, edges } = flow();
    expect(flowChecklist(nodes, edges)).toEqual([]);
  });

  test('deleting the API Request makes every use invalid, in every block, and the Checklist says so', () => {
    const { nodes, edges } = flow();
    const without = nodes.filter((n) => n.id !== 'Lookup');
    const rewired = [edge('Start', 'Route'), ...edges.filter((e) => e.source !== 'Lookup' && e.target !== 'Lookup')];
    expect(invalidVariables(without, rewired, [])).toEqual([
      { name: 'lookup.status', nodeIds: ['Route', 'Say', 'Ask', 'Bye'] },
      { name: 'lookup.total', nodeIds: ['Say'] },
    ]);
    const problems = flowChecklist(without, rewired);
    expect(problems.map((p) => p.blockName)).toEqual(['Route', 'Say', 'Ask', 'Bye']);
    expect(problems[0]!.messages).toContain('Invalid variable “lookup.status”: it is not available in this block');
  });

  test('a Collect value used on a branch that does not pass the Collect block is invalid there', () => {
    const { nodes, edges } = flow();
    // Bye is also reached by Else, which skips Ask: email may be missing there.
    expect(availableVariables('Bye', 'live', nodes, edges, []).some((g) => g.title === 'Collect Variables')).toBe(true);
    const elseOnly = edges.filter((e) => !(e.source === 'Ask'));
    expect(invalidVariables(nodes, elseOnly, []).find((i) => i.name === 'email')).toEqual({ name: 'email', nodeIds: ['Bye'] });
  });

  test('replacing and renaming reach the Filter variable, prompts, exit descriptions and Collect descriptions', () => {
    const { nodes } = flow();
    const renamed = nodes.map((n) => renameVariablePrefix(n.data, 'lookup', 'find_order'));
    expect(JSON.stringify(renamed)).not.toContain('lookup.');
    expect((renamed[2]!.cases as { conditions: { variable: string }[] }[])[0]!.conditions[0]!.variable).toBe('{{find_order.status}}');
    expect(renamed[3]!.exits).toEqual([{ id: 'done', label: 'Caller heard {{find_order.status}}' }]);
    expect((renamed[4]!.fields as { description: string }[])[0]!.description).toBe('Email for {{find_order.status}}');
    expect(replaceVariable(nodes[5]!.data, 'email', 'call.caller_number').message).toBe('We will write to {{call.caller_number}} about {{lookup.status}}.');
  });

  test('blocks nearest to the block come first; Collect values are typed by their collection type', () => {
    const { nodes, edges } = flow();
    const groups = availableVariables('Bye', 'live', nodes, edges, []);
    expect(groups.map((g) => g.title)).toEqual(['Lookup', 'Call Variables', 'Custom Variables', 'Collect Variables']);
    const chain = [node('A', 'apiRequest'), node('B', 'apiRequest'), node('C', 'apiRequest'), node('D', 'apiRequest')];
    const chained = availableVariables('D', 'live', chain, [edge('A', 'B'), edge('B', 'C'), edge('C', 'D')], []);
    expect(chained.slice(0, 3).map((g) => g.title)).toEqual(['C', 'B', 'A']);
    const collected = groups.find((g) => g.title === 'Collect Variables')!.variables;
    expect(collected.map((v) => [v.name, v.type])).toEqual([
      ['email', 'string'],
      ['amount', 'number'],
    ]);
  });
});

describe('Filter', () => {
  test('operators follow the variable type', () => {
    expect(operatorsFor('number')).toEqual(['equals', 'does not equal', 'is greater than', 'is less than', 'is empty', 'is not empty']);
    expect(operatorsFor('boolean')).toEqual(['is true', 'is false', 'is empty', 'is not empty']);
    expect(operatorsFor('string')).toContain('contains');
    expect(operatorsFor('array')).toEqual(['contains', 'does not contain', 'is empty', 'is not empty']);
    expect(operatorsFor('object')).toEqual(['is empty', 'is not empty']);
    expect(operatorsFor(undefined)).toContain('is greater than'); // untested: type unknown, all offered
    for (const type of ['string', 'number', 'boolean', 'array', 'object', 'null'] as const) expect(operatorsFor(type)).toContain('is empty');
  });

  test('the condition variable is one token; none chosen is a Checklist problem', () => {
    expect(conditionVariable({ variable: '{{lookup.status}}' })).toBe('lookup.status');
    expect(conditionVariable({ variable: '' })).toBe('');
    const { nodes, edges } = flow();
    const empty = nodes.map((n) =>
      n.id === 'Route'
        ? { ...n, data: { ...n.data, cases: [{ id: 'c1', match: 'all', conditions: [{ id: 'k1', variable: '', operator: 'is empty', value: '' }] }] } }
        : n,
    );
    expect(flowChecklist(empty, edges).find((p) => p.blockName === 'Route')?.messages).toEqual(['Case 1: every condition needs a variable']);
  });
});

test('values nested 10 000 levels deep are scanned and renamed without overflowing the stack', () => {
  let deep: unknown = '{{lookup.id}}';
  for (let i = 0; i < 10_000; i++) deep = { v: deep };
  expect([...variablesIn({ published: [{ value: deep }], url: '{{lookup.url}}' })].sort()).toEqual(['lookup.id', 'lookup.url']);
  expect(() => renameVariablePrefix({ published: [{ value: deep }] }, 'lookup', 'crm')).not.toThrow();
});
