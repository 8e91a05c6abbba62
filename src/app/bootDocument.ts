declare global {
  interface Window {
    /** Benchmarks and browser tests hand the app a flow to open through this. */
    __SWITCHBOARD_BOOT__?: unknown;
  }
}

/** A flow handed over by a test harness, if any (validated like any stored flow). */
export function bootDocument(): unknown {
  return window.__SWITCHBOARD_BOOT__;
}
