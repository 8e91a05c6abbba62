import { TIMED_OUT, type Clock } from './EngineTypes';

/** Wall time for calls a person watches (the Test agent chat): milliseconds since the clock was made. */
export function realClock(): Clock {
  const origin = performance.now();
  return {
    now: () => performance.now() - origin,
    timeout: <T>(promise: Promise<T>, ms: number) =>
      new Promise<T | typeof TIMED_OUT>((resolve, reject) => {
        const t = setTimeout(() => resolve(TIMED_OUT), ms);
        promise.then(
          (v) => {
            clearTimeout(t);
            resolve(v);
          },
          (e: unknown) => {
            clearTimeout(t);
            reject(e);
          },
        );
      }),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const t = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        function onAbort() {
          clearTimeout(t);
          reject(signal!.reason);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
      }),
  };
}
