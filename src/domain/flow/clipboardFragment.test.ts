import { describe, expect, it } from 'vitest';
import { defaultData } from '../blocks/blockCatalog';
import type { FlowEdge, FlowNode } from './FlowDocument';
import { copyFragment, instantiateFragment } from './clipboardFragment';
import { parseFragment } from './parseFragment';

const nodes: FlowNode[] = [
  { id: 'start', type: 'start', stage: 'live', position: { x: 0, y: 0 }, data: defaultData('start') },
  { id: 'a', type: 'apiRequest', stage: 'live', position: { x: 0, y: 100 }, data: defaultData('apiRequest') },
  { id: 'b', type: 'endCall', stage: 'live', position: { x: 0, y: 200 }, data: defaultData('endCall') },
];
const edges: FlowEdge[] = [
  { id: 'e1', source: 'start', sourceHandle: 'next', target: 'a', targetHandle: 'in' },
  { id: 'e2', source: 'a', sourceHandle: 'next', target: 'b', targetHandle: 'in' },
];

describe('clipboard fragments', () => {
  it('copies the selection with inner edges only, never Start', () => {
    const f = copyFragment(nodes, edges, new Set(['start', 'a', 'b']));
    expect(f.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(f.edges.map((e) => e.id)).toEqual(['e2']);
  });
  it('round-trips through text and rejects anything else', () => {
    const f = copyFragment(nodes, edges, new Set(['a']));
    expect(parseFragment(JSON.stringify(f))).toEqual(f);
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{"kind":"other"}')).toBeNull();
  });
  it('gives copies fresh ids, unique names and rewired edges', () => {
    let i = 0;
    const f = copyFragment(nodes, edges, new Set(['a', 'b']));
    const copy = instantiateFragment(f, ['Start', 'API Request', 'End Call'], { x: 40, y: 40 }, () => `n${++i}`);
    expect(copy.nodes.map((n) => [n.id, n.data.name, n.position])).toEqual([
      ['n1', 'API Request 2', { x: 40, y: 140 }],
      ['n2', 'End Call 2', { x: 40, y: 240 }],
    ]);
    expect(copy.edges).toEqual([{ id: 'n3', source: 'n1', sourceHandle: 'next', target: 'n2', targetHandle: 'in' }]);
    expect(nodes[1]!.data.name).toBe('API Request');
  });
});
