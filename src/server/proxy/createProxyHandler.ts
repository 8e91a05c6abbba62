import type { IncomingMessage, ServerResponse } from 'node:http';
import { createForwarder } from './createForwarder';
import type { ProxyMode } from './destinationPolicy';
import { ProxyError } from './ProxyError';
import { readSpec } from './readSpec';
import { writeJson } from './writeJson';
import { DEFAULT_MAX_CONCURRENT } from './proxyLimits';
import type { Dialer, Resolver } from './safeConnector';

const MAX_SPEC_BYTES = 1024 * 1024;

export interface ProxyOptions {
  mode?: ProxyMode;
  /** PROXY_ALLOW's text. */
  allow?: string;
  maxResponseBytes?: number;
  maxConcurrent?: number;
  /** For tests: how names resolve and how sockets open (nothing else changes). */
  resolve?: Resolver;
  dial?: Dialer;
  connectTimeoutMs?: number;
}

/** Reads the proxy's settings from the environment (DESIGN.md §2.3). */
export function proxyOptionsFromEnv(env: NodeJS.ProcessEnv): ProxyOptions {
  return {
    mode: env.SWITCHBOARD_MODE === 'hosted' ? 'hosted' : 'local',
    allow: env.PROXY_ALLOW,
    maxResponseBytes: Number(env.PROXY_MAX_RESPONSE_BYTES) > 0 ? Number(env.PROXY_MAX_RESPONSE_BYTES) : undefined,
    maxConcurrent: Number(env.PROXY_MAX_CONCURRENT) > 0 ? Number(env.PROXY_MAX_CONCURRENT) : undefined,
  };
}

function send(res: ServerResponse, status: number, body: unknown): Promise<void> {
  if (res.headersSent) {
    res.destroy();
    return Promise.resolve();
  }
  return writeJson(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }, body);
}

function fail(res: ServerResponse, error: ProxyError): Promise<void> {
  return send(res, error.status, { ok: false, error: { code: error.code, message: error.message } });
}

async function readLimited(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > max) throw new ProxyError('REQUEST_TOO_LARGE', 'The test request is larger than 1 MB. Make the body smaller.');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) throw new ProxyError('REQUEST_TOO_LARGE', 'The test request is larger than 1 MB. Make the body smaller.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * POST /api/proxy. The parts of Switchboard most exposed to attack, in the order they act:
 * only the page's own origin may call it (no CORS: a foreign page cannot read answers, and its
 * requests are refused before anything is sent), JSON only (a form post from another site cannot
 * forge one), bounded in size and concurrency, and every upstream connection goes through the
 * checking connector. Answers are always JSON; nothing here can take the server down.
 */
export function createProxyHandler(options: ProxyOptions = {}) {
  const forwarder = createForwarder(options);
  const maxConcurrent = options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT;
  let active = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const origin = req.headers.origin;
      const host = String(req.headers.host ?? '');
      if (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`) {
        throw new ProxyError('FORBIDDEN_ORIGIN', 'Test requests can only be sent from the Switchboard page itself.');
      }
      if (req.headers['sec-fetch-site'] === 'cross-site')
        throw new ProxyError('FORBIDDEN_ORIGIN', 'Test requests can only be sent from the Switchboard page itself.');
      if (!/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
        throw new ProxyError('UNSUPPORTED_MEDIA_TYPE', 'The proxy takes JSON (Content-Type: application/json).');
      }
      const raw = await readLimited(req, MAX_SPEC_BYTES);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new ProxyError('INVALID_REQUEST', 'The test request is not valid JSON.');
      }
      const spec = readSpec(parsed);
      if (active >= maxConcurrent) throw new ProxyError('BUSY', 'Too many test requests are running at once. Wait a moment and send again.');
      active++;
      let answer;
      try {
        answer = await forwarder.forward(spec);
      } finally {
        active--;
      }
      await send(res, 200, answer);
    } catch (err) {
      await fail(res, err instanceof ProxyError ? err : new ProxyError('BAD_RESPONSE', 'The test request failed unexpectedly. Try again.'));
    }
  };
  return Object.assign(handle, { close: () => forwarder.close() });
}
