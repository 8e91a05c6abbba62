import type { Clock } from './EngineTypes';

/** Wall time for calls a person watches (the Test agent chat): milliseconds since the clock was made. */
export function realClock(): Clock {
  const origin = performance.now();
  return {
    now: () => performance.now() - origin,
    sleep: (ms, signal) => new Promise<void>((resolve, reject) => {
      if (signal?.aborted) { reject(signal.reason); return; }
      const t = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
      function onAbort() { clearTimeout(t); reject(signal!.reason); }
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  };
}
