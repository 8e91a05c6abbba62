import { HEADER_NAME } from '../../domain/request/headerName';
import { ProxyError } from './ProxyError';

export interface ProxySpec {
  method: string;
  url: URL;
  headers: [string, string][];
  body?: Buffer;
  timeoutMs: number;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
export const MAX_TIMEOUT_MS = 30_000;

const invalid = (message: string) => new ProxyError('INVALID_REQUEST', message);

/** The parsed body of POST /api/proxy, checked field by field (DESIGN.md §2.3). */
export function readSpec(input: unknown): ProxySpec {
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('The request must be a JSON object with method and url.');
  const o = input as Record<string, unknown>;
  const method = typeof o.method === 'string' ? o.method.toUpperCase() : '';
  if (!METHODS.has(method)) throw invalid(`The method must be one of ${[...METHODS].join(', ')}.`);
  if (typeof o.url !== 'string' || !o.url || o.url.length > 16_384) throw invalid('The URL is missing or too long.');
  let url: URL;
  try {
    url = new URL(o.url);
  } catch {
    throw invalid(`“${o.url.slice(0, 100)}” is not a valid URL. It should look like https://api.example.com/path.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('Only http:// and https:// URLs can be called.');
  if (url.username || url.password) throw invalid('Put credentials in an Authorization header, not in the URL.');
  const headers: [string, string][] = [];
  if (o.headers !== undefined) {
    if (!Array.isArray(o.headers) || o.headers.length > 200) throw invalid('Headers must be a list of [name, value] pairs.');
    for (const h of o.headers) {
      if (!Array.isArray(h) || h.length !== 2 || typeof h[0] !== 'string' || typeof h[1] !== 'string')
        throw invalid('Headers must be a list of [name, value] pairs.');
      if (!HEADER_NAME.test(h[0])) throw invalid(`“${h[0].slice(0, 60)}” is not a valid header name.`);
      // A line break in a value would let it forge headers of its own (header injection).
      if (/[\r\n\0]/.test(h[1])) throw invalid(`The value of header “${h[0]}” contains a line break.`);
      headers.push([h[0], h[1]]);
    }
  }
  let body: Buffer | undefined;
  if (o.body !== undefined && o.body !== null) {
    const b = o.body as Record<string, unknown>;
    if (typeof b.text === 'string') body = Buffer.from(b.text, 'utf8');
    else if (typeof b.base64 === 'string') body = Buffer.from(b.base64, 'base64');
    else throw invalid('The body must be { text } or { base64 }.');
    if (method === 'GET' || method === 'HEAD') throw invalid(`${method} requests cannot carry a body.`);
  }
  let timeoutMs = 10_000;
  if (o.timeoutMs !== undefined) {
    if (typeof o.timeoutMs !== 'number' || !Number.isFinite(o.timeoutMs) || o.timeoutMs < 1)
      throw invalid('timeoutMs must be a positive number of milliseconds.');
    timeoutMs = Math.min(o.timeoutMs, MAX_TIMEOUT_MS);
  }
  return { method, url, headers, ...(body ? { body } : {}), timeoutMs };
}
