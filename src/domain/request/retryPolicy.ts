import type { ApiRequestData } from '../blocks/api-request/apiRequestBlock';
import { backoffMs } from './worstCaseWait';

export type AttemptOutcome = { kind: 'response'; status: number; retryAfter?: string | null } | { kind: 'error'; code: string };

/** Whether an attempt's outcome is worth another try under the block's retry settings. */
export function shouldRetry(outcome: AttemptOutcome, retry: ApiRequestData['retry']): boolean {
  if (!retry.enabled) return false;
  if (outcome.kind === 'response') return (outcome.status >= 500 && retry.on5xx) || (outcome.status === 429 && retry.on429);
  if (outcome.code === 'TIMEOUT') return retry.onTimeout;
  return retry.onNetworkError && ['DNS', 'CONNECTION_REFUSED', 'CONNECTION_RESET', 'TLS', 'BAD_RESPONSE', 'NETWORK'].includes(outcome.code);
}

/**
 * The wait before attempt n+1: the backoff, or the server's Retry-After (seconds or an HTTP
 * date) when it asks for longer, capped at `capMs` so a caller is never held for minutes.
 */
export function retryDelayMs(outcome: AttemptOutcome, retry: ApiRequestData['retry'], attempt: number, capMs: number, now: number): number {
  let wait = backoffMs(retry, attempt);
  const header = outcome.kind === 'response' ? outcome.retryAfter : null;
  if (header) {
    const seconds = Number(header);
    const asked = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(header) - now;
    if (Number.isFinite(asked) && asked > wait) wait = asked;
  }
  return Math.max(0, Math.min(wait, capMs));
}
