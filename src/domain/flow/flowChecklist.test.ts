import { describe, expect, it } from 'vitest';
import { defaultData } from '../blocks/blockCatalog';
import type { BlockType, FlowEdge, FlowNode, Stage } from './FlowDocument';
import { flowChecklist } from './flowChecklist';

const node = (id: string, type: BlockType, data: Record<string, unknown> = {}, stage: Stage = 'live'): FlowNode => ({
  id,
  type,
  stage,
  position: { x: 0, y: 0 },
  data: { ...defaultData(type), ...data },
});
const edge = (source: string, sourceHandle: string, target: string): FlowEdge => ({
  id: `${source}-${sourceHandle}-${target}`,
  source,
  sourceHandle,
  target,
  targetHandle: 'in',
});

describe('flowChecklist', () => {
  it('reports an unconnected Start', () => {
    expect(flowChecklist([node('start', 'start')], [])).toEqual([
      { nodeId: 'start', blockName: 'Start', messages: ['The next step is not connected'], warnings: [] },
    ]);
  });

  it('is clean for Start → End Call', () => {
    const nodes = [node('start', 'start'), node('end', 'endCall')];
    expect(flowChecklist(nodes, [edge('start', 'next', 'end')])).toEqual([]);
  });

  it('ignores parked blocks that Start cannot reach', () => {
    const nodes = [node('start', 'start'), node('end', 'endCall'), node('parked', 'apiRequest')];
    expect(flowChecklist(nodes, [edge('start', 'next', 'end')])).toEqual([]);
  });

  it('names missing settings and unconnected named handles', () => {
    const nodes = [node('start', 'start'), node('api', 'apiRequest'), node('talk', 'talk', { prompt: '' })];
    const result = flowChecklist(nodes, [edge('start', 'next', 'api'), edge('api', 'next', 'talk')]);
    expect(result.find((r) => r.nodeId === 'api')?.messages).toEqual(['Server URL cannot be empty']);
    expect(result.find((r) => r.nodeId === 'talk')?.messages).toEqual(['Prompt cannot be empty', '“Caller is done” is not connected']);
  });

  it('flags duplicate names, case- and space-insensitively', () => {
    const nodes = [node('start', 'start'), node('a', 'endCall', { name: 'Bye' }), node('b', 'endCall', { name: ' bye ' })];
    const result = flowChecklist(nodes, [edge('start', 'next', 'a'), edge('start', 'post', 'b')]);
    expect(result.map((r) => r.messages[0])).toEqual(['Another block is also named “Bye”', 'Another block is also named “bye”']);
  });

  it('does not require post-call outputs or outputs of post-call blocks', () => {
    const nodes = [node('start', 'start'), node('end', 'endCall'), node('api', 'apiRequest', { url: 'https://x.test' }, 'post')];
    expect(flowChecklist(nodes, [edge('start', 'next', 'end'), edge('end', 'post', 'api')])).toEqual([]);
  });

  it('checks every Filter case and Else', () => {
    const nodes = [node('start', 'start'), node('f', 'filter', { cases: [{ id: 'c1', match: 'all', conditions: [] }] })];
    const result = flowChecklist(nodes, [edge('start', 'next', 'f')]);
    expect(result[0]?.messages).toEqual(['Case 1 has no conditions', '“Case 1” is not connected', '“Else” is not connected']);
  });

  it('reports an empty name', () => {
    const nodes = [node('start', 'start'), node('e', 'endCall', { name: '  ' })];
    expect(flowChecklist(nodes, [edge('start', 'next', 'e')])[0]?.messages).toEqual(['Block name cannot be empty']);
  });
});
