import { fitViewport, type Viewport } from '../domain/flow/fitViewport';
import type { FlowDocument } from '../domain/flow/FlowDocument';
import { newFlow } from '../domain/flow/newFlow';
import type { parseFlowValue as ParseFlowValue } from '../domain/flow/parseFlowFile';
import { DEFAULT_BLOCK_SIZE } from '../store/canvasTypes';
import { useFlowStore } from '../store/useFlowStore';
import {
  listFlows, listQuarantine, openFlowDatabase, overwriteFlow, quarantineFlow, readFlow, readSession, readViewport,
  saveFlow, saveViewport, writeSession, deleteFlowMeta, leavePending, reconcilePending, type FlowDatabase,
} from './flowDatabase';
import { describeStorageError } from './describeStorageError';
import { download } from './download';
import { uniqueName } from '../domain/flow/uniqueName';

/**
 * Keeps the open flow safe: autosave to IndexedDB (within a second of a change, at once when the
 * tab is hidden or closed), revision checks so two tabs never silently overwrite each other, and
 * the flow list, import and export. Modelled on how Excalidraw and tldraw keep local work: the
 * in-memory document is the truth; storage failures are shown and retried, never fatal.
 */

const SAVE_DELAY_MS = 250;
const SAVE_MAX_WAIT_MS = 900;
const RETRY_MS = 3000;

const tabId = crypto.randomUUID();
/**
 * Reading a flow validates it (zod schemas): that code loads in parallel with opening the
 * database instead of being part of the editor's first load.
 */
let parseFlowValue: typeof ParseFlowValue = () => ({ ok: false, error: 'The flow reader is not loaded yet.' });
const store = useFlowStore.getState;
let db: FlowDatabase | null = null;
let channel: BroadcastChannel | null = null;

/** Revision of the open flow as last written or read by this tab. */
let knownRevision: number | null = null;
/** The open flow as last saved, to skip saves of changes that are not changes (selection). */
let savedJson = '';
let dirty = false;
let saving: Promise<void> | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let firstDirtyAt = 0;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
/** The last write failed (full disk, blocked storage): until one succeeds, this tab may hold the only copy. */
let storageFailing = false;
let pendingViewport: { id: string; viewport: Viewport } | null = null;
let viewportTimer: ReturnType<typeof setTimeout> | null = null;

type Outgoing = { type: 'saved'; flowId: string; revision: number } | { type: 'list' } | { type: 'pending'; flowId: string };
type Message = Outgoing & { from: string };

function broadcast(message: Outgoing) {
  channel?.postMessage({ ...message, from: tabId });
}

async function refreshList() {
  if (db) store().setFlows(await listFlows(db));
}

function fittedViewport(doc: FlowDocument): Viewport {
  return fitViewport(
    doc.nodes.map((n) => ({ ...n.position, width: n.width ?? DEFAULT_BLOCK_SIZE.width, height: n.height ?? DEFAULT_BLOCK_SIZE.height })),
    window.innerWidth - 260,
    window.innerHeight - 48,
  );
}

/** Puts a document in the editor, as saved at `revision`. */
function show(doc: FlowDocument, revision: number | null, viewport: Viewport | undefined) {
  useFlowStore.setState({ initialViewport: viewport ?? fittedViewport(doc) });
  store().loadDocument(doc);
  knownRevision = revision;
  savedJson = JSON.stringify(store().toDocument());
  dirty = false;
  store().setSave(db ? { status: 'saved' } : unavailable);
}

const unavailable = { status: 'unsaved', reason: 'This browser window does not allow local storage, so nothing is saved. Export your flow to keep it.' } as const;

// ---------------------------------------------------------------------------------------------
// Autosave

function markDirty() {
  if (!dirty) firstDirtyAt = Date.now();
  dirty = true;
  if (store().save.status === 'conflict') return;
  if (timer) clearTimeout(timer);
  // Debounced, but never later than SAVE_MAX_WAIT_MS after the first unsaved change.
  const wait = Math.max(0, Math.min(SAVE_DELAY_MS, firstDirtyAt + SAVE_MAX_WAIT_MS - Date.now()));
  timer = setTimeout(() => void saveNow(), wait);
}

/** Saves the open flow if it changed. Safe to call at any time; concurrent calls queue. */
export async function saveNow(force = false): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  while (saving) await saving;
  if (!db || !dirty || (store().save.status === 'conflict' && !force)) return;
  // Mid-drag: the drop marks the flow changed again and saves then (a save costs frames).
  if (store().gesture && !force) return;
  const doc = store().toDocument();
  let json: string;
  try {
    json = JSON.stringify(doc);
  } catch (error) {
    // A value nested past what JSON can write (a crafted file): say so, never fail silently.
    store().setSave({ status: 'unsaved', reason: `This flow cannot be saved: ${(error as Error).message}. Export what you can and remove the deeply nested value.` });
    return;
  }
  if (json === savedJson && !force) {
    dirty = false;
    if (store().save.status !== 'saved') store().setSave({ status: 'saved' });
    return;
  }
  saving = write(doc, json, force);
  try {
    await saving;
  } finally {
    saving = null;
  }
}

