import http, { STATUS_CODES, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isUtf8 } from 'node:buffer';
import { ProxyError } from './ProxyError';
import { readBody } from './readBody';
import type { ProxySpec } from './readSpec';

import type { ProxyAnswer } from '../../domain/request/ProxyAnswer';

export interface Agents {
  http: http.Agent;
  https: https.Agent;
}

const MAX_REDIRECTS = 5;
/** Methods a request may be sent again for when a kept-alive connection turned out closed. */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

// Hop-by-hop headers belong to one connection, not the request; Host, Content-Length and
// Transfer-Encoding are set by the client from the URL and body, so a user-set one cannot smuggle
// a second request or aim at another virtual host than the checked address serves.
const NOT_FORWARDED = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
  'http2-settings',
]);

/** Credentials must not follow a redirect to another origin (DESIGN.md §2.3). */
function isCredential(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'authorization' || n === 'proxy-authorization' || n === 'cookie' || /key|token|secret|auth|session/.test(n);
}

function isTextual(contentType: string): boolean {
  return (
    /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql|yaml|x-yaml|csv)\b)/i.test(contentType.trim()) ||
    /\+(json|xml)\b/i.test(contentType)
  );
}

/** The answer's headers as sent, in order, repeated ones kept apart; names in lower case. */
function headerPairs(raw: string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  return pairs;
}

/**
 * The request's headers for Node's client, repeated names kept (one line each). Values go out as
 * their UTF-8 bytes, as curl sends what was typed (Node writes header text as Latin-1, so each
 * byte is passed as one character).
 */
function outgoingHeaders(pairs: [string, string][]): OutgoingHttpHeaders {
  const out: Record<string, string | string[]> = {};
  const names = new Map<string, string>();
  for (const [name, value] of pairs) {
    // eslint-disable-next-line no-control-regex
    const v = /^[\x00-\x7f]*$/.test(value) ? value : Buffer.from(value, 'utf8').toString('latin1');
    const key = names.get(name.toLowerCase()) ?? name;
    names.set(name.toLowerCase(), key);
    const prev = out[key];
    out[key] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return out;
}

/** Reads and drops a redirect's body (up to 64 KiB, so the connection can be kept), else closes it. */
function discard(res: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    res.on('data', (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > 64 * 1024) res.destroy();
    });
    res.once('end', resolve);
    res.once('close', resolve);
    res.once('error', () => resolve());
  });
}

/**
 * The test request's time limit, over every hop and the body: when it passes, what is in flight
 * (the request, or the answer being read) is destroyed with a timeout error. A plain timer, not an
 * AbortSignal: a signal per request cost 4 % of the proxy's CPU under load (profile).
 */
interface Deadline {
  expired: boolean;
  stop: (() => void) | null;
}

const timeoutError = () => Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' });

/** One request and its answer's head; the body is left to read. */
function send(url: URL, method: string, headers: [string, string][], body: Buffer | undefined, agents: Agents, deadline: Deadline): Promise<IncomingMessage> {
  const secure = url.protocol === 'https:';
  const attempt = (retry: boolean): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(
        {
          host: url.hostname.replace(/^\[|\]$/g, ''),
          port: url.port || undefined,
          path: url.pathname + url.search,
          method,
          headers: outgoingHeaders(headers),
          agent: secure ? agents.https : agents.http,
        },
        (res) => {
          deadline.stop = () => res.destroy(timeoutError());
          resolve(res);
        },
      );
      deadline.stop = () => req.destroy(timeoutError());
      // The limit may have passed between two hops of a redirect.
      if (deadline.expired) deadline.stop();
      req.once('error', (err: NodeJS.ErrnoException) => {
        // A kept-alive connection the server closed just as it was reused: nothing reached the
        // API's handler, so an idempotent request is safely sent once more on a new connection.
        if (retry && req.reusedSocket && err.code === 'ECONNRESET' && !deadline.expired) resolve(attempt(false));
        else reject(err);
      });
      req.end(body);
    });
  return attempt(IDEMPOTENT.has(method));
}

/** The body as text, or undefined when it is not UTF-8 (it is then sent as base64). */
function decodeText(bytes: Buffer, truncated: boolean): string | undefined {
  if (isUtf8(bytes)) return bytes.toString('utf8');
  if (!truncated) return undefined;
  // Truncation may cut the last character in two; everything before it must be valid UTF-8.
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++)
    if (isUtf8(bytes.subarray(0, bytes.length - cut))) return bytes.toString('utf8', 0, bytes.length - cut);
  return undefined;
}

