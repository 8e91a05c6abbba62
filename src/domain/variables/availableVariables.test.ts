import { describe, expect, test } from 'vitest';
import { availableVariables, isAvailable } from './availableVariables';
import { invalidVariables, replacementsFor } from './invalidVariables';
import { replaceVariable, splitTokens, variablesIn } from './variableTokens';
import { variablePrefix } from './variablePrefix';
import type { FlowEdge, FlowNode } from '../flow/FlowDocument';

const node = (id: string, type: FlowNode['type'], data: Record<string, unknown> = {}, stage: FlowNode['stage'] = 'live'): FlowNode => ({
  id,
  type,
  position: { x: 0, y: 0 },
  stage,
  data: { name: id, ...data },
});
const edge = (source: string, target: string, sourceHandle = 'next'): FlowEdge => ({
  id: `${source}-${target}`,
  source,
  sourceHandle,
  target,
  targetHandle: 'in',
});

// start → lookup → branch(filter) → a: uses lookup ; filter else → b
const nodes = [
  node('start', 'start'),
  node('Lookup Lead', 'apiRequest', { url: 'x' }),
  node('Ask', 'collect', { fields: [{ name: 'caller_name', type: 'Name', description: '' }] }),
  node('a', 'apiRequest', { url: '{{lookup_lead.customer.id}}/{{caller_name}}' }),
  node('b', 'apiRequest', { url: '{{a.response}}' }),
];
const edges = [edge('start', 'Lookup Lead'), edge('Lookup Lead', 'Ask'), edge('Ask', 'a'), edge('Ask', 'b')];

describe('variables', () => {
  test('prefixes', () => {
    expect(variablePrefix('Create Lead')).toBe('create_lead');
    expect(variablePrefix(' Café / CRM ')).toBe('cafe_crm');
    expect(variablePrefix('1st call')).toBe('_1st_call');
  });

  test('tokens are found and replaced everywhere', () => {
    expect(splitTokens('a {{ x.y }} b')).toEqual([{ text: 'a ' }, { variable: 'x.y', raw: '{{ x.y }}' }, { text: ' b' }]);
    expect([...variablesIn({ a: ['{{p}}', { b: 'x{{q.r}}' }] })]).toEqual(['p', 'q.r']);
    const data = { url: '{{old.id}}/{{keep}}', rows: [{ v: '{{old.id}}' }] };
    expect(replaceVariable(data, 'old.id', 'new.id')).toEqual({ url: '{{new.id}}/{{keep}}', rows: [{ v: '{{new.id}}' }] });
  });

  test('only blocks on a route that reaches the block are offered, plus call and custom variables', () => {
    const groups = availableVariables('a', 'live', nodes, edges, [{ name: 'api_key', value: 's3cret', secret: true }]);
    expect(groups.map((g) => g.title)).toEqual(['Lookup Lead', 'Call Variables', 'Custom Variables', 'Collect Variables']);
    expect(isAvailable('lookup_lead.customer.id', groups)).toBe(true); // untested: any path under it
    expect(isAvailable('caller_name', groups)).toBe(true);
    expect(isAvailable('a.response', availableVariables('b', 'live', nodes, edges, []))).toBe(false); // a sibling branch
    expect(groups.find((g) => g.title === 'Custom Variables')!.variables[0]).toMatchObject({ name: 'api_key', secret: true });
  });

  test('post-call blocks also see post-call variables', () => {
    const names = availableVariables('a', 'post', nodes, edges, []).flatMap((g) => g.variables.map((v) => v.name));
    expect(names).toContain('call.transcript');
    expect(availableVariables('a', 'live', nodes, edges, []).flatMap((g) => g.variables.map((v) => v.name))).not.toContain('call.transcript');
  });

  test('invalid references and their replacements', () => {
    expect(invalidVariables(nodes, edges, [])).toEqual([{ name: 'a.response', nodeIds: ['b'] }]);
    const withoutLookup = nodes.filter((n) => n.id !== 'Lookup Lead');
    const invalid = invalidVariables(withoutLookup, [edge('start', 'Ask'), edge('Ask', 'a'), edge('Ask', 'b')], []);
    expect(invalid.map((i) => i.name)).toEqual(['a.response', 'lookup_lead.customer.id']);
    const offered = replacementsFor(['a', 'b'], nodes, edges, []).flatMap((g) => g.variables.map((v) => v.name));
    expect(offered).toContain('lookup_lead.response');
    expect(offered).not.toContain('a.response');
  });

  test('a tested block offers exactly its published fields; a field gone after a re-test is invalid', () => {
    const tested = nodes.map((n) =>
      n.id === 'Lookup Lead'
        ? {
            ...n,
            data: {
              ...n.data,
              published: [
                { path: 'response', type: 'object' },
                { path: 'customer', type: 'object' },
                { path: 'customer.name', type: 'string', value: 'Ann' },
              ],
            },
          }
        : n,
    );
    const groups = availableVariables('a', 'live', tested, edges, []);
    expect(groups[0]!.variables.map((v) => [v.name, v.type, v.value])).toEqual([
      ['lookup_lead.response', 'object', undefined],
      ['lookup_lead.customer', 'object', undefined],
      ['lookup_lead.customer.name', 'string', 'Ann'],
    ]);
    expect(invalidVariables(tested, edges, []).map((i) => i.name)).toEqual(['a.response', 'lookup_lead.customer.id']);
  });
});
