import { beforeEach, describe, expect, it } from 'vitest';
import { newFlow } from '../domain/flow/newFlow';
import { useFlowStore } from './useFlowStore';

const store = () => useFlowStore.getState();
const names = () => store().nodes.map((n) => store().blocks[n.id]?.name);

beforeEach(() => store().loadDocument(newFlow('f1', 'Test')));

describe('flow store', () => {
  it("opening another flow drops the previous flow's checklist: pending until this one is checked", async () => {
    // A Talk whose exit leads nowhere: one problem in this flow.
    const talk = store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    await expect.poll(() => store().checklistPending).toBe(false);
    await expect.poll(() => store().checklist.find((p) => p.nodeId === talk)?.messages.length).toBeGreaterThan(0);

    store().loadDocument(newFlow('f2', 'Other'));
    expect(store().checklistPending).toBe(true);
    expect(store().checklist).toEqual([]);
    expect(store().invalidRefs.size).toBe(0);
    await expect.poll(() => store().checklistPending).toBe(false);
    expect(store().checklist.map((p) => p.nodeId)).not.toContain(talk);

    // The same flow again (another tab saved it): its marks stay until the re-check, no flicker.
    const checked = store().checklist;
    store().loadDocument(store().toDocument());
    expect(store().checklistPending).toBe(false);
    expect(store().checklist).toBe(checked);
  });

  it('adds a block from an output: connected, uniquely named, selected, panel open', () => {
    const a = store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    const b = store().addBlock('talk', { from: 'toolbar' }, 'live', { x: 500, y: 0 });
    expect(names()).toEqual(['Start', 'Talk', 'Talk 2']);
    expect(store().edges).toMatchObject([{ source: 'start', sourceHandle: 'next', target: a }]);
    expect(
      store()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id),
    ).toEqual([b]);
    expect(store().panelNodeId).toBe(b);
  });

  it('undoes a burst of typing in one step, and a different field in another', () => {
    const id = store().addBlock('endCall', { from: 'toolbar' }, 'live');
    for (const name of ['B', 'By', 'Bye']) store().updateBlockData(id, { name }, 'name');
    store().updateBlockData(id, { message: 'See you' }, 'message');
    store().undo();
    expect(store().blocks[id]).toMatchObject({ name: 'Bye', message: 'Thank you for calling. Goodbye!' });
    store().undo();
    expect(store().blocks[id]?.name).toBe('End Call');
    store().redo();
    expect(store().blocks[id]?.name).toBe('Bye');
  });

  it('drops the edge of a deleted exit condition with the same undo step', () => {
    const talk = store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    store().addBlock('endCall', { from: 'handle', nodeId: talk, handleId: 'exit:done', stage: 'live' }, 'live');
    expect(store().edges).toHaveLength(2);
    store().updateBlockData(talk, { exits: [] });
    expect(store().edges).toHaveLength(1);
    store().undo();
    expect(store().edges).toHaveLength(2);
  });

  it('never deletes Start; deleting a block takes its edges and settings, and undo brings all back', () => {
    const talk = store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    useFlowStore.setState({ nodes: store().nodes.map((n) => ({ ...n, selected: true })) });
    store().deleteSelection();
    expect(store().nodes.map((n) => n.id)).toEqual(['start']);
    expect(store().edges).toEqual([]);
    expect(store().blocks[talk]).toBeUndefined();
    store().undo();
    expect(store().blocks[talk]?.name).toBe('Talk');
    expect(store().edges).toHaveLength(1);
  });

  it('copies and pastes the selection with its inner edges under new ids and names', () => {
    const talk = store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    const end = store().addBlock('endCall', { from: 'handle', nodeId: talk, handleId: 'exit:done', stage: 'live' }, 'live');
    useFlowStore.setState({ nodes: store().nodes.map((n) => ({ ...n, selected: n.id === talk || n.id === end })) });
    store().pasteFragment(store().copySelection()!);
    expect(names()).toEqual(['Start', 'Talk', 'End Call', 'Talk 2', 'End Call 2']);
    const [copyTalk, copyEnd] = store()
      .nodes.slice(3)
      .map((n) => n.id);
    expect(store().edges.at(-1)).toMatchObject({ source: copyTalk, target: copyEnd, sourceHandle: 'exit:done' });
  });

  it('marks post-call edges so they draw dotted, and refuses invalid connections', () => {
    const talk = store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    const post = store().addBlock('apiRequest', { from: 'handle', nodeId: talk, handleId: 'post', stage: 'post' }, 'post');
    expect(store().edges.find((e) => e.target === post)?.className).toBe('post');
    expect(store().connect({ source: 'start', sourceHandle: 'next', target: post, targetHandle: 'in' })).toBe(false);
  });

  it('organizes in one undo step', async () => {
    store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    const before = store().nodes.map((n) => n.position);
    await store().organize();
    store().undo();
    expect(store().nodes.map((n) => n.position)).toEqual(before);
  });

  it('round-trips the document', () => {
    store().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    const doc = store().toDocument();
    store().loadDocument(doc);
    expect(store().toDocument()).toEqual(doc);
  });
});

describe('saved tests', () => {
  it('follow a block rename (names, paths, variables) and undo with it; a name shared by two blocks is left alone', () => {
    const id = store().addBlock('apiRequest', { from: 'handle', nodeId: store().nodes[0]!.id, handleId: 'next', stage: 'live' }, 'live');
    store().updateBlockData(id, { name: 'Find order' });
    store().setTests([
      {
        name: 'T',
        apis: { 'Find order': { mode: 'last' } },
        steps: [{ expect: { visited: ['find order'] } }],
        expect: { path: ['Start', 'Find order'], variables: { 'find_order.status': { equals: 'x' } }, api: [{ block: 'Find order' }] },
      },
    ]);
    store().updateBlockData(id, { name: 'Lookup' });
    expect(store().tests[0]).toEqual({
      name: 'T',
      apis: { Lookup: { mode: 'last' } },
      steps: [{ expect: { visited: ['Lookup'] } }],
      expect: { path: ['Start', 'Lookup'], variables: { 'lookup.status': { equals: 'x' } }, api: [{ block: 'Lookup' }] },
    });
    store().undo();
    expect(store().tests[0]!.apis).toEqual({ 'Find order': { mode: 'last' } });
    store().undo();
    expect(store().tests).toEqual([]);
    store().redo();
    const other = store().addBlock('endCall', { from: 'handle', nodeId: id, handleId: 'next', stage: 'live' }, 'live');
    store().updateBlockData(other, { name: 'Find order' });
    const before = store().tests;
    store().updateBlockData(id, { name: 'Renamed' });
    expect(store().tests).toBe(before);
  });
});
