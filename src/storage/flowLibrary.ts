import type { Viewport } from '../domain/flow/fitViewport';
import { canvasSize } from '../components/canvasSize';
import { useFlowStore } from '../store/useFlowStore';
import type { FlowLibrary, PageHooks } from './createFlowLibrary';
import { openFlowDatabase } from './openFlowDatabase';

/**
 * The app's one flow library (createFlowLibrary), on this window: its storage, its channel to other
 * tabs, its lifecycle events. The rest of the app calls these; the library decides when to save.
 */
let instance: FlowLibrary | null = null;

/** The window's lifecycle as the library sees it. */
const windowHooks: PageHooks = {
  on(event, listener) {
    if (event === 'hidden') {
      const onChange = (e: Event) => {
        if (document.visibilityState === 'hidden') listener(e);
      };
      document.addEventListener('visibilitychange', onChange);
      return () => document.removeEventListener('visibilitychange', onChange);
    }
    const name = event === 'leave' ? 'pagehide' : event === 'stored' ? 'storage' : 'beforeunload';
    window.addEventListener(name, listener);
    return () => window.removeEventListener(name, listener);
  },
  canvasSize: () => canvasSize({ width: window.innerWidth, height: window.innerHeight }, useFlowStore.getState().flowsOpen),
};

/** The window's localStorage; reading the property throws where the browser blocks site data. */
function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Opens the app's storage and the flow to show: the boot document, the last one open, or a new one. */
export async function startLibrary(bootValue: unknown) {
  // Reading a flow validates it (zod schemas): that code loads in parallel with opening the
  // database instead of being part of the editor's first load.
  // The library itself (and its debounce) loads the same way: nothing of it is needed to paint.
  const [db, reader, { createFlowLibrary }] = await Promise.all([
    openFlowDatabase().catch(() => null),
    import('../domain/flow/parseFlowFile'),
    import('./createFlowLibrary'),
  ]);
  const parsedBoot = bootValue === undefined ? null : reader.parseFlowValue(bootValue);
  instance?.close();
  instance = createFlowLibrary({
    store: useFlowStore,
    db,
    channel: db && 'BroadcastChannel' in window ? new BroadcastChannel('switchboard') : null,
    page: windowHooks,
    parseFlowValue: reader.parseFlowValue,
    leftStorage: localStorageOrNull(),
  });
  await instance.start(parsedBoot?.ok ? parsedBoot.flow : null);
}

export function saveNow(force = false): Promise<void> {
  return instance?.saveNow(force) ?? Promise.resolve();
}

export function rememberViewport(viewport: Viewport) {
  instance?.rememberViewport(viewport);
}

export function openFlow(id: string): Promise<void> {
  return instance?.openFlow(id) ?? Promise.resolve();
}

/**
 * What the less frequent actions (flowActions, loaded on demand) need of the library.
 * Kept narrow on purpose: only the library itself decides when the open flow is saved.
 */
export const library = {
  get db() {
    return instance?.db ?? null;
  },
  get tabId() {
    return instance?.tabId ?? '';
  },
  broadcast: (message: Parameters<FlowLibrary['broadcast']>[0]) => instance?.broadcast(message),
  refreshList: () => instance?.refreshList() ?? Promise.resolve(),
  loadStored: (id: string) => instance?.loadStored(id) ?? Promise.resolve(false),
  createAndOpen: (...args: Parameters<FlowLibrary['createAndOpen']>) => instance?.createAndOpen(...args) ?? Promise.resolve(),
  discardChanges: () => instance?.discardChanges(),
  markChanged: () => instance?.markChanged(),
};
