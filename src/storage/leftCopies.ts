import type { PendingRecord } from './openFlowDatabase';

/** Synchronous key-value storage: `localStorage` in the app, a stand-in in tests. */
export type SyncStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** A copy read back, with the exact text it was read from (removed only if still that text). */
export interface LeftCopy {
  record: PendingRecord;
  raw: string;
}

const PREFIX = 'switchboard:left:';

/**
 * Where a closing tab leaves what it had not saved: synchronous storage, written before the leave
 * handler returns. An IndexedDB write started on the way out is only queued, and Chromium drops a
 * closing page's transaction that waits behind another tab's (a save held up by a slow disk lost
 * the edit in 9 of 12 runs with both cores busy; this write in none). IndexedDB's `pending` store
 * stays the fallback for a copy this storage refuses (its quota is a few MB; README, "Two tabs").
 */
export function leftCopies(storage: SyncStorage | null) {
  return {
    /** Whether a storage key is one of these copies' (a `storage` event's key; null: all cleared). */
    owns: (key: string | null) => key?.startsWith(PREFIX) === true,

    /** Writes the copy at once; false if it could not be (no storage, over quota): use IndexedDB. */
    leave(record: Omit<PendingRecord, 'doc'>, docJson: string): boolean {
      if (!storage) return false;
      // The document is already text (the caller compared it with the last save): spliced in, not
      // serialised a second time while the page is closing.
      const raw = `${JSON.stringify(record).slice(0, -1)},"doc":${docJson}}`;
      try {
        storage.setItem(PREFIX + record.key, raw);
        return true;
      } catch {
        return false;
      }
    },

    /** The copies other tabs left (of one flow, or all), oldest first. Unreadable entries are skipped. */
    read(except: string, flowId?: string): LeftCopy[] {
      if (!storage) return [];
      const found: LeftCopy[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (!key?.startsWith(PREFIX)) continue;
          const raw = storage.getItem(key);
          const record = raw === null ? null : parse(raw);
          if (!record || record.key !== key.slice(PREFIX.length) || record.tabId === except) continue;
          if (flowId === undefined || record.flowId === flowId) found.push({ record, raw: raw! });
        }
      } catch {
        return found; // storage went away meanwhile: what was read so far, the rest next time
      }
      return found.sort((a, b) => a.record.at - b.record.at);
    },

    /** Removes copies once applied, each only if it is still the text that was applied. */
    remove(copies: readonly LeftCopy[]) {
      for (const { record, raw } of copies) {
        try {
          if (storage?.getItem(PREFIX + record.key) === raw) storage.removeItem(PREFIX + record.key);
        } catch {
          /* applying it again is harmless (reconcilePending skips what it already applied) */
        }
      }
    },

    /** Takes back this tab's own copy (it stayed after all). */
    drop(key: string) {
      try {
        storage?.removeItem(PREFIX + key);
      } catch {
        /* nothing to take back */
      }
    },
  };
}

function parse(raw: string): PendingRecord | null {
  try {
    const r = JSON.parse(raw) as Partial<PendingRecord> | null;
    if (!r || typeof r !== 'object' || typeof r.key !== 'string' || typeof r.flowId !== 'string' || typeof r.tabId !== 'string') return null;
    if (typeof r.at !== 'number' || (r.base !== null && typeof r.base !== 'number') || r.doc === undefined) return null;
    return r as PendingRecord;
  } catch {
    return null;
  }
}
