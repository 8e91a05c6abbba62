import { describe, expect, it } from 'vitest';
import { defaultData } from '../blocks/blockCatalog';
import type { BlockType, FlowEdge, FlowNode, Stage } from './FlowDocument';
import { canConnect } from './canConnect';

const node = (id: string, type: BlockType, stage: Stage = 'live'): FlowNode => ({
  id,
  type,
  stage,
  position: { x: 0, y: 0 },
  data: defaultData(type),
});
const nodes = [
  node('start', 'start'),
  node('talk', 'talk'),
  node('api', 'apiRequest'),
  node('postApi', 'apiRequest', 'post'),
  node('note', 'sticky'),
  node('postFilter', 'filter', 'post'),
];

describe('canConnect', () => {
  it('connects a live output to a live block', () => {
    expect(canConnect(nodes, [], { source: 'start', sourceHandle: 'next', target: 'talk' })).toEqual({ ok: true, kind: 'live' });
  });
  it('lets a live output take one edge only', () => {
    const edges: FlowEdge[] = [{ id: 'e', source: 'start', sourceHandle: 'next', target: 'talk', targetHandle: 'in' }];
    expect(canConnect(nodes, edges, { source: 'start', sourceHandle: 'next', target: 'api' })).toEqual({
      ok: false,
      reason: 'This output is already connected',
    });
  });
  it('lets a post-call output take many edges', () => {
    const edges: FlowEdge[] = [{ id: 'e', source: 'talk', sourceHandle: 'post', target: 'postApi', targetHandle: 'in' }];
    expect(canConnect(nodes, edges, { source: 'talk', sourceHandle: 'post', target: 'postFilter' }).ok).toBe(true);
    expect(canConnect(nodes, edges, { source: 'talk', sourceHandle: 'post', target: 'postApi' })).toEqual({
      ok: false,
      reason: 'These blocks are already connected',
    });
  });
  it('keeps stages apart', () => {
    expect(canConnect(nodes, [], { source: 'talk', sourceHandle: 'post', target: 'api' }).ok).toBe(false);
    expect(canConnect(nodes, [], { source: 'talk', sourceHandle: 'exit:done', target: 'postApi' }).ok).toBe(false);
    expect(canConnect(nodes, [], { source: 'postApi', sourceHandle: 'next', target: 'talk' }).ok).toBe(false);
  });
  it('refuses Start, notes, self-loops and unknown handles as targets', () => {
    expect(canConnect(nodes, [], { source: 'talk', sourceHandle: 'exit:done', target: 'start' }).ok).toBe(false);
    expect(canConnect(nodes, [], { source: 'talk', sourceHandle: 'exit:done', target: 'note' }).ok).toBe(false);
    expect(canConnect(nodes, [], { source: 'talk', sourceHandle: 'exit:done', target: 'talk' }).ok).toBe(false);
    expect(canConnect(nodes, [], { source: 'talk', sourceHandle: 'exit:gone', target: 'api' }).ok).toBe(false);
    expect(canConnect(nodes, [], { source: 'nope', sourceHandle: 'next', target: 'api' }).ok).toBe(false);
  });
  it('accepts a Map of nodes as well as an array', () => {
    expect(canConnect(new Map(nodes.map((n) => [n.id, n])), [], { source: 'start', sourceHandle: 'next', target: 'api' }).ok).toBe(true);
  });
});
