import type { ApiRequestAdvanced } from '../blocks/api-request/apiRequestBlock';

/** The backoff before attempt n+1 (n starts at 1). */
export function backoffMs(retry: ApiRequestAdvanced['retry'], attempt: number): number {
  return retry.backoff === 'exponential' ? retry.initialDelayMs * 2 ** (attempt - 1) : retry.initialDelayMs;
}

/**
 * The longest a caller can wait on the block: every attempt timing out, the waits between them,
 * and the interim message delay. `Retry-After` may ask for longer; it is capped at the timeout.
 */
export function worstCaseWaitMs(settings: Pick<ApiRequestAdvanced, 'timeoutSeconds' | 'retry' | 'interim'>, withInterim: boolean): number {
  const attempts = settings.retry.enabled ? settings.retry.maxAttempts : 1;
  let total = attempts * settings.timeoutSeconds * 1000;
  for (let n = 1; n < attempts; n++) total += backoffMs(settings.retry, n);
  if (withInterim && settings.interim.enabled && settings.interim.delayEnabled) total += settings.interim.delaySeconds * 1000;
  return total;
}
