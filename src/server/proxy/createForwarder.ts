import http from 'node:http';
import https from 'node:https';
import type { ProxyAnswer } from '../../domain/request/ProxyAnswer';
import { checkDestination, parseAllowList } from './destinationPolicy';
import { forwardRequest, type Agents } from './forwardRequest';
import type { ProxyOptions } from './createProxyHandler';
import type { ProxySpec } from './readSpec';
import { createSafeConnector } from './safeConnector';
import { DEFAULT_MAX_CONCURRENT } from './proxyLimits';

export interface Forwarder {
  /** Sends one checked request; throws a ProxyError (blocked address, timeout…) when it cannot. */
  forward(spec: ProxySpec): Promise<ProxyAnswer>;
  close(): Promise<void>;
}

/** How long an idle upstream connection is kept for the next test request (a server's own Keep-Alive hint wins when shorter). */
const IDLE_MS = 4000;

/**
 * The proxy's sending half, under its destination rules (mode, PROXY_ALLOW, the checking
 * connector): POST /api/proxy and `switchboard test --live` both send through one of these, so a
 * test run can reach exactly what the proxy can.
 *
 * Node's own HTTP client, not undici: undici's WebAssembly parser alone held 19 MiB of the
 * server's memory, and a streamed 50 MiB answer peaked 74 MiB above idle through it (README).
 */
export function createForwarder(options: ProxyOptions = {}): Forwarder {
  const mode = options.mode ?? 'local';
  const { allow, warnings } = parseAllowList(options.allow);
  for (const w of warnings) console.warn(`Switchboard: ${w}`);
  const maxBytes = options.maxResponseBytes ?? 10 * 1024 * 1024;
  const connector = (isHttps: boolean) =>
    createSafeConnector({
      https: isHttps,
      check: (address, port, hostname) => checkDestination(address, port, hostname, mode, allow),
      resolve: options.resolve,
      dial: options.dial,
      connectTimeoutMs: options.connectTimeoutMs,
    });
  // Our own agents: HTTP(S)_PROXY in the environment is never consulted. As many connections per
  // API as requests may run at once: none waits for a connection (see proxyLimits).
  const pool = { keepAlive: true, timeout: IDLE_MS, maxSockets: options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT };
  const agents: Agents = { http: new http.Agent(pool), https: new https.Agent(pool) };
  // The documented way to open an agent's sockets yourself; a callback may hand the socket over later.
  agents.http.createConnection = connector(false) as typeof agents.http.createConnection;
  agents.https.createConnection = connector(true) as typeof agents.https.createConnection;
  return {
    forward: (spec) => forwardRequest(spec, agents, maxBytes),
    close: async () => {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}
