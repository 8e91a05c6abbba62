import type { Clock } from './EngineTypes';

/**
 * The Test agent's clock with Skip waits on: backoffs, Retry-After, interim delays and the latency
 * of mocks and faults pass at once (time jumps by what was skipped), while `timeout` keeps real
 * time, so a live request still gets the block's whole timeout. `base` gives real time.
 */
export function skipWaitsClock(base: Clock): Clock {
  let skipped = 0;
  return {
    now: () => base.now() + skipped,
    timeout: base.timeout?.bind(base),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        skipped += Math.max(0, ms);
        // A turn of the event loop, not a microtask: the page repaints between steps.
        void base.sleep(0, signal).then(resolve, reject);
      }),
  };
}
