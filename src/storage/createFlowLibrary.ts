import { debounce } from 'lodash-es';
import type { StoreApi } from 'zustand';
import { fitViewport, type Viewport } from '../domain/flow/fitViewport';
import type { FlowDocument } from '../domain/flow/FlowDocument';
import { newFlow } from '../domain/flow/newFlow';
import type { ParsedFlow } from '../domain/flow/parseFlowFile';
import { uniqueName } from '../domain/flow/uniqueName';
import { DEFAULT_BLOCK_SIZE, sameEdgesInDocument, sameInDocument } from '../store/canvasModel';
import type { FlowStore } from '../store/useFlowStore';
import { describeStorageError } from './describeStorageError';
import { download } from './download';
import {
  deleteFlowMeta,
  dropPending,
  leavePending,
  listFlows,
  listQuarantine,
  overwriteFlow,
  pendingKey,
  quarantineFlow,
  readFlow,
  readSession,
  readViewport,
  reconcilePending,
  saveFlow,
  saveViewport,
  writeSession,
} from './flowDatabase';
import { leftCopies, type SyncStorage } from './leftCopies';
import type { FlowDatabase } from './openFlowDatabase';

/** The save waits this long after the last change (a crash loses at most this much typing)… */
export const SAVE_DELAY_MS = 250;
/** …but never longer than this after the first unsaved change, however long the typing goes on. */
export const SAVE_MAX_WAIT_MS = 900;
/** Waits between looks for what a closing tab said it left (see onMessage): about 12 s in all. */
const PENDING_LOOKS_MS = [250, 750, 2000, 4000, 5000];
/** A page still running this long after a leave stayed (see flushOnLeave). */
const STAYED_MS = 1000;
export const RETRY_MS = 3000;
const VIEWPORT_DELAY_MS = 400;

type Outgoing = { type: 'saved'; flowId: string; revision: number } | { type: 'list' } | { type: 'pending'; flowId: string };
export type LibraryMessage = Outgoing & { from: string };

/** The page around the library: its lifecycle events and its canvas's size (a window in the app; a stand-in in tests). */
export interface PageHooks {
  /** 'stored': another tab wrote to synchronous storage (the window's `storage` event). */
  on(event: 'hidden' | 'leave' | 'beforeunload' | 'stored', listener: (e: Event) => void): () => void;
  canvasSize(): { width: number; height: number };
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LibraryDeps {
  store: StoreApi<FlowStore>;
  /** null: this browser window cannot store anything (the editor still works; it says so). */
  db: FlowDatabase | null;
  /** Messages between tabs of this browser; null where BroadcastChannel does not exist. */
  channel: (Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((e: MessageEvent<LibraryMessage>) => void) | null }) | null;
  clock?: Clock;
  page?: PageHooks;
  parseFlowValue(raw: unknown): ParsedFlow;
  /** Where a closing tab leaves its unsaved copy (leftCopies): localStorage in the app; null: IndexedDB only. */
  leftStorage?: SyncStorage | null;
  tabId?: string;
  newId?(): string;
}

export type FlowLibrary = ReturnType<typeof createFlowLibrary>;

const unavailable = {
  status: 'unsaved',
  reason: 'This browser window does not allow local storage, so nothing is saved. Export your flow to keep it.',
} as const;

/**
 * Keeps the open flow safe: autosave to IndexedDB (250 ms after a pause, at most 900 ms after the
 * first change, at once when the tab is hidden), revision checks so two tabs never silently
 * overwrite each other, a closing tab's last edits left beside the flow (never over it), the flow
 * list, and what to do with data that cannot be read. Modelled on how Excalidraw and tldraw keep
 * local work: the in-memory document is the truth; storage failures are shown and retried, never
 * fatal. Everything it holds (timers, listeners, the channel) is released by `close()`.
 */
