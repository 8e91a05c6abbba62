import type { Transport } from '../domain/engine/EngineTypes';
import type { ProxyAnswer, ProxyFailure } from '../domain/request/ProxyAnswer';

/**
 * The browser's transport (DESIGN.md §2.5): every request leaves through POST /api/proxy, under the
 * server's destination rules, never from the page. An abort (Cancel, Restart) rejects.
 */
export const proxyTransport: Transport = async (request, { timeoutMs, signal }) => {
  let res: Response;
  try {
    res = await fetch('/api/proxy', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.body !== undefined ? { body: { text: request.body } } : {}),
        timeoutMs,
      }),
      signal,
    });
  } catch (e) {
    if (signal?.aborted) throw e;
    return { ok: false, error: { code: 'NETWORK', message: 'Switchboard’s server could not be reached.' } };
  }
  try {
    return (await res.json()) as ProxyAnswer | ProxyFailure;
  } catch {
    return { ok: false, error: { code: 'NETWORK', message: `Switchboard’s server answered ${res.status} without a result.` } };
  }
};
