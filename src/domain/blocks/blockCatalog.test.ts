import { describe, expect, it, test } from 'vitest';
import { blockCatalog, defaultData, outputsOf, pickerBlocks } from './blockCatalog';
import { blockSchemas } from './blockSchemas';

describe('blockCatalog', () => {
  it('offers API Request under Data and automation, on both stages', () => {
    expect(blockCatalog.apiRequest.category).toBe('Data and automation');
    expect(pickerBlocks('live').map((d) => d.label)).toEqual(['Talk', 'Collect', 'Filter', 'End Call', 'API Request']);
    expect(pickerBlocks('post').map((d) => d.label)).toEqual(['Filter', 'API Request']);
  });
  it('gives defaults, and each schema fills what stored data lacks', () => {
    expect(defaultData('apiRequest')).toMatchObject({
      name: 'API Request',
      configured: false,
      method: 'GET',
      url: '',
      timeoutSeconds: 10,
      errorHandling: false,
    });
    // A block stored before Setup existed (issue 2's format) reads as configured, with every new default.
    expect(blockSchemas.apiRequest.parse({ name: 'Old', method: 'POST', url: 'https://x.example' })).toEqual({
      ...defaultData('apiRequest'),
      name: 'Old',
      method: 'POST',
      url: 'https://x.example',
      configured: true,
    });
    expect(outputsOf({ type: 'apiRequest', stage: 'live', data: { ...defaultData('apiRequest'), errorHandling: true } }).map((h) => h.label)).toEqual([
      'Success',
      'Error',
      'Post-call',
    ]);
    expect(blockSchemas.talk.parse({ prompt: 'Hi' })).toMatchObject({ name: 'Talk', prompt: 'Hi', exits: [{ id: 'done', label: 'Caller is done' }] });
    // Each call gives a fresh copy: editing one new block's defaults never leaks into the next.
    (defaultData('talk').exits as unknown[]).push('x');
    expect(defaultData('talk').exits).toHaveLength(1);
  });
  it('adds a post-call output to live blocks and makes every output post-call on post-call blocks', () => {
    expect(outputsOf({ type: 'endCall', stage: 'live', data: defaultData('endCall') }).map((h) => [h.id, h.kind])).toEqual([['post', 'post']]);
    expect(outputsOf({ type: 'start', stage: 'live', data: defaultData('start') }).map((h) => h.id)).toEqual(['next']);
    expect(outputsOf({ type: 'filter', stage: 'post', data: defaultData('filter') }).map((h) => [h.id, h.kind, h.required])).toEqual([
      ['case:c1', 'post', false],
      ['else', 'post', false],
    ]);
    expect(outputsOf({ type: 'sticky', stage: 'live', data: defaultData('sticky') })).toEqual([]);
  });
  it('turns exit conditions and cases into handles', () => {
    const talk = {
      ...defaultData('talk'),
      exits: [
        { id: 'a', label: 'Wants sales' },
        { id: 'b', label: 'Wants support' },
      ],
    };
    expect(outputsOf({ type: 'talk', stage: 'live', data: talk }).map((h) => h.label)).toEqual(['Wants sales', 'Wants support', 'Post-call']);
  });
});

describe('one home per block', () => {
  test('every declared type has a definition, a schema and (unless it is a note) an executor', async () => {
    const { BLOCK_TYPES } = await import('../flow/FlowDocument');
    const { flowNodeSchema } = await import('../flow/flowSchema');
    for (const type of BLOCK_TYPES) {
      const definition = blockCatalog[type];
      expect(definition.type).toBe(type);
      expect(blockSchemas[type].parse(defaultData(type))).toEqual(defaultData(type));
      expect(flowNodeSchema.safeParse({ id: 'x', type, position: { x: 0, y: 0 }, stage: 'live', data: {} }).success).toBe(true);
      if (definition.kind === 'note') expect(definition.executor).toBeUndefined();
      else expect(typeof (await definition.executor!())).toBe('function');
    }
    expect(BLOCK_TYPES.filter((t) => blockCatalog[t].kind === 'trigger')).toEqual(['start']);
  });
});
