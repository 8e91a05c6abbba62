import { useSyncExternalStore } from 'react';

type Routing = typeof import('../domain/flow/routeEdge');
let routing: Routing | null = null;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/**
 * Routing edges around cards arrives a moment after first paint (it is not needed to draw the
 * flow, and every kB of the first load counts); until then edges take the plain route.
 */
export function preloadEdgeRouting(): void {
  if (routing) return;
  void import('../domain/flow/routeEdge').then((m) => {
    routing = m;
    for (const l of listeners) l();
  });
}

/** The edge router once loaded, else null. One shared value: loading re-renders each edge once. */
export function useEdgeRouting(): Routing | null {
  return useSyncExternalStore(subscribe, () => routing);
}
