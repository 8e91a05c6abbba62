import type { Transport } from '../domain/engine/EngineTypes';
import type { Forwarder } from '../server/proxy/createForwarder';
import { ProxyError } from '../server/proxy/ProxyError';
import { readSpec } from '../server/proxy/readSpec';

/**
 * The command-line runner's transport for --live: the proxy's own checks and forwarding code, in
 * process, so a test can reach exactly what the proxy would let the page reach (mode, PROXY_ALLOW).
 */
export function forwarderTransport(forwarder: Forwarder): Transport {
  return async (request, { timeoutMs }) => {
    try {
      const spec = readSpec({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.body !== undefined ? { body: { text: request.body } } : {}),
        timeoutMs,
      });
      return await forwarder.forward(spec);
    } catch (e) {
      if (e instanceof ProxyError) return { ok: false, error: { code: e.code, message: e.message } };
      return { ok: false, error: { code: 'BAD_RESPONSE', message: `The request failed unexpectedly: ${(e as Error).message}` } };
    }
  };
}
