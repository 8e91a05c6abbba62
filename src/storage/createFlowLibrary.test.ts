import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { newFlow } from '../domain/flow/newFlow';
import { parseFlowValue } from '../domain/flow/parseFlowFile';
import { createFlowStore } from '../store/useFlowStore';
import { createFlowLibrary, RETRY_MS, SAVE_DELAY_MS, SAVE_MAX_WAIT_MS, type FlowLibrary, type PageHooks } from './createFlowLibrary';
import type { FlowDocument } from '../domain/flow/FlowDocument';
import { leavePending, pendingKey, readFlow } from './flowDatabase';
import type { SyncStorage } from './leftCopies';
import { openFlowDatabase, type FlowDatabase } from './openFlowDatabase';

/** localStorage as the browser has it: one per origin, shared by every tab (and `full` when over quota). */
function memoryStorage() {
  const items = new Map<string, string>();
  const storage: SyncStorage & { full: boolean; text(): string; entries(): [string, string][] } = {
    full: false,
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem(k, v) {
      if (storage.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(k, String(v));
    },
    removeItem: (k) => void items.delete(k),
    text: () => [...items.values()].join('\n'),
    entries: () => [...items.entries()],
  };
  return storage;
}

/** What a closing tab leaves when synchronous storage refuses it, written as the library would. */
function leaveInIndexedDb(db: FlowDatabase, doc: FlowDocument, base: number | null, tabId: string) {
  return leavePending(db, { key: pendingKey(doc.id, tabId), flowId: doc.id, tabId, base, at: Date.now() }, doc);
}

/** A page stand-in: its lifecycle events are fired by the test; counts the listeners it holds. */
function fakePage() {
  const listeners = new Map<string, Set<(e: Event) => void>>();
  const hooks: PageHooks = {
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)!.add(listener);
      return () => listeners.get(event)!.delete(listener);
    },
    canvasSize: () => ({ width: 1024, height: 752 }),
  };
  const fire = (event: string, props: object = {}) => {
    const e = Object.assign(new Event(event, { cancelable: true }), props);
    for (const l of listeners.get(event) ?? []) l(e);
    return e;
  };
  return { hooks, fire, count: () => [...listeners.values()].reduce((n, s) => n + s.size, 0) };
}

let dbName = 0;
const opened: { library: FlowLibrary; db: FlowDatabase }[] = [];

/** One browser tab: its own store and library, on the test's shared database and channel name. */
async function tab(channelName: string, leftStorage: SyncStorage = shared) {
  const store = createFlowStore();
  const db = await openFlowDatabase();
  const page = fakePage();
  const library = createFlowLibrary({ store, db, channel: new BroadcastChannel(channelName), page: page.hooks, parseFlowValue, leftStorage });
  opened.push({ library, db });
  return { store, library, page, db };
}

/** Lets IndexedDB and channel messages run (they use real immediates; timers are fake). */
const settle = async () => {
  for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r));
};

/** An edit, as a panel makes it. */
function edit(store: ReturnType<typeof createFlowStore>, greeting: string) {
  const start = store.getState().nodes.find((n) => n.type === 'start')!;
  store.getState().updateBlockData(start.id, { greeting });
}

async function stored(db: FlowDatabase, id: string) {
  return JSON.stringify((await readFlow(db, id))?.doc ?? null);
}

let channel = '';
let shared = memoryStorage();
beforeEach(() => {
  shared = memoryStorage();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  // A fresh database per test: fake-indexeddb keeps them by name in this process.
  indexedDB.deleteDatabase('switchboard');
  channel = `switchboard-test-${++dbName}`;
});
afterEach(async () => {
  for (const { library, db } of opened.splice(0)) {
    library.close();
    db.close();
  }
  vi.useRealTimers();
  await new Promise<void>((resolve) => {
    const r = indexedDB.deleteDatabase('switchboard');
    r.onsuccess = () => resolve();
    r.onerror = () => resolve();
    r.onblocked = () => resolve();
  });
});

