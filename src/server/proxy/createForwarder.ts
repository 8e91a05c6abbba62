import { Agent, type Dispatcher } from 'undici';
import type { ProxyAnswer } from '../../domain/request/ProxyAnswer';
import { checkDestination, parseAllowList } from './destinationPolicy';
import { forwardRequest } from './forwardRequest';
import type { ProxyOptions } from './createProxyHandler';
import type { ProxySpec } from './readSpec';
import { createSafeConnector } from './safeConnector';
import { DEFAULT_MAX_CONCURRENT } from './proxyLimits';

export interface Forwarder {
  /** Sends one checked request; throws a ProxyError (blocked address, timeout…) when it cannot. */
  forward(spec: ProxySpec): Promise<ProxyAnswer>;
  close(): Promise<void>;
}

/**
 * The proxy's sending half, under its destination rules (mode, PROXY_ALLOW, the checking
 * connector): POST /api/proxy and `switchboard test --live` both send through one of these, so a
 * test run can reach exactly what the proxy can.
 */
export function createForwarder(options: ProxyOptions = {}): Forwarder {
  const mode = options.mode ?? 'local';
  const { allow, warnings } = parseAllowList(options.allow);
  for (const w of warnings) console.warn(`Switchboard: ${w}`);
  const maxBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  const connector = createSafeConnector({
    check: (address, port, hostname) => checkDestination(address, port, hostname, mode, allow),
    resolve: options.resolve,
    dial: options.dial,
    connectTimeoutMs: options.connectTimeoutMs,
  });
  // Our own Agent: HTTP(S)_PROXY in the environment is never consulted. As many connections per
  // API as requests may run at once: none waits for a connection (see proxyLimits).
  const dispatcher: Dispatcher = new Agent({ connect: connector, keepAliveTimeout: 4000, connections: options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT });
  return {
    forward: (spec) => forwardRequest(spec, dispatcher, maxBytes),
    close: () => dispatcher.close(),
  };
}
