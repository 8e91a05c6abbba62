import { MAX_FLOW_FILE_BYTES, parseFlowValue } from '../domain/flow/parseFlowFile';
import { newFlow } from '../domain/flow/newFlow';
import { uniqueName } from '../domain/flow/uniqueName';
import { useFlowStore } from '../store/useFlowStore';
import { download } from './download';
import { readFlow, renameStoredFlow, restoreFlow, saveFlow, trashFlow } from './flowDatabase';
import { parseFlowInWorker } from './parseFlowInWorker';
import { library, openFlow, saveNow } from './flowLibrary';

/**
 * The flow list's actions, import/export and conflict choices: loaded when first used (and
 * fetched after the first paint), so they cost nothing at start-up.
 */

const store = useFlowStore.getState;

export async function createFlow() {
  await saveNow();
  const names = store().flows.map((f) => f.name);
  await library.createAndOpen(newFlow(crypto.randomUUID(), uniqueName('Untitled flow', names)));
}

export async function duplicateFlow(id: string) {
  if (!library.db) return;
  if (id === store().flowId) await saveNow();
  const record = await readFlow(library.db, id);
  const parsed = record ? parseFlowValue(record.doc) : null;
  if (!parsed?.ok) return;
  const copy = {
    ...parsed.flow,
    id: crypto.randomUUID(),
    name: uniqueName(
      `${parsed.flow.name} copy`,
      store().flows.map((f) => f.name),
    ),
  };
  await saveFlow(library.db, copy, null, library.tabId);
  await library.refreshList();
  library.broadcast({ type: 'list' });
  await openFlow(copy.id);
}

export async function renameFlow(id: string, name: string) {
  const clean = name.trim();
  if (!clean || !library.db) return;
  if (id === store().flowId) {
    store().renameOpenFlow(clean);
    await saveNow();
    return;
  }
  const record = await readFlow(library.db, id);
  const parsed = record ? parseFlowValue(record.doc) : null;
  if (record && parsed?.ok) {
    await saveFlow(library.db, { ...parsed.flow, name: clean }, record.revision, library.tabId);
  } else await renameStoredFlow(library.db, id, clean);
  await library.refreshList();
  library.broadcast({ type: 'list' });
}

export async function deleteFlow(id: string) {
  if (!library.db) return;
  const name = store().flows.find((f) => f.id === id)?.name ?? 'Flow';
  if (id === store().flowId) {
    await saveNow();
    library.discardChanges();
  }
  await trashFlow(library.db, id);
  await library.refreshList();
  library.broadcast({ type: 'list' });
  if (id === store().flowId) {
    const next = store().flows[0];
    if (!next || !(await library.loadStored(next.id))) await library.createAndOpen(newFlow(crypto.randomUUID()));
  }
  store().notify({
    tone: 'info',
    text: `Deleted “${name}”.`,
    action: {
      label: 'Undo',
      run: () =>
        void (async () => {
          await restoreFlow(library.db!, id);
          await library.refreshList();
          library.broadcast({ type: 'list' });
          await openFlow(id);
        })(),
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Conflicts between tabs

/** Keep this tab's version: overwrite what the other tab saved. */
export async function keepMine() {
  library.markChanged();
  store().setSave({ status: 'saving' });
  await saveNow(true);
}

/** Take the other tab's version; this tab's edits are dropped at the user's request. */
export async function loadTheirs() {
  const id = store().flowId;
  library.discardChanges();
  await library.loadStored(id);
}

/** Keep both: this tab's version becomes a new flow, the original gets the other tab's version. */
export async function saveMineAsCopy() {
  if (!library.db) return;
  const mine = store().toDocument();
  const copy = {
    ...mine,
    id: crypto.randomUUID(),
    name: uniqueName(
      `${mine.name} (my version)`,
      store().flows.map((f) => f.name),
    ),
  };
  await saveFlow(library.db, copy, null, library.tabId);
  library.discardChanges();
  await library.refreshList();
  library.broadcast({ type: 'list' });
  await library.loadStored(copy.id);
  store().notify({ tone: 'info', text: `Your version was saved as “${copy.name}”.` });
}

// ---------------------------------------------------------------------------------------------
// Import and export

/** Downloads the open flow. Secret Custom Variables go out empty unless the user asked for them. */
export function exportOpenFlow(includeSecrets = false) {
  const full = store().toDocument();
  const doc = includeSecrets ? full : { ...full, variables: full.variables.map((v) => (v.secret ? { ...v, value: '' } : v)) };
  const slug =
    doc.name
      .trim()
      .replace(/[^\w\- ]+/g, '')
      .replace(/\s+/g, '-')
      .toLowerCase() || 'flow';
  download(`${slug}.switchboard.json`, JSON.stringify(doc, null, 2));
}

/** Imports a flow file as a new flow; an invalid file changes nothing and says why. */
export async function importFlowFile(file: File) {
  const fail = (reason: string) => store().notify({ tone: 'error', text: `Could not import “${file.name}”: ${reason} Nothing was changed.` });
  if (file.size > MAX_FLOW_FILE_BYTES) return fail('the file is larger than 20 MB, far more than any flow.');
  let parsed: Awaited<ReturnType<typeof parseFlowInWorker>>;
  try {
    parsed = await parseFlowInWorker(file);
  } catch {
    return fail('the file could not be read.');
  }
  if (!parsed.ok) return fail(parsed.error);
  await saveNow();
  // Never overwrite: an import is always a new flow, even of a flow that is already here.
  const taken = store().flows.some((f) => f.id === parsed.flow.id);
  const flow = taken
    ? {
        ...parsed.flow,
        id: crypto.randomUUID(),
        name: uniqueName(
          parsed.flow.name,
          store().flows.map((f) => f.name),
        ),
      }
    : parsed.flow;
  await library.createAndOpen(flow);
  await library.refreshList();
  library.broadcast({ type: 'list' });
  const upgraded = parsed.migratedFrom !== undefined ? ` It was upgraded from file version ${parsed.migratedFrom}.` : '';
  const dropped = parsed.dropped ? ` Left out, as the flow's rules do not allow them: ${parsed.dropped.join('; ')}.` : '';
  store().notify({ tone: 'info', text: `Imported “${flow.name}”.${upgraded}${dropped}` });
}