describe('when to save', () => {
  test('250 ms after a pause, at most 900 ms after the first change, never for a change that is not one', async () => {
    const { store, library, db } = await tab(channel);
    await library.start(newFlow('f1', 'Flow'));
    await settle();
    const id = store.getState().flowId;
    edit(store, 'One');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 10);
    await settle();
    expect(await stored(db, id)).not.toContain('One');
    // Not "Saved" while the edit is only in memory.
    expect(store.getState().save).toEqual({ status: 'saving' });
    await vi.advanceTimersByTimeAsync(10);
    await settle();
    expect(await stored(db, id)).toContain('One');
    expect(store.getState().save).toEqual({ status: 'saved' });

    // Typing that never pauses is still saved within the maximum wait.
    for (let t = 0; t < SAVE_MAX_WAIT_MS; t += 100) {
      edit(store, `Typing ${t}`);
      await vi.advanceTimersByTimeAsync(100);
    }
    await settle();
    expect(await stored(db, id)).toMatch(/Typing [1-9]\d\d/);
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    await settle();

    // Selecting a block or an edge, or React Flow measuring a block, changes the store, not the
    // flow: nothing is written, and "Saved" stays (no "Saving…" for nothing).
    store.getState().addBlock('talk', { from: 'handle', nodeId: 'start', handleId: 'next', stage: 'live' }, 'live');
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    await settle();
    const before = (await readFlow(db, id))!.revision;
    expect(store.getState().save).toEqual({ status: 'saved' });
    const first = store.getState().nodes[0]!.id;
    store.getState().selectOnly(first);
    store.getState().onNodesChange([{ type: 'dimensions', id: first, dimensions: { width: 261, height: 90 } }]);
    store.getState().onEdgesChange([{ type: 'select', id: store.getState().edges[0]!.id, selected: true }]);
    expect(store.getState().save).toEqual({ status: 'saved' });
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    await settle();
    expect((await readFlow(db, id))!.revision).toBe(before);
    // Moving it is an edit.
    store.getState().onNodesChange([{ type: 'position', id: first, position: { x: 500, y: 500 } }]);
    expect(store.getState().save).toEqual({ status: 'saving' });
  });

  test('a failing disk: “Not saved” with the reason, retried, and leaving asks first', async () => {
    const { store, library, page } = await tab(channel);
    await library.start(newFlow('f1', 'Flow'));
    await settle();
    const put = IDBObjectStore.prototype.put;
    let failing = true;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      edit(store, 'Only here');
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
      await settle();
      expect(store.getState().save).toMatchObject({ status: 'unsaved', reason: expect.stringMatching(/storage is full/i) });
      expect(page.fire('beforeunload').defaultPrevented).toBe(true);
      failing = false;
      await vi.advanceTimersByTimeAsync(RETRY_MS);
      await settle();
      expect(store.getState().save).toEqual({ status: 'saved' });
      expect(library.mustAskBeforeLeaving()).toBe(false);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });
});

/** A tab that creates flow f1 and shows it. */
async function tabWithFlow() {
  const a = await tab(channel);
  await a.library.start(newFlow('f1', 'Flow'));
  await settle();
  return a;
}

/** Tab A creates flow f1; tab B opens after it and shows the same flow. */
async function twoTabs() {
  const a = await tabWithFlow();
  const b = await tab(channel);
  await b.library.start(null);
  await settle();
  return [a, b] as const;
}

