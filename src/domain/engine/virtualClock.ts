import { TIMED_OUT, type Clock } from './EngineTypes';

interface Timer {
  at: number;
  seq: number;
  resolve(): void;
}

/** Runs `fn` once everything already runnable has run (a macrotask: all pending promise work first). */
const nextTurn: (fn: () => void) => void = typeof setImmediate === 'function' ? (fn) => void setImmediate(fn) : (fn) => void setTimeout(fn, 0);

/**
 * Time that passes only when everything is waiting: when no work is left to do, the earliest
 * sleeper wakes and the clock jumps to its time. A 30 s timeout or a 4 s backoff takes no real
 * time, and races (a slow answer against the timeout) come out as they would on a real clock.
 */
export function virtualClock(start = 0): Clock & { advanced(): number } {
  let now = start;
  let seq = 0;
  let timers: Timer[] = [];
  let scheduled = false;
  const advance = () => {
    scheduled = false;
    if (!timers.length) return;
    let next = timers[0]!;
    for (const t of timers) if (t.at < next.at || (t.at === next.at && t.seq < next.seq)) next = t;
    timers = timers.filter((t) => t !== next);
    now = Math.max(now, next.at);
    next.resolve();
    schedule();
  };
  const schedule = () => {
    if (scheduled || !timers.length) return;
    scheduled = true;
    nextTurn(advance);
  };
  const drop = (timer: Timer) => {
    timers = timers.filter((t) => t !== timer);
  };
  return {
    now: () => now,
    timeout<T>(promise: Promise<T>, ms: number) {
      return new Promise<T | typeof TIMED_OUT>((resolve, reject) => {
        const timer: Timer = { at: now + Math.max(0, ms), seq: seq++, resolve: () => resolve(TIMED_OUT) };
        timers.push(timer);
        schedule();
        promise.then(
          (v) => {
            drop(timer);
            resolve(v);
          },
          (e: unknown) => {
            drop(timer);
            reject(e);
          },
        );
      });
    },
    advanced: () => now - start,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const timer: Timer = {
          at: now + Math.max(0, ms),
          seq: seq++,
          resolve: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        function onAbort() {
          timers = timers.filter((t) => t !== timer);
          reject(signal!.reason);
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        timers.push(timer);
        schedule();
      });
    },
  };
}