/** The revision the write in flight will create, for a write that cannot wait for it (tab closing). */
let writingRevision: number | null = null;

async function write(doc: FlowDocument, json: string, force: boolean, expected = knownRevision) {
  store().setSave({ status: 'saving' });
  const started = performance.now();
  writingRevision = (expected ?? 0) + 1;
  try {
    const result = force ? { ok: true as const, revision: await overwriteFlow(db!, doc, tabId) } : await saveFlow(db!, doc, expected, tabId);
    if (!result.ok) {
      store().setSave({ status: 'conflict' });
      return;
    }
    performance.measure('switchboard:save', { start: started, end: performance.now() });
    storageFailing = false;
    knownRevision = result.revision;
    savedJson = json;
    // Edits made while this save ran are still unsaved.
    dirty = JSON.stringify(store().toDocument()) !== json;
    store().setSave(dirty ? { status: 'saving' } : { status: 'saved' });
    broadcast({ type: 'saved', flowId: doc.id, revision: result.revision });
    void refreshList();
    if (dirty) markDirty();
  } catch (error) {
    storageFailing = true;
    store().setSave({ status: 'unsaved', reason: describeStorageError(error) });
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void saveNow(), RETRY_MS);
  } finally {
    writingRevision = null;
  }
}

/**
 * The tab is closing: what is unsaved goes beside the flow at once (leavePending), never over it,
 * since there is no time left to check that no other tab saved a newer revision meanwhile.
 * Another open tab applies it now; otherwise the next start does. Both keep it as a copy
 * rather than overwrite newer work.
 */
function flushOnLeave() {
  void flushViewport();
  if (!db || !dirty) return;
  const doc = store().toDocument();
  let json: string;
  try { json = JSON.stringify(doc); } catch { return; }
  if (json === savedJson) return;
  if (timer) clearTimeout(timer);
  timer = null;
  // A write in flight will most likely land: this copy builds on the revision it creates.
  const base = writingRevision ?? knownRevision;
  void leavePending(db, doc, base, tabId).then(() => broadcast({ type: 'pending', flowId: doc.id }), () => undefined);
}

/** The tab is hidden (it may never come back): save now, the normal way. */
function flushOnHide() {
  void flushViewport();
  if (dirty && store().save.status !== 'conflict') void saveNow();
}

/** Applies what closed tabs left behind (see flushOnLeave); says what became of it. */
async function reconcile(flowId?: string) {
  if (!db) return;
  let results: Awaited<ReturnType<typeof reconcilePending>>;
  try {
    results = await reconcilePending(db, tabId, (name) => uniqueName(`${name} (from a closed tab)`, store().flows.map((f) => f.name)), flowId);
  } catch {
    return; // tried again at the next message or start; the records stay where they are
  }
  if (!results.length) return;
  await refreshList();
  for (const r of results) {
    if (r.outcome === 'copied') store().notify({ tone: 'info', text: `A tab that closed had unsaved changes to a flow that was changed meanwhile here or elsewhere. Nothing was overwritten: they are kept as “${r.name}”.` });
    else {
      // Every other open tab learns of the write as of any other save.
      broadcast({ type: 'saved', flowId: r.flowId, revision: r.revision });
      if (r.flowId === store().flowId) await onMessage({ type: 'saved', flowId: r.flowId, revision: r.revision, from: r.tabId });
    }
  }
}

export function rememberViewport(viewport: Viewport) {
  const id = store().flowId;
  if (!id) return;
  pendingViewport = { id, viewport };
  if (viewportTimer) clearTimeout(viewportTimer);
  viewportTimer = setTimeout(() => void flushViewport(), 400);
}

async function flushViewport() {
  const pending = pendingViewport;
  pendingViewport = null;
  if (pending && db) await saveViewport(db, pending.id, pending.viewport).catch(() => undefined);
}

// ---------------------------------------------------------------------------------------------
// Opening flows

async function loadStored(id: string): Promise<boolean> {
  if (!db) return false;
  const record = await readFlow(db, id);
  if (!record) {
    // Listed, but its document is gone (cleared by the browser, a save that never finished):
    // say so rather than do nothing, and offer to take the entry off the list.
    const meta = store().flows.find((f) => f.id === id);
    if (meta) {
      store().notify({
        tone: 'error',
        text: `“${meta.name}” cannot be opened: its content is missing from this browser’s storage. Nothing else is affected.`,
        action: { label: 'Remove it from the list', run: () => void removeListEntry(id) },
      });
    }
    return false;
  }
  const parsed = parseFlowValue(record.doc);
  if (!parsed.ok) {
    const meta = store().flows.find((f) => f.id === id);
    await quarantineFlow(db, id, meta?.name ?? id, parsed.error, record.doc);
    reportQuarantine(meta?.name ?? id, parsed.error, record.doc);
    await refreshList();
    return false;
  }
  show(parsed.flow, record.revision, await readViewport(db, id));
  await writeSession(db, id);
  return true;
}

