import type { ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import type { ProxyAnswer, ProxyFailure } from '../../domain/request/ProxyAnswer';
import type { ResolvedRequest } from '../../domain/request/resolveRequest';
import { retryDelayMs, shouldRetry, type AttemptOutcome } from '../../domain/request/retryPolicy';

export interface Attempt {
  outcome: string;
  /** The wait after this attempt, before the next one. */
  waitMs: number;
}

export interface TestRun {
  attempts: Attempt[];
  answer?: ProxyAnswer;
  error?: { code: string; message: string };
}

async function send(request: ResolvedRequest, timeoutMs: number, signal: AbortSignal): Promise<ProxyAnswer | ProxyFailure> {
  let res: Response;
  try {
    res = await fetch('/api/proxy', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: request.method, url: request.url, headers: request.headers, ...(request.body !== undefined ? { body: { text: request.body } } : {}), timeoutMs }),
      signal,
    });
  } catch (e) {
    if (signal.aborted) throw e;
    return { ok: false, error: { code: 'NETWORK', message: 'Switchboard’s server could not be reached.' } };
  }
  try {
    return (await res.json()) as ProxyAnswer | ProxyFailure;
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: `Switchboard’s server answered ${res.status} without a result.` } };
  }
}

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason); }, { once: true });
  });
}

/**
 * Sends a test request through the proxy the way the block will run: with its timeout, and with
 * its retries (backoff, Retry-After, the same Idempotency-Key on every attempt) when they are on.
 */
export async function runTest(request: ResolvedRequest, data: ApiRequestData, signal: AbortSignal, onProgress: (attempts: Attempt[]) => void): Promise<TestRun> {
  const retry = data.retry;
  const max = retry.enabled ? retry.maxAttempts : 1;
  const timeoutMs = data.timeoutSeconds * 1000;
  let sent = request;
  if (retry.enabled && retry.idempotencyKey && (request.method === 'POST' || request.method === 'PATCH') && !request.headers.some(([n]) => n.toLowerCase() === 'idempotency-key')) {
    sent = { ...request, headers: [...request.headers, ['Idempotency-Key', crypto.randomUUID()]] };
  }
  const attempts: Attempt[] = [];
  for (let n = 1; ; n++) {
    const result = await send(sent, timeoutMs, signal);
    const outcome: AttemptOutcome = result.ok
      ? { kind: 'response', status: result.status, retryAfter: result.headers.find(([k]) => k.toLowerCase() === 'retry-after')?.[1] ?? null }
      : { kind: 'error', code: result.error.code };
    const label = result.ok ? `${result.status} ${result.statusText}`.trim() : result.error.code;
    const again = n < max && shouldRetry(outcome, retry);
    const waitMs = again ? retryDelayMs(outcome, retry, n, timeoutMs) : 0;
    attempts.push({ outcome: label, waitMs });
    onProgress([...attempts]);
    if (!again) return result.ok ? { attempts, answer: result } : { attempts, error: result.error };
    await sleep(waitMs, signal);
  }
}
