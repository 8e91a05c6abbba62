import type { FlowDocument } from '../domain/flow/FlowDocument';
import type { Viewport } from '../domain/flow/fitViewport';
import type { FlowDatabase, FlowDocRecord, FlowMeta, PendingRecord } from './openFlowDatabase';

export type SaveResult = { ok: true; revision: number } | { ok: false; conflict: { revision: number; savedBy: string } };

/**
 * Writes a flow if the stored revision is still the one this tab last saw (`expected`; null for a
 * new flow). Otherwise another tab saved in between: the transaction is aborted, nothing is
 * written, and the caller decides. All requests are issued before this function first yields:
 * work queued after an await would not even start if the page went away meanwhile.
 *
 * It never holds the `pending` store: a closing tab's leavePending must never wait behind another
 * tab's save. Chromium drops a closing page's transaction that is still queued behind another
 * connection's, commit() or not (README, "How the suite is checked for flakes").
 */
export async function saveFlow(db: FlowDatabase, doc: FlowDocument, expected: number | null, tabId: string): Promise<SaveResult> {
  const tx = db.transaction(['flowMeta', 'flowDocs'], 'readwrite');
  // Every outcome is observed, so an aborted transaction (a conflict, a full disk) never surfaces
  // as an uncaught AbortError; the error itself reaches the caller through `writes` or `done`.
  const done = tx.done;
  done.catch(() => undefined);
  const revision = (expected ?? 0) + 1;
  // Each request's promise is observed as soon as it exists: an abort rejects all of them.
  const observed = <T>(p: Promise<T>) => {
    p.catch(() => undefined);
    return p;
  };
  let read: Promise<FlowDocRecord | undefined>;
  let writes: Promise<unknown>;
  try {
    read = observed(tx.objectStore('flowDocs').get(doc.id));
    const putDoc = observed(tx.objectStore('flowDocs').put({ id: doc.id, revision, savedBy: tabId, doc }));
    const putMeta = observed(tx.objectStore('flowMeta').put({ id: doc.id, name: doc.name, updatedAt: Date.now() }));
    writes = observed(Promise.all([putDoc, putMeta]));
  } catch (error) {
    // A request that throws as it is made (a value that cannot be stored) would otherwise leave
    // the ones made before it to commit alone: the document written, its list entry not.
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    throw error;
  }
  const current = await read;
  if (current && current.revision !== expected) {
    if (current.savedBy === tabId && current.revision > (expected ?? 0)) {
      // This tab's own write that it never heard back from (the page was busy, the call threw
      // after the commit): not another tab's work, so not a conflict. Write on top of it.
      const next = current.revision + 1;
      await Promise.all([tx.objectStore('flowDocs').put({ id: doc.id, revision: next, savedBy: tabId, doc }), writes]);
      await done;
      return { ok: true, revision: next };
    }
    // Abort rolls back the writes queued above: they never commit.
    tx.abort();
    await Promise.allSettled([writes, done]);
    return { ok: false, conflict: { revision: current.revision, savedBy: current.savedBy } };
  }
  await writes;
  await done;
  return { ok: true, revision };
}

export const pendingKey = (flowId: string, tabId: string) => `${flowId}\u0000${tabId}`;

/**
 * Takes back what this tab left on a leave it then did not go through with (the user stayed): the
 * tab still holds that work, and its next save supersedes it. Asked for once that save has landed,
 * in a transaction of its own (see saveFlow for why a save does not hold `pending`).
 */
export async function dropPending(db: FlowDatabase, flowId: string, tabId: string): Promise<void> {
  await db.delete('pending', pendingKey(flowId, tabId));
}

/**
 * The tab is closing and synchronous storage refused its copy (leftCopies): the copy goes beside
 * the flow, never over it. One request, issued and committed before this function first yields
 * (work queued after an await would not even start while the page goes away).
 */
export async function leavePending(db: FlowDatabase, record: Omit<PendingRecord, 'doc'>, doc: FlowDocument): Promise<void> {
  const tx = db.transaction('pending', 'readwrite');
  const done = tx.done;
  done.catch(() => undefined);
  const put = tx.objectStore('pending').put({ ...record, doc });
  put.catch(() => undefined);
  tx.commit();
  await put;
  await done;
}

export type Reconciled =
  { flowId: string; tabId: string; outcome: 'applied'; revision: number } | { flowId: string; tabId: string; outcome: 'copied'; copyId: string; name: string };

/**
 * Applies what closed tabs left (leftCopies, leavePending), in the order they left it: a copy based
 * on the stored revision (or on nothing newer than its own tab's saves) becomes the next revision;
 * one based on a revision another tab has since replaced is kept as a new flow, "(from a closed
 * tab)". Nothing is overwritten and nothing is dropped. `except` is this tab (its own record is its
 * live state, not a leftover). `copyName` names a copy given the flow's name. `left` are the
 * copies read from synchronous storage, which the caller removes once this has landed.
 *
 * Applying a record twice changes nothing (two tabs told at once, or a tab gone between this
 * landing and its removal of `left`): what its tab already wrote, or its copy, is skipped.
 */
