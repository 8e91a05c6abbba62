import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Viewport } from '../domain/flow/fitViewport';
import type { FlowSummary } from '../store/workspaceSlice';

/** A row of the flow list: the same shape the store shows in the sidebar. */
export type FlowMeta = FlowSummary;

export interface FlowDocRecord {
  id: string;
  /** Bumped on every save; a save that expected another revision is a conflict, not an overwrite. */
  revision: number;
  /** The tab that wrote this revision. */
  savedBy: string;
  /** Stored as written; validated (and migrated) when read, never trusted. */
  doc: unknown;
}

/**
 * What a closing tab had not saved yet. A tab that is going away cannot wait for a revision
 * check, so it never writes the flow itself: it leaves this beside it, and whoever comes next
 * (another open tab at once, else the next start) applies it if nothing newer was saved, or keeps
 * it as a copy if something was (reconcilePending).
 */
export interface PendingRecord {
  /** flowId + tab: one per tab and flow, the latest wins. */
  key: string;
  flowId: string;
  tabId: string;
  /** The revision the tab's copy was based on (null: never saved). */
  base: number | null;
  doc: unknown;
  at: number;
  /**
   * The id a copy of it gets if it must be kept as one, chosen when it is left: two tabs applying
   * it at once then write one copy, not two (reconcilePending). Absent in records of older builds.
   */
  copyId?: string;
}

export interface QuarantineRecord {
  key?: number;
  flowId: string;
  name: string;
  reason: string;
  raw: unknown;
  at: number;
}

interface Schema extends DBSchema {
  flowMeta: { key: string; value: FlowMeta };
  flowDocs: { key: string; value: FlowDocRecord };
  viewports: { key: string; value: { id: string; viewport: Viewport } };
  trash: { key: string; value: { meta: FlowMeta; doc: FlowDocRecord; deletedAt: number } };
  quarantine: { key: number; value: QuarantineRecord };
  session: { key: string; value: { key: string; openFlowId: string } };
  pending: { key: string; value: PendingRecord; indexes: { flowId: string } };
}

export type FlowDatabase = IDBPDatabase<Schema>;

/**
 * Opens the app's database: the one storage function needed before the first flow is shown, so it
 * is in the first load without the saving, reconciling and quarantine code (flowDatabase), which
 * loads with the library.
 *
 * The list (flowMeta) and the documents (flowDocs) are separate stores so the sidebar never
 * reads a thousand-block document just to show a name; both change in one transaction.
 */
export function openFlowDatabase(): Promise<FlowDatabase> {
  return openDB<Schema>('switchboard', 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('flowMeta', { keyPath: 'id' });
        db.createObjectStore('flowDocs', { keyPath: 'id' });
        db.createObjectStore('viewports', { keyPath: 'id' });
        db.createObjectStore('trash', { keyPath: 'meta.id' });
        db.createObjectStore('quarantine', { keyPath: 'key', autoIncrement: true });
        db.createObjectStore('session', { keyPath: 'key' });
      }
      if (oldVersion < 2) db.createObjectStore('pending', { keyPath: 'key' }).createIndex('flowId', 'flowId');
    },
    // A tab with a newer Switchboard wants to upgrade the database: step aside rather than block
    // it (this tab's next save then fails and says so; a reload brings the new version).
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