describe('two tabs', () => {
  test('a tab with nothing unsaved takes the other’s save; one with unsaved edits is told of the clash and writes nothing over it', async () => {
    const [a, b] = await twoTabs();
    expect(b.store.getState().flowId).toBe('f1');

    const startId = b.store.getState().nodes.find((n) => n.type === 'start')!.id;
    b.store.getState().openPanel(startId);
    edit(a.store, 'From A');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    expect(JSON.stringify(b.store.getState().blocks)).toContain('From A');
    // B's open panel stays open on the updated block.
    expect(b.store.getState().panelNodeId).toBe(startId);

    // Both edit at once: one save lands, the other tab is told and keeps its edit unsaved on screen.
    edit(b.store, 'B edit');
    edit(a.store, 'A edit');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    const statuses = [a.store.getState().save.status, b.store.getState().save.status].sort();
    expect(statuses).toEqual(['conflict', 'saved']);
    const [winner, loser] = a.store.getState().save.status === 'saved' ? [a, b] : [b, a];
    const mine = (t: typeof a) => (t === a ? 'A edit' : 'B edit');
    expect(await stored(a.db, 'f1')).toContain(mine(winner));
    expect(JSON.stringify(loser.store.getState().blocks)).toContain(mine(loser));
    await vi.advanceTimersByTimeAsync(RETRY_MS + SAVE_MAX_WAIT_MS);
    await settle();
    expect(await stored(a.db, 'f1')).toContain(mine(winner));
  });

  test('a tab whose save failed and then clashed never writes over the other tab, even when the disk is back and its retry runs', async () => {
    const [a, b] = await twoTabs();
    const put = IDBObjectStore.prototype.put;
    let failing = true;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if (failing) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      edit(b.store, 'B edit');
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
      await settle();
      expect(b.store.getState().save.status).toBe('unsaved');
      failing = false;
      edit(a.store, 'A edit');
      await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
      await settle();
      expect(b.store.getState().save.status).toBe('conflict');
      await vi.advanceTimersByTimeAsync(RETRY_MS + SAVE_MAX_WAIT_MS);
      await settle();
      expect(await stored(a.db, 'f1')).toContain('A edit');
      expect(await stored(a.db, 'f1')).not.toContain('B edit');
      expect(JSON.stringify(b.store.getState().blocks)).toContain('B edit');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  test('a tab that closes leaves its unsaved edit beside the flow; the open tab applies it, or keeps it as a copy when it saved meanwhile', async () => {
    const [a, b] = await twoTabs();

    edit(a.store, 'A closing');
    a.page.fire('leave');
    a.library.close();
    await settle();
    expect(JSON.stringify(b.store.getState().blocks)).toContain('A closing');
    expect(await stored(b.db, 'f1')).toContain('A closing');

    // Now the race: B saves while A2 holds an unsaved edit, then A2 closes. Neither edit may be lost.
    const a2 = await tab(channel);
    await a2.library.start(null);
    await settle();
    edit(b.store, 'B saved first');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS - 50);
    edit(a2.store, 'A2 closing');
    await vi.advanceTimersByTimeAsync(60);
    await settle();
    expect(a2.store.getState().save).toEqual({ status: 'conflict' });
    a2.page.fire('leave');
    a2.library.close();
    await settle();
    expect(await stored(b.db, 'f1')).toContain('B saved first');
    const names = b.store.getState().flows.map((f) => f.name);
    expect(names).toContain('Flow (from a closed tab)');
    const copy = b.store.getState().flows.find((f) => f.name === 'Flow (from a closed tab)')!;
    expect(await stored(b.db, copy.id)).toContain('A2 closing');
    expect(b.store.getState().notices.at(-1)?.text).toMatch(/kept as “Flow \(from a closed tab\)”/);
  });

  test('a closing tab’s copy is stored before its leave handler returns, so no other tab’s transaction can hold it up', async () => {
    const [a, b] = await twoTabs();
    // Another tab's long transaction on the flows' documents (a slow disk under a big save):
    // Chromium drops a closing page's IndexedDB write that waits behind it.
    const held = b.db.transaction('flowDocs', 'readwrite');
    edit(a.store, 'A closing behind a held store');
    a.page.fire('leave');
    // No await since: the page may be gone at the next task.
    expect(shared.text()).toContain('A closing behind a held store');
    expect(await a.db.count('pending')).toBe(0);
    a.library.close();
    await held.done;
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(await stored(b.db, 'f1')).toContain('A closing behind a held store');
    expect(shared.text()).toBe('');
  });

  test('a copy that synchronous storage refuses (over quota) goes to IndexedDB and is applied the same', async () => {
    const [a, b] = await twoTabs();
    shared.full = true;
    edit(a.store, 'A closing, storage full');
    a.page.fire('leave');
    a.library.close();
    await settle();
    expect(await stored(b.db, 'f1')).toContain('A closing, storage full');
    expect(await b.db.count('pending')).toBe(0);
  });

  test('two tabs applying what a closed tab left at the same moment keep one copy of it, not two', async () => {
    const [a, b] = await twoTabs();
    const c = await tab(channel);
    await c.library.start(null);
    await settle();
    // A's edit clashes with a save B made meanwhile: it must be kept as a copy, exactly once.
    edit(a.store, 'A clashing');
    edit(b.store, 'B saved');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    await settle();
    const loser = a.store.getState().save.status === 'conflict' ? a : b;
    expect(loser.store.getState().save.status).toBe('conflict');
    loser.page.fire('leave');
    loser.library.close();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    const survivors = [a, b, c].filter((t) => t !== loser);
    for (const t of survivors) await t.library.refreshList();
    const copies = (t: typeof a) => t.store.getState().flows.filter((f) => f.name.includes('(from a closed tab)'));
    expect(copies(survivors[0]!)).toHaveLength(1);
    expect(copies(survivors[1]!)).toHaveLength(1);
    expect(shared.text()).toBe('');
  });

  test('a tab that closes while its save is in flight, and that save never lands (another tab’s landed first), overwrites nothing', async () => {
    const [a, b] = await twoTabs();
    // Both saves start together; B's transaction is first in line, so A's finds B's revision and
    // is refused. A closes before it hears so: its copy must not claim the revision A's own write
    // would have made (B's has that number).
    edit(b.store, 'B saved');
    edit(a.store, 'A in flight');
    await vi.advanceTimersByTimeAsync(SAVE_DELAY_MS);
    edit(a.store, 'A closing');
    a.page.fire('leave');
    a.library.close();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(await stored(b.db, 'f1')).toContain('B saved');
    expect(JSON.stringify(b.store.getState().blocks)).toContain('B saved');
    const copy = b.store.getState().flows.find((f) => f.name === 'Flow (from a closed tab)');
    expect(copy).toBeDefined();
    expect(await stored(b.db, copy!.id)).toContain('A closing');
  });

  test('a copy is applied as soon as this tab sees it written, even when the closing tab’s message never arrives', async () => {
    const [a, b] = await twoTabs();
    // A's message is lost: it posts on a channel nobody else listens to.
    const silent = await tab(`${channel}-elsewhere`);
    await silent.library.start(null);
    await settle();
    edit(silent.store, 'Closing without a word');
    silent.page.fire('leave');
    silent.library.close();
    await settle();
    expect(await stored(b.db, 'f1')).not.toContain('Closing without a word');
    const [key] = shared.entries().find(([k]) => k.startsWith('switchboard:left:'))!;
    b.page.fire('stored', { key: 'unrelated', newValue: 'x' });
    await settle();
    expect(shared.text()).toContain('Closing without a word');
    b.page.fire('stored', { key, newValue: shared.getItem(key) });
    await settle();
    expect(await stored(b.db, 'f1')).toContain('Closing without a word');
    expect(JSON.stringify(a.store.getState().blocks)).toContain('Closing without a word');
    expect(shared.text()).toBe('');
  });

  test('a copy applied but not yet removed (the applying tab closed in between) is not applied again', async () => {
    const [a, b] = await twoTabs();
    edit(a.store, 'A closing once');
    a.page.fire('leave');
    const left = shared.entries();
    a.library.close();
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    const applied = await readFlow(b.db, 'f1');
    expect(JSON.stringify(applied?.doc)).toContain('A closing once');
    for (const [k, v] of left) shared.setItem(k, v);
    const next = await tab(channel);
    await next.library.start(null);
    await settle();
    expect((await readFlow(b.db, 'f1'))?.revision).toBe(applied?.revision);
    expect(next.store.getState().flows).toHaveLength(1);
    expect(shared.text()).toBe('');
  });

  test('a tab asked to leave that stays saves its edit a moment later without another edit, and takes its copy back', async () => {
    const a = await tabWithFlow();
    edit(a.store, 'Typed, asked to leave, stayed');
    a.page.fire('beforeunload');
    expect(shared.text()).toContain('Typed, asked to leave, stayed');
    await vi.advanceTimersByTimeAsync(1000 + SAVE_MAX_WAIT_MS);
    await settle();
    expect(await stored(a.db, 'f1')).toContain('Typed, asked to leave, stayed');
    expect(a.store.getState().save).toEqual({ status: 'saved' });
    expect(shared.text()).toBe('');
  });

  test('a tab that stays after another tab applied the copy it left sees no clash with its own work, and saves on top', async () => {
    const [a, b] = await twoTabs();
    edit(a.store, 'Left, applied elsewhere, stayed');
    a.page.fire('beforeunload');
    await settle();
    expect(await stored(b.db, 'f1')).toContain('Left, applied elsewhere, stayed');
    expect(a.store.getState().save.status).not.toBe('conflict');
    edit(a.store, 'Typed after staying');
    await vi.advanceTimersByTimeAsync(1000 + SAVE_MAX_WAIT_MS);
    await settle();
    expect(a.store.getState().save).toEqual({ status: 'saved' });
    expect(await stored(b.db, 'f1')).toContain('Typed after staying');
    expect(JSON.stringify(b.store.getState().blocks)).toContain('Typed after staying');
  });

  test('a tab asked to leave that stays takes its copy back with its next save, but never a copy it left while that save ran', async () => {
    const a = await tabWithFlow();
    // Where the copy is (synchronous storage, else IndexedDB): one entry per left copy.
    const pending = async () => [
      ...(await a.db.getAll('pending')).map((p: { doc: unknown }) => JSON.stringify(p.doc)),
      ...(shared.text() ? shared.text().split('\n') : []),
    ];

    edit(a.store, 'Left, then stayed');
    a.page.fire('leave');
    await settle();
    expect(await pending()).toHaveLength(1);
    edit(a.store, 'Saved after staying');
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    await settle();
    expect(await stored(a.db, 'f1')).toContain('Saved after staying');
    expect(await pending()).toEqual([]);

    // Left again, stayed again, and left once more while the save that would take the first copy
    // back is under way: the copy now there is newer than what that save writes, and stays.
    edit(a.store, 'Left again');
    a.page.fire('leave');
    await settle();
    edit(a.store, 'Being saved');
    await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
    edit(a.store, 'Left during the save');
    a.page.fire('leave');
    await settle();
    expect(await stored(a.db, 'f1')).toContain('Being saved');
    expect(await pending()).toEqual([expect.stringContaining('Left during the save')]);
  });

  test('a closing tab that told before its slow write landed (and is gone before telling again) is still heard: the open tab looks again until it finds it', async () => {
    const [a, b] = await twoTabs();
    edit(a.store, 'A closing, slowly');
    const doc = a.store.getState().toDocument();
    // A closing tab under load: the message goes at once, the write lands 2.5 s later, and the
    // page is gone by then, so nobody says so.
    new BroadcastChannel(channel).postMessage({ type: 'pending', flowId: doc.id, from: 'closing-tab' });
    a.library.close();
    await settle();
    await vi.advanceTimersByTimeAsync(2500);
    await settle();
    await leaveInIndexedDb(b.db, doc, 1, 'closing-tab');
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(1000);
      await settle();
    }
    expect(JSON.stringify(b.store.getState().blocks)).toContain('A closing, slowly');
    expect(await stored(b.db, 'f1')).toContain('A closing, slowly');
  });

  test('what a closed tab left is applied at the next start when no tab was open', async () => {
    const a = await tabWithFlow();
    edit(a.store, 'Typed, then the tab closed');
    a.page.fire('leave');
    a.library.close();
    await settle();
    const next = await tab(channel);
    await next.library.start(null);
    await settle();
    expect(JSON.stringify(next.store.getState().blocks)).toContain('Typed, then the tab closed');
  });

  test('a flow that only a closed tab had is in the list the next start shows (the list is read after what closed tabs left is applied)', async () => {
    const a = await tabWithFlow();
    await leaveInIndexedDb(a.db, newFlow('never-saved', 'Only in the closed tab'), null, 'closed-tab');
    a.library.close();
    const next = await tab(channel);
    await next.library.start(null);
    await settle();
    expect(next.store.getState().flows.map((f) => f.name)).toContain('Only in the closed tab');
  });
});

