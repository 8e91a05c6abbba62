import { headerIndex, headerValue } from './headerValue';
import type { ApiRequestData } from '../blocks/api-request/apiRequestBlock';
import { TIMED_OUT, type Clock, type Transport } from '../engine/EngineTypes';
import type { ProxyAnswer } from './ProxyAnswer';
import type { ResolvedRequest } from './resolveRequest';
import { retryDelayMs, shouldRetry, type AttemptOutcome } from './retryPolicy';
import { backoffMs } from './worstCaseWait';

export interface AttemptRecord {
  attempt: number;
  of: number;
  /** What was sent (with the Idempotency-Key when one was added). */
  request: ResolvedRequest;
  status?: number;
  statusText?: string;
  error?: { code: string; message: string };
  ms: number;
  /** The wait after this attempt, before the next one (0 after the last). */
  waitMs: number;
  waitReason?: 'backoff' | 'retry-after';
  /** What a test injected instead of sending (a mock, a replay, a fault). */
  injected?: string;
}

export interface AttemptsResult {
  attempts: AttemptRecord[];
  answer?: ProxyAnswer;
  error?: { code: string; message: string };
  /** From the first send to the final answer, waits included. */
  totalMs: number;
}

interface Options {
  request: ResolvedRequest;
  settings: Pick<ApiRequestData, 'retry' | 'timeoutSeconds'>;
  clock: Clock;
  transport: Transport;
  signal?: AbortSignal;
  /** The block sending (passed to the transport). */
  blockId?: string;
  /** A fresh Idempotency-Key (a UUID in the browser; a counter in deterministic runs). */
  newKey(): string;
  onAttempt?(record: AttemptRecord): void;
}

const TIMEOUT = { code: 'TIMEOUT', message: 'The API did not answer within the block’s timeout.' };
/** The reason the timeout's sleep is called off once the answer is in (a constant: an AbortError per attempt is costly). */
const SETTLED = Symbol('settled');

/**
 * Sends a request the way an API Request block does, for the Test step, the call engine and the
 * command-line runner alike (one loop, so a test shows what a call does): each attempt bounded by
 * the block's timeout on the given clock, retries by the block's policy (what to retry, backoff,
 * Retry-After capped by the timeout), the same Idempotency-Key on every attempt of a POST/PATCH.
 */
export async function runAttempts({ request, settings, clock, transport, signal, blockId, newKey, onAttempt }: Options): Promise<AttemptsResult> {
  const retry = settings.retry;
  const max = retry.enabled ? retry.maxAttempts : 1;
  const timeoutMs = settings.timeoutSeconds * 1000;
  let sent = request;
  if (
    retry.enabled &&
    retry.idempotencyKey &&
    (request.method === 'POST' || request.method === 'PATCH') &&
    headerIndex(request.headers, 'idempotency-key') < 0
  ) {
    sent = { ...request, headers: [...request.headers, ['Idempotency-Key', newKey()]] };
  }
  const started = clock.now();
  const attempts: AttemptRecord[] = [];
  for (let n = 1; ; n++) {
    const t0 = clock.now();
    const result = await withTimeout(transport(sent, { timeoutMs, signal, ...(blockId ? { blockId } : {}) }), clock, timeoutMs, signal);
    const ms = Math.round(clock.now() - t0);
    const outcome: AttemptOutcome = result.ok
      ? { kind: 'response', status: result.status, retryAfter: headerValue(result.headers, 'retry-after') ?? null }
      : { kind: 'error', code: result.error.code };
    const again = n < max && shouldRetry(outcome, retry);
    // An HTTP-date Retry-After is read against the server's own Date header: the engine has no wall clock.
    const serverNow = result.ok ? Date.parse(headerValue(result.headers, 'date') ?? '') : NaN;
    const waitMs = again ? retryDelayMs(outcome, retry, n, timeoutMs, serverNow) : 0;
    const askedLonger = waitMs > Math.min(backoffMs(retry, n), timeoutMs);
    const record: AttemptRecord = {
      attempt: n,
      of: max,
      request: sent,
      ms,
      waitMs,
      ...('injected' in result && result.injected ? { injected: result.injected } : {}),
      ...(result.ok ? { status: result.status, statusText: result.statusText } : { error: result.error }),
      ...(again ? { waitReason: askedLonger ? ('retry-after' as const) : ('backoff' as const) } : {}),
    };
    attempts.push(record);
    onAttempt?.(record);
    if (!again) {
      const totalMs = Math.round(clock.now() - started);
      return result.ok ? { attempts, answer: result, totalMs } : { attempts, error: result.error, totalMs };
    }
    await clock.sleep(waitMs, signal);
  }
}

/**
 * The transport's answer, or TIMEOUT when the block's timeout passes first on the call's clock.
 * The proxy enforces the same timeout on the wire; this makes mocks and faults obey it too.
 */
async function withTimeout<T extends { ok: boolean }>(
  answer: Promise<T>,
  clock: Clock,
  ms: number,
  signal?: AbortSignal,
): Promise<T | { ok: false; error: typeof TIMEOUT }> {
  if (clock.timeout) {
    const result = await clock.timeout(answer, ms);
    return result === TIMED_OUT ? { ok: false, error: TIMEOUT } : result;
  }
  const stop = new AbortController();
  const forward = () => stop.abort(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  try {
    return await Promise.race([answer, clock.sleep(ms, stop.signal).then(() => ({ ok: false as const, error: TIMEOUT }))]);
  } finally {
    signal?.removeEventListener('abort', forward);
    stop.abort(SETTLED);
  }
}