export function createFlowLibrary(deps: LibraryDeps) {
  const { store, db, channel, parseFlowValue } = deps;
  const clock: Clock = deps.clock ?? {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const tabId = deps.tabId ?? crypto.randomUUID();
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const get = store.getState;
  const left = leftCopies(deps.leftStorage ?? null);

  /** Revision of the open flow as last written or read by this tab. */
  let knownRevision: number | null = null;
  /** The open flow as last saved, to skip saves of changes that are not changes (selection). */
  let savedJson = '';
  let dirty = false;
  let saving: Promise<void> | null = null;
  let retryTimer: unknown = null;
  /** The last write failed (full disk, blocked storage): until one succeeds, this tab may hold the only copy. */
  let storageFailing = false;
  let pendingViewport: { id: string; viewport: Viewport } | null = null;
  /**
   * Flows this tab left a copy of (flushOnLeave) while it stayed open, with a count per leave: a
   * save that lands takes the copy back, unless the tab left a newer one while that save ran.
   */
  const leftBehind = new Map<string, number>();
  let closed = false;
  const releases: (() => void)[] = [];
  const timers = new Set<unknown>();

  const broadcast = (message: Outgoing) => {
    if (!closed) channel?.postMessage({ ...message, from: tabId });
  };
  const refreshList = async () => {
    if (db && !closed) get().setFlows(await listFlows(db));
  };

  // The maintained debounce (lodash): trailing, with a maximum wait, flushable and cancellable.
  const scheduleSave = debounce(() => void saveNow(), SAVE_DELAY_MS, { maxWait: SAVE_MAX_WAIT_MS });
  const scheduleViewport = debounce(() => void flushViewport(), VIEWPORT_DELAY_MS);

  function fittedViewport(doc: FlowDocument): Viewport {
    const { width, height } = deps.page?.canvasSize() ?? { width: 1024, height: 752 };
    return fitViewport(
      doc.nodes.map((n) => ({ ...n.position, width: n.width ?? DEFAULT_BLOCK_SIZE.width, height: n.height ?? DEFAULT_BLOCK_SIZE.height })),
      width,
      height,
    );
  }

  /** Puts a document in the editor, as saved at `revision`. */
  function show(doc: FlowDocument, revision: number | null, viewport: Viewport | undefined) {
    store.setState({ initialViewport: viewport ?? fittedViewport(doc) });
    get().loadDocument(doc);
    knownRevision = revision;
    savedJson = JSON.stringify(get().toDocument());
    dirty = false;
    scheduleSave.cancel();
    get().setSave(db ? { status: 'saved' } : unavailable);
  }

  function markDirty() {
    dirty = true;
    const status = get().save.status;
    if (status === 'conflict') return;
    // "Saved" must never show while an edit is only in this tab's memory (a close could lose it,
    // and another tab's write could still clash with it).
    if (status === 'saved') get().setSave({ status: 'saving' });
    scheduleSave();
  }

  /** Saves the open flow if it changed. Safe to call at any time; concurrent calls queue. */
  async function saveNow(force = false): Promise<void> {
    scheduleSave.cancel();
    while (saving) await saving;
    if (closed || !db || !dirty || (get().save.status === 'conflict' && !force)) return;
    // Mid-drag: the drop marks the flow changed again and saves then (a save costs frames).
    if (get().gesture && !force) return;
    const doc = get().toDocument();
    let json: string;
    try {
      json = JSON.stringify(doc);
    } catch (error) {
      // A value nested past what JSON can write (a crafted file): say so, never fail silently.
      get().setSave({
        status: 'unsaved',
        reason: `This flow cannot be saved: ${(error as Error).message}. Export what you can and remove the deeply nested value.`,
      });
      return;
    }
    if (json === savedJson && !force) {
      dirty = false;
      if (get().save.status !== 'saved') get().setSave({ status: 'saved' });
      return;
    }
    saving = write(doc, json, force);
    try {
      await saving;
    } finally {
      saving = null;
    }
  }

  async function write(doc: FlowDocument, json: string, force: boolean) {
    get().setSave({ status: 'saving' });
    const started = performance.now();
    const leftCount = leftBehind.get(doc.id);
    try {
      const result = force ? { ok: true as const, revision: await overwriteFlow(db!, doc, tabId) } : await saveFlow(db!, doc, knownRevision, tabId);
      if (!result.ok) {
        get().setSave({ status: 'conflict' });
        return;
      }
      performance.measure('switchboard:save', { start: started, end: performance.now() });
      storageFailing = false;
      knownRevision = result.revision;
      savedJson = json;
      if (leftCount !== undefined && leftBehind.get(doc.id) === leftCount) {
        leftBehind.delete(doc.id);
        left.drop(pendingKey(doc.id, tabId));
        void dropPending(db!, doc.id, tabId).catch(() => undefined);
      }
      // Edits made while this save ran are still unsaved.
      dirty = JSON.stringify(get().toDocument()) !== json;
      get().setSave(dirty ? { status: 'saving' } : { status: 'saved' });
      broadcast({ type: 'saved', flowId: doc.id, revision: result.revision });
      void refreshList();
      if (dirty) markDirty();
    } catch (error) {
      storageFailing = true;
      get().setSave({ status: 'unsaved', reason: describeStorageError(error) });
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      retryTimer = clock.setTimeout(() => {
        retryTimer = null;
        void saveNow();
      }, RETRY_MS);
    }
  }

  /**
   * The tab is closing: what is unsaved goes beside the flow at once (leavePending), never over it,
   * since there is no time left to check that no other tab saved a newer revision meanwhile.
   * Another open tab applies it now; otherwise the next start does; both keep it as a copy rather
   * than overwrite newer work.
   */
  function flushOnLeave() {
    void flushViewport();
    if (!db || !dirty) return;
    const doc = get().toDocument();
    let json: string;
    try {
      json = JSON.stringify(doc);
    } catch {
      return;
    }
    if (json === savedJson) return;
    scheduleSave.cancel();
    // The last revision this tab knows landed, never the one a write in flight would make: that
    // write may be refused or dropped, and another tab's revision then has its number. If it does
    // land, the copy still applies (the revision there is this tab's own; reconcilePending).
    const base = knownRevision;
    const told = { type: 'pending' as const, flowId: doc.id, from: tabId };
    const tell = () => {
      try {
        channel?.postMessage(told);
      } catch {
        /* the channel is closed: the next start applies it */
      }
    };
    leftBehind.set(doc.id, (leftBehind.get(doc.id) ?? 0) + 1);
    const record = { key: pendingKey(doc.id, tabId), flowId: doc.id, tabId, base, at: Date.now(), copyId: newId() };
    // Written before this handler returns; IndexedDB only if that storage refuses it. Told at once
    // (the page may be gone before an IndexedDB write completes) and again once that has landed: a
    // tab that read too early finds it the second time, and the next start in any case.
    if (!left.leave(record, json)) void leavePending(db, record, doc).then(tell, () => undefined);
    tell();
    // A page whose timers still run a moment later stayed (the user cancelled the leave, or it came
    // back from the back-forward cache, where timers are frozen): its edit is saved the normal way,
    // and that save takes the copy back. A page that went away never runs this.
    const stayed = clock.setTimeout(() => {
      timers.delete(stayed);
      if (dirty && !closed) markDirty();
    }, STAYED_MS);
    timers.add(stayed);
  }

  /** The tab is hidden (it may never come back): save now, the normal way. */
  function flushOnHide() {
    void flushViewport();
    if (dirty && get().save.status !== 'conflict') void saveNow();
  }

  /** Whether leaving now needs the user's word: storage failed (this tab holds the only copy) or a clash is open. */
  function mustAskBeforeLeaving(): boolean {
    const status = get().save.status;
    return (dirty && (storageFailing || status === 'unsaved')) || status === 'conflict';
  }

  function rememberViewport(viewport: Viewport) {
    const id = get().flowId;
    if (!id) return;
    pendingViewport = { id, viewport };
    scheduleViewport();
  }

  async function flushViewport() {
    scheduleViewport.cancel();
    const pending = pendingViewport;
    pendingViewport = null;
    if (pending && db) await saveViewport(db, pending.id, pending.viewport).catch(() => undefined);
  }

  /** Applies what closed tabs left behind (see flushOnLeave); says what became of it. */
  async function reconcile(flowId?: string): Promise<number> {
    if (!db || closed) return 0;
    let results: Awaited<ReturnType<typeof reconcilePending>>;
    const copies = left.read(tabId, flowId);
    try {
      results = await reconcilePending(
        db,
        tabId,
        (name) =>
          uniqueName(
            `${name} (from a closed tab)`,
            get().flows.map((f) => f.name),
          ),
        flowId,
        copies.map((c) => c.record),
      );
    } catch {
      return 0; // tried again at the next message or start; the records stay where they are
    }
    left.remove(copies);
    if (!results.length) return 0;
    await refreshList();
    for (const r of results) {
      if (r.outcome === 'copied') {
        get().notify({
          tone: 'info',
          text: `A tab that closed had unsaved changes to a flow that was changed meanwhile here or elsewhere. Nothing was overwritten: they are kept as “${r.name}”.`,
        });
      } else {
        // Every other open tab learns of the write as of any other save.
        broadcast({ type: 'saved', flowId: r.flowId, revision: r.revision });
        if (r.flowId === get().flowId) await onMessage({ type: 'saved', flowId: r.flowId, revision: r.revision, from: r.tabId });
      }
    }
    return results.length;
  }

  async function onMessage(message: LibraryMessage) {
    if (message.from === tabId || closed) return;
    if (message.type === 'pending') {
      // The closing tab tells before its write lands and may be gone before it could tell again
      // (a busy machine took over 2 s): look now, then again after each of these waits until found.
      const look = async (waits: readonly number[]) => {
        if ((await reconcile(message.flowId)) || !waits.length) return;
        const again = clock.setTimeout(() => {
          timers.delete(again);
          void look(waits.slice(1));
        }, waits[0]!);
        timers.add(again);
      };
      await look(PENDING_LOOKS_MS);
      return;
    }
    await refreshList();
    if (message.type !== 'saved' || message.flowId !== get().flowId) return;
    if (knownRevision !== null && message.revision <= knownRevision) return;
    if (dirty || saving) {
      // Another tab applied the copy this tab left on a leave it did not go through with
      // (reconcilePending writes it as this tab's): its own work, not a clash. Its next save
      // writes on top of it.
      const own = db && (await readFlow(db, message.flowId));
      if (own?.savedBy === tabId && own.revision === message.revision) {
        knownRevision = Math.max(knownRevision ?? 0, own.revision);
        return;
      }
      get().setSave({ status: 'conflict' });
      return;
    }
    // Nothing unsaved here: take the other tab's version, keeping this tab's view.
    const record = db && (await readFlow(db, message.flowId));
    const parsed = record ? parseFlowValue(record.doc) : null;
    if (!record || !parsed?.ok) return;
    // An edit made here while that was read must not be replaced by it: that is a clash.
    if (dirty || saving) {
      get().setSave({ status: 'conflict' });
      return;
    }
    const viewport = get().initialViewport ?? undefined;
    // The block panel open here stays open on the updated block (it may be typed into next).
    const panel = get().panelNodeId;
    show(parsed.flow, record.revision, pendingViewport?.viewport ?? viewport);
    if (panel && get().nodes.some((n) => n.id === panel)) store.setState({ panelNodeId: panel });
    get().notify({ tone: 'info', text: 'This flow was updated with changes made in another tab.' });
  }

  function reportQuarantine(name: string, reason: string, raw: unknown) {
    get().notify({
      tone: 'error',
      text: `The saved flow “${name}” could not be read (${reason}) It was set aside untouched.`,
      action: { label: 'Download its data', run: () => download(`${name}.unreadable.json`, JSON.stringify(raw, null, 2)) },
    });
  }

  async function removeListEntry(id: string) {
    if (!db) return;
    await deleteFlowMeta(db, id);
    await refreshList();
    broadcast({ type: 'list' });
  }

  async function loadStored(id: string): Promise<boolean> {
    if (!db) return false;
    // Both reads at once: one round trip before the flow shows, not two.
    const [record, viewport] = await Promise.all([readFlow(db, id), readViewport(db, id)]);
    if (!record) {
      // Listed, but its document is gone (cleared by the browser, a save that never finished):
      // say so rather than do nothing, and offer to take the entry off the list.
      const meta = get().flows.find((f) => f.id === id);
      if (meta) {
        get().notify({
          tone: 'error',
          text: `“${meta.name}” cannot be opened: its content is missing from this browser’s storage. Nothing else is affected.`,
          action: { label: 'Remove it from the list', run: () => void removeListEntry(id) },
        });
      }
      return false;
    }
    const parsed = parseFlowValue(record.doc);
    if (!parsed.ok) {
      const meta = get().flows.find((f) => f.id === id);
      await quarantineFlow(db, id, meta?.name ?? id, parsed.error, record.doc);
      reportQuarantine(meta?.name ?? id, parsed.error, record.doc);
      await refreshList();
      return false;
    }
    show(parsed.flow, record.revision, viewport);
    await writeSession(db, id);
    return true;
  }

  async function createAndOpen(doc: FlowDocument) {
    show(doc, null, undefined);
    if (!db) return;
    dirty = true;
    await saveNow(true);
    await writeSession(db, doc.id);
  }

  /** Opens the flow to show: the boot document, the last one open, or a new one. */
  async function start(boot: FlowDocument | null) {
    if (!db) {
      show(boot ?? newFlow(newId()), null, undefined);
      return;
    }
    if (channel) channel.onmessage = (e) => void onMessage(e.data);
    releases.push(
      store.subscribe((s, prev) => {
        if (s.flowId !== prev.flowId) return;
        // Not while a block is being dragged: a save mid-drag would cost frames. The drop saves.
        if (s.gesture) return;
        const dropped = prev.gesture !== null;
        // Selecting or measuring replaces nodes and edges without changing the flow: no "Saving…".
        if (
          dropped ||
          !sameInDocument(prev.nodes, s.nodes) ||
          !sameEdgesInDocument(prev.edges, s.edges) ||
          s.blocks !== prev.blocks ||
          s.flowName !== prev.flowName ||
          s.variables !== prev.variables ||
          s.tests !== prev.tests
        )
          markDirty();
      }),
    );
    if (deps.page) {
      releases.push(
        deps.page.on('hidden', flushOnHide),
        deps.page.on('leave', flushOnLeave),
        deps.page.on('beforeunload', (e) => {
          // Read before flushing: a failing storage's tab holds the only copy, so ask before it goes.
          const ask = mustAskBeforeLeaving();
          flushOnLeave();
          if (ask) e.preventDefault();
        }),
        // A closing tab's copy, seen as it is written here: its message may have come first, when
        // this tab could not see the copy yet (then the looks after it find it a little later).
        deps.page.on('stored', (e) => {
          const { key, newValue } = e as StorageEvent;
          if (newValue !== null && left.owns(key)) void reconcile();
        }),
      );
    }
    // What tabs closed since left unsaved, applied before anything is shown. The reads are asked
    // for after its transaction (reconcile() opens it before its first await), so IndexedDB answers
    // them after it and they see what it wrote: no need to wait for it first, a round trip less.
    const [, [flows, quarantined, last]] = await Promise.all([reconcile(), Promise.all([listFlows(db), listQuarantine(db), readSession(db)])]);
    get().setFlows(flows);
    for (const q of quarantined) reportQuarantine(q.name, q.reason, q.raw);
    if (boot) {
      if (!get().flows.some((f) => f.id === boot.id)) return createAndOpen(boot);
      if (await loadStored(boot.id)) return;
    }
    if (last && get().flows.some((f) => f.id === last) && (await loadStored(last))) return;
    for (const f of get().flows) if (await loadStored(f.id)) return;
    await createAndOpen(newFlow(newId()));
  }

  async function openFlow(id: string) {
    if (id === get().flowId) return;
    await saveNow();
    if (get().save.status === 'conflict' || get().save.status === 'unsaved') {
      get().notify({ tone: 'error', text: 'This flow is not saved yet, so it stays open. Resolve the message at the top first, or export it.' });
      return;
    }
    await loadStored(id);
  }

  return {
    tabId,
    get db() {
      return db;
    },
    start,
    saveNow,
    openFlow,
    rememberViewport,
    broadcast,
    refreshList,
    loadStored,
    createAndOpen,
    mustAskBeforeLeaving,
    /** For tests and the page's own handlers: what happens when the tab goes away. */
    leave: flushOnLeave,
    /** The open flow's unsaved edits are to be dropped (the user chose another version). */
    discardChanges() {
      dirty = false;
      scheduleSave.cancel();
    },
    /** Save the open flow even though nothing changed since the last save. */
    markChanged() {
      dirty = true;
    },
    /** Stops everything this library started: timers, listeners, the channel. Unsaved work is not written. */
    close() {
      closed = true;
      scheduleSave.cancel();
      scheduleViewport.cancel();
      if (retryTimer !== null) clock.clearTimeout(retryTimer);
      for (const t of timers) clock.clearTimeout(t);
      for (const release of releases.splice(0)) release();
      if (channel) {
        channel.onmessage = null;
        channel.close();
      }
    },
  };
}
