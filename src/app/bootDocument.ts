import { flowSchema } from '../domain/flow/flowSchema';
import type { FlowDocument } from '../domain/flow/FlowDocument';
import { newFlow } from '../domain/flow/newFlow';

declare global {
  interface Window {
    /** Benchmarks and browser tests hand the app a flow to open through this. */
    __SWITCHBOARD_BOOT__?: unknown;
  }
}

/** The flow to open at start: one handed over by a test harness if valid, else a new one. */
export function bootDocument(): FlowDocument {
  const handed = flowSchema.safeParse(window.__SWITCHBOARD_BOOT__);
  if (handed.success) return handed.data as FlowDocument;
  return newFlow(crypto.randomUUID(), 'Untitled flow');
}