async function removeListEntry(id: string) {
  if (!db) return;
  await deleteFlowMeta(db, id);
  await refreshList();
  broadcast({ type: 'list' });
}

function reportQuarantine(name: string, reason: string, raw: unknown) {
  store().notify({
    tone: 'error',
    text: `The saved flow “${name}” could not be read (${reason}) It was set aside untouched.`,
    action: { label: 'Download its data', run: () => download(`${name}.unreadable.json`, JSON.stringify(raw, null, 2)) },
  });
}

async function createAndOpen(doc: FlowDocument) {
  show(doc, null, undefined);
  if (!db) return;
  dirty = true;
  await saveNow(true);
  await writeSession(db, doc.id);
}

/** Opens the app's storage and the flow to show: the boot document, the last one open, or a new one. */
export async function startLibrary(bootValue: unknown) {
  const [database, reader] = await Promise.all([openFlowDatabase().catch(() => null), import('../domain/flow/parseFlowFile')]);
  db = database;
  parseFlowValue = reader.parseFlowValue;
  const parsedBoot = bootValue === undefined ? null : parseFlowValue(bootValue);
  const boot = parsedBoot?.ok ? parsedBoot.flow : null;
  if (!db) {
    show(boot ?? newFlow(crypto.randomUUID()), null, undefined);
    return;
  }
  channel = 'BroadcastChannel' in window ? new BroadcastChannel('switchboard') : null;
  if (channel) channel.onmessage = (e: MessageEvent<Message>) => void onMessage(e.data);
  useFlowStore.subscribe((s, prev) => {
    if (s.flowId !== prev.flowId) return;
    // Not while a block is being dragged: a save mid-drag would cost frames. The drop saves.
    if (s.gesture) return;
    const dropped = prev.gesture !== null;
    if (dropped || s.nodes !== prev.nodes || s.edges !== prev.edges || s.blocks !== prev.blocks || s.flowName !== prev.flowName || s.variables !== prev.variables || s.tests !== prev.tests) markDirty();
  });
  document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flushOnHide());
  window.addEventListener('pagehide', flushOnLeave);
  window.addEventListener('beforeunload', (e) => {
    // Read before flushing: the flush marks the status "saving" at once (as does a retry in
    // flight), and a failing storage would then never get the question below.
    const status = store().save.status;
    const unsaved = dirty && (storageFailing || status === 'unsaved');
    flushOnLeave();
    // Storage failed: the only copy is this tab, so ask before it goes.
    if (unsaved || status === 'conflict') e.preventDefault();
  });

  // What tabs closed since left unsaved, applied before anything is shown.
  await reconcile();
  const [flows, quarantined] = await Promise.all([listFlows(db), listQuarantine(db)]);
  store().setFlows(flows);
  for (const q of quarantined) reportQuarantine(q.name, q.reason, q.raw);
  if (boot) {
    if (!store().flows.some((f) => f.id === boot.id)) return createAndOpen(boot);
    if (await loadStored(boot.id)) return;
  }
  const last = await readSession(db);
  if (last && store().flows.some((f) => f.id === last) && (await loadStored(last))) return;
  for (const f of store().flows) if (await loadStored(f.id)) return;
  await createAndOpen(newFlow(crypto.randomUUID()));
}

async function onMessage(message: Message) {
  if (message.from === tabId) return;
  if (message.type === 'pending') { await reconcile(message.flowId); return; }
  await refreshList();
  if (message.type !== 'saved' || message.flowId !== store().flowId) return;
  if (knownRevision !== null && message.revision <= knownRevision) return;
  if (dirty || saving) {
    store().setSave({ status: 'conflict' });
    return;
  }
  // Nothing unsaved here: take the other tab's version, keeping this tab's view.
  const record = db && (await readFlow(db, message.flowId));
  const parsed = record ? parseFlowValue(record.doc) : null;
  if (!record || !parsed?.ok) return;
  const viewport = store().initialViewport ?? undefined;
  show(parsed.flow, record.revision, pendingViewport?.viewport ?? viewport);
  store().notify({ tone: 'info', text: 'This flow was updated with changes made in another tab.' });
}

export async function openFlow(id: string) {
  if (id === store().flowId) return;
  await saveNow();
  if (store().save.status === 'conflict' || store().save.status === 'unsaved') {
    store().notify({ tone: 'error', text: 'This flow is not saved yet, so it stays open. Resolve the message at the top first, or export it.' });
    return;
  }
  await loadStored(id);
}


/**
 * What the less frequent actions (flowActions, loaded on demand) need of the library's state.
 * Kept narrow on purpose: only the library itself decides when the open flow is saved.
 */
export const library = {
  get db() {
    return db;
  },
  tabId,
  broadcast,
  refreshList,
  loadStored,
  createAndOpen,
  /** The open flow's unsaved edits are to be dropped (the user chose another version). */
  discardChanges() {
    dirty = false;
  },
  /** Save the open flow even though nothing changed since the last save. */
  markChanged() {
    dirty = true;
  },
};
