import { STATUS_CODES } from 'node:http';
import { request, type Dispatcher } from 'undici';
import { ProxyError } from './ProxyError';
import { readBody } from './readBody';
import type { ProxySpec } from './readSpec';

import type { ProxyAnswer } from '../../domain/request/ProxyAnswer';

const MAX_REDIRECTS = 5;
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

function headerPairs(headers: Record<string, string | string[] | undefined>): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (Array.isArray(value)) for (const v of value) pairs.push([name, v]);
    else if (value !== undefined) pairs.push([name, value]);
  }
  return pairs;
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
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED' || code === 'ECONNABORTED') {
    return new ProxyError(
      'CONNECTION_RESET',
      `${host} closed the connection before answering. The server may have crashed or refused the request; try again or check its logs.`,
    );
  }
  if (
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT' ||
    e.name === 'AbortError' ||
    e.name === 'TimeoutError'
  ) {
    return new ProxyError('TIMEOUT', `${host} did not answer in time. Raise the Timeout Duration in Advanced Settings, or check why the API is slow.`);
  }
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL|HOSTNAME_MISMATCH)/.test(code) || code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ProxyError(
      'TLS',
      `The secure connection to ${host} failed (${code}). The certificate may be expired, self-signed or for another name; use a valid certificate.`,
    );
  }
  if (code.startsWith('HPE_') || code === 'UND_ERR_INFO' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || code === 'UND_ERR_RESPONSE') {
    return new ProxyError('BAD_RESPONSE', `${host} sent an answer that is not valid HTTP.`);
  }
  return new ProxyError('BAD_RESPONSE', `The request to ${host} failed (${code || e.message || 'unknown error'}).`);
}

/**
 * Sends one test request through `dispatcher` (whose connector checks every address), following
 * redirects by hand so each hop is checked and credentials stay with their origin.
 */
export async function forwardRequest(spec: ProxySpec, dispatcher: Dispatcher, maxBytes: number): Promise<ProxyAnswer> {
  const started = performance.now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), spec.timeoutMs);
  let url = spec.url;
  let method = spec.method;
  let body = spec.body;
  let headers = spec.headers.filter(([n]) => !NOT_FORWARDED.has(n.toLowerCase()));
  const redirects: { status: number; url: string }[] = [];
  try {
    for (;;) {
      const res = await request(url, {
        method: method as Dispatcher.HttpMethod,
        headers: headers.flat(),
        body,
        dispatcher,
        signal: abort.signal,
        headersTimeout: spec.timeoutMs,
        bodyTimeout: spec.timeoutMs,
      });
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode) && typeof location === 'string') {
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
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
        redirects.push({ status: res.statusCode, url: next.href });
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          if (method !== 'HEAD') method = 'GET';
          body = undefined;
          headers = headers.filter(([n]) => !/^content-/i.test(n));
        }
        if (next.origin !== url.origin) headers = headers.filter(([n]) => !isCredential(n));
        url = next;
        continue;
      }
      const encoding = res.headers['content-encoding'];
      const read = await readBody(res.body, Array.isArray(encoding) ? encoding.join(',') : encoding, maxBytes);
      const contentType = String(res.headers['content-type'] ?? '');
      let text: string | undefined;
      if (isTextual(contentType) || (!contentType && read.bytes.length > 0)) {
        try {
          // Truncation may cut a character in two; the rest must be valid UTF-8.
          text = new TextDecoder('utf-8', { fatal: !read.truncated }).decode(read.bytes);
        } catch {
          text = undefined;
        }
      }
      return {
        ok: true,
        status: res.statusCode,
        statusText: STATUS_CODES[res.statusCode] ?? '',
        headers: headerPairs(res.headers),
        body: { ...(text !== undefined ? { text } : { base64: read.bytes.toString('base64') }), bytes: read.bytes.length, truncated: read.truncated },
        timings: { totalMs: Math.round(performance.now() - started) },
        url: url.href,
        redirects,
      };
    }
  } catch (err) {
    throw describeFailure(abort.signal.aborted ? Object.assign(new Error('timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' }) : err, url);
  } finally {
    clearTimeout(timer);
  }
}