/** Maps a network failure to the answer the user sees. */
function describeFailure(err: unknown, url: URL): ProxyError {
  if (err instanceof ProxyError) return err;
  const e = err as { code?: string; name?: string; cause?: { code?: string }; message?: string };
  const code = e.code ?? e.cause?.code ?? '';
  const host = url.host;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new ProxyError(
      'DNS',
      `The name ${url.hostname} could not be found. Check the spelling of the URL, and that the API is reachable from where Switchboard runs.`,
    );
  }
  if (code === 'ECONNREFUSED')
    return new ProxyError('CONNECTION_REFUSED', `Nothing is answering at ${host}. Check the port, and that the API server is running.`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED') {
    return new ProxyError(
      'CONNECTION_RESET',
      `${host} closed the connection before answering. The server may have crashed or refused the request; try again or check its logs.`,
    );
  }
  if (code === 'ETIMEDOUT' || e.name === 'AbortError' || e.name === 'TimeoutError') {
    return new ProxyError('TIMEOUT', `${host} did not answer in time. Raise the Timeout Duration in Advanced Settings, or check why the API is slow.`);
  }
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/.test(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ProxyError(
      'TLS',
      `The secure connection to ${host} failed (${code}). The certificate may be expired, self-signed or for another name; use a valid certificate.`,
    );
  }
  if (code.startsWith('HPE_')) {
    return new ProxyError('BAD_RESPONSE', `${host} sent an answer that is not valid HTTP.`);
  }
  return new ProxyError('BAD_RESPONSE', `The request to ${host} failed (${code || e.message || 'unknown error'}).`);
}

/**
 * Sends one test request through `agents` (whose connector checks every address), following
 * redirects by hand so each hop is checked and credentials stay with their origin.
 */
export async function forwardRequest(spec: ProxySpec, agents: Agents, maxBytes: number): Promise<ProxyAnswer> {
  const started = performance.now();
  const deadline: Deadline = { expired: false, stop: null };
  const timer = setTimeout(() => {
    deadline.expired = true;
    deadline.stop?.();
  }, spec.timeoutMs);
  let url = spec.url;
  let method = spec.method;
  let body = spec.body;
  let headers = spec.headers.filter(([n]) => !NOT_FORWARDED.has(n.toLowerCase()));
  const redirects: { status: number; url: string }[] = [];
  try {
    for (;;) {
      const res = await send(url, method, headers, body, agents, deadline);
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && typeof location === 'string') {
        await discard(res);
        if (redirects.length >= MAX_REDIRECTS)
          throw new ProxyError(
            'TOO_MANY_REDIRECTS',
            `${spec.url.host} redirected more than ${MAX_REDIRECTS} times. Check the URL; the API may be redirecting in a loop.`,
          );
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new ProxyError('BAD_RESPONSE', `${url.host} redirected to an invalid address.`);
        }
        if (next.protocol !== url.protocol && !(url.protocol === 'http:' && next.protocol === 'https:')) {
          throw new ProxyError('BAD_RESPONSE', `${url.host} redirected to a ${next.protocol.replace(':', '')} address, which Switchboard does not follow.`);
        }
        redirects.push({ status, url: next.href });
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          if (method !== 'HEAD') method = 'GET';
          body = undefined;
          headers = headers.filter(([n]) => !/^content-/i.test(n));
        }
        if (next.origin !== url.origin) headers = headers.filter(([n]) => !isCredential(n));
        url = next;
        continue;
      }
      const contentType = String(res.headers['content-type'] ?? '');
      const { bytes, truncated } = await readBody(res, res.headers['content-encoding'], maxBytes);
      const text = isTextual(contentType) || (!contentType && bytes.length > 0) ? decodeText(bytes, truncated) : undefined;
      return {
        ok: true,
        status,
        statusText: STATUS_CODES[status] ?? '',
        headers: headerPairs(res.rawHeaders),
        body: {
          ...(text !== undefined ? { text } : { base64: bytes.toString('base64') }),
          bytes: bytes.length,
          truncated,
        },
        timings: { totalMs: Math.round(performance.now() - started) },
        url: url.href,
        redirects,
      };
    }
  } catch (err) {
    throw describeFailure(deadline.expired ? timeoutError() : err, url);
  } finally {
    clearTimeout(timer);
  }
}