test('data that cannot be read is set aside, reported, and never opened', async () => {
  const a = await tab(channel);
  await a.library.start(newFlow('good', 'Good'));
  await settle();
  const tx = a.db.transaction(['flowMeta', 'flowDocs'], 'readwrite');
  await tx.objectStore('flowMeta').put({ id: 'bad', name: 'Bad', updatedAt: Date.now() + 10 });
  await tx.objectStore('flowDocs').put({ id: 'bad', revision: 1, savedBy: 'x', doc: { format: 'switchboard-flow', version: 4, nodes: 'not a list' } });
  await tx.done;
  await a.library.refreshList();
  await a.library.openFlow('bad');
  await settle();
  expect(a.store.getState().flowId).toBe('good');
  expect(a.store.getState().notices.at(-1)?.text).toMatch(/“Bad” could not be read .* set aside untouched/);
  expect(a.store.getState().flows.map((f) => f.id)).toEqual(['good']);
  expect((await a.db.getAll('quarantine')).map((q) => q.flowId)).toEqual(['bad']);
});

test('close() releases what the library holds: no listener left, nothing saved after', async () => {
  const a = await tabWithFlow();
  expect(a.page.count()).toBe(4);
  a.library.close();
  expect(a.page.count()).toBe(0);
  edit(a.store, 'After close');
  await vi.advanceTimersByTimeAsync(SAVE_MAX_WAIT_MS);
  await settle();
  expect(await stored(a.db, 'f1')).not.toContain('After close');
});