export async function reconcilePending(
  db: FlowDatabase,
  except: string,
  copyName: (name: string) => string,
  flowId?: string,
  left: readonly PendingRecord[] = [],
): Promise<Reconciled[]> {
  const tx = db.transaction(['flowMeta', 'flowDocs', 'pending'], 'readwrite');
  const done = tx.done;
  done.catch(() => undefined);
  const store = tx.objectStore('pending');
  const stored = flowId ? await store.index('flowId').getAll(flowId) : await store.getAll();
  const all = [...stored, ...left].filter((p) => p.tabId !== except).sort((a, b) => a.at - b.at);
  const out: Reconciled[] = [];
  for (const p of all) {
    const current = await tx.objectStore('flowDocs').get(p.flowId);
    const doc = p.doc as { id: string; name?: unknown };
    const name = typeof doc.name === 'string' ? doc.name : 'Untitled flow';
    const copied = p.copyId !== undefined && (await tx.objectStore('flowDocs').get(p.copyId)) !== undefined;
    const applied = current?.savedBy === p.tabId && JSON.stringify(current.doc) === JSON.stringify(p.doc);
    if (copied || applied) {
      await store.delete(p.key);
      continue;
    }
    if (!current || current.revision === p.base || current.savedBy === p.tabId) {
      const revision = (current?.revision ?? 0) + 1;
      await tx.objectStore('flowDocs').put({ id: p.flowId, revision, savedBy: p.tabId, doc: p.doc });
      await tx.objectStore('flowMeta').put({ id: p.flowId, name, updatedAt: p.at });
      out.push({ flowId: p.flowId, tabId: p.tabId, outcome: 'applied', revision });
    } else {
      const copyId = p.copyId ?? crypto.randomUUID();
      const copyNamed = copyName(name);
      await tx.objectStore('flowDocs').put({ id: copyId, revision: 1, savedBy: p.tabId, doc: { ...doc, id: copyId, name: copyNamed } });
      await tx.objectStore('flowMeta').put({ id: copyId, name: copyNamed, updatedAt: p.at });
      out.push({ flowId: p.flowId, tabId: p.tabId, outcome: 'copied', copyId, name: copyNamed });
    }
    await store.delete(p.key);
  }
  await done;
  return out;
}

/** Writes a flow whatever another tab saved, when the user chose to keep this version. */
export async function overwriteFlow(db: FlowDatabase, doc: FlowDocument, tabId: string): Promise<number> {
  const current = await db.get('flowDocs', doc.id);
  const result = await saveFlow(db, doc, current?.revision ?? null, tabId);
  if (!result.ok) return overwriteFlow(db, doc, tabId);
  return result.revision;
}

/**
 * A stored list entry as the sidebar can show it, whatever is in the store: one damaged entry (a
 * name that is not text, a date that is not a date) must not take the whole app down on every load.
 * The document it points to is validated when it is opened, like any other.
 */
export function readFlowMeta(raw: unknown): FlowMeta | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) return null;
  const updatedAt = typeof r.updatedAt === 'number' && Number.isFinite(r.updatedAt) && Number.isFinite(new Date(r.updatedAt).getTime()) ? r.updatedAt : 0;
  return { id: r.id, name: typeof r.name === 'string' && r.name.trim() ? r.name : 'Untitled flow', updatedAt };
}

export async function listFlows(db: FlowDatabase): Promise<FlowMeta[]> {
  const all = (await db.getAll('flowMeta')).map(readFlowMeta).filter((m): m is FlowMeta => m !== null);
  return all.sort((a, b) => b.updatedAt - a.updatedAt);
}

export function readFlow(db: FlowDatabase, id: string) {
  return db.get('flowDocs', id);
}

export async function readViewport(db: FlowDatabase, id: string): Promise<Viewport | undefined> {
  return (await db.get('viewports', id))?.viewport;
}

export async function saveViewport(db: FlowDatabase, id: string, viewport: Viewport) {
  await db.put('viewports', { id, viewport });
}

/** Takes an entry off the flow list (one whose document is missing). */
export async function deleteFlowMeta(db: FlowDatabase, id: string) {
  await db.delete('flowMeta', id);
}

export async function renameStoredFlow(db: FlowDatabase, id: string, name: string) {
  const meta = await db.get('flowMeta', id);
  if (meta) await db.put('flowMeta', { ...meta, name });
}

/** Deleting moves the flow to the trash, so Undo can bring it back whole. */
export async function trashFlow(db: FlowDatabase, id: string) {
  const tx = db.transaction(['flowMeta', 'flowDocs', 'trash'], 'readwrite');
  const meta = await tx.objectStore('flowMeta').get(id);
  const doc = await tx.objectStore('flowDocs').get(id);
  if (meta && doc) await tx.objectStore('trash').put({ meta, doc, deletedAt: Date.now() });
  await Promise.all([tx.objectStore('flowMeta').delete(id), tx.objectStore('flowDocs').delete(id)]);
  await tx.done;
}

export async function restoreFlow(db: FlowDatabase, id: string) {
  const tx = db.transaction(['flowMeta', 'flowDocs', 'trash'], 'readwrite');
  const item = await tx.objectStore('trash').get(id);
  if (item) {
    await Promise.all([tx.objectStore('flowMeta').put(item.meta), tx.objectStore('flowDocs').put(item.doc), tx.objectStore('trash').delete(id)]);
  }
  await tx.done;
}

/** Data that cannot be read is moved aside whole, never overwritten, and reported. */
export async function quarantineFlow(db: FlowDatabase, id: string, name: string, reason: string, raw: unknown) {
  const tx = db.transaction(['flowMeta', 'flowDocs', 'quarantine'], 'readwrite');
  await tx.objectStore('quarantine').add({ flowId: id, name, reason, raw, at: Date.now() });
  await Promise.all([tx.objectStore('flowMeta').delete(id), tx.objectStore('flowDocs').delete(id)]);
  await tx.done;
}

export function listQuarantine(db: FlowDatabase) {
  return db.getAll('quarantine');
}

export async function readSession(db: FlowDatabase) {
  return (await db.get('session', 'session'))?.openFlowId;
}

export async function writeSession(db: FlowDatabase, openFlowId: string) {
  await db.put('session', { key: 'session', openFlowId });
}
