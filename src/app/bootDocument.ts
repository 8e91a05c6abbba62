import type { FlowDocument } from '../domain/flow/FlowDocument';
import { parseFlowValue } from '../domain/flow/parseFlowFile';

declare global {
  interface Window {
    /** Benchmarks and browser tests hand the app a flow to open through this. */
    __SWITCHBOARD_BOOT__?: unknown;
  }
}

/** A flow handed over by a test harness, if any and valid. */
export function bootDocument(): FlowDocument | null {
  if (window.__SWITCHBOARD_BOOT__ === undefined) return null;
  const parsed = parseFlowValue(window.__SWITCHBOARD_BOOT__);
  return parsed.ok ? parsed.flow : null;
}
