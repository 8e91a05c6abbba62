import * as z from 'zod/mini';
import { HEADER_NAME } from '../../domain/request/headerName';
import { ProxyError } from './ProxyError';

export interface ProxySpec {
  method: string;
  url: URL;
  headers: [string, string][];
  body?: Buffer;
  timeoutMs: number;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const MAX_TIMEOUT_MS = 30_000;

/** The shape of the request (DESIGN.md §2.3); what each field may hold is checked after. */
const specSchema = z.object({
  method: z.string(),
  url: z.string().check(z.minLength(1), z.maxLength(16_384)),
  headers: z.optional(z.array(z.tuple([z.string(), z.string()])).check(z.maxLength(200))),
  body: z.optional(z.nullable(z.union([z.object({ text: z.string() }), z.object({ base64: z.string() })]))),
  timeoutMs: z.optional(z.number().check(z.gte(1))),
});

/** What to tell the caller when a field has the wrong shape, by field. */
const SHAPE_ERRORS: Record<string, string> = {
  method: `The method must be one of ${METHODS.join(', ')}.`,
  url: 'The URL is missing or too long.',
  headers: 'Headers must be a list of [name, value] pairs.',
  body: 'The body must be { text } or { base64 }.',
  timeoutMs: 'timeoutMs must be a positive number of milliseconds.',
};

const invalid = (message: string) => new ProxyError('INVALID_REQUEST', message);

/** The parsed body of POST /api/proxy, checked field by field (DESIGN.md §2.3). */
export function readSpec(input: unknown): ProxySpec {
  const parsed = z.safeParse(specSchema, input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? '');
    throw invalid(SHAPE_ERRORS[field] ?? 'The request must be a JSON object with method and url.');
  }
  const o = parsed.data;
  const method = o.method.toUpperCase();
  if (!METHODS.includes(method)) throw invalid(SHAPE_ERRORS.method!);
  let url: URL;
  try {
    url = new URL(o.url);
  } catch {
    throw invalid(`“${o.url.slice(0, 100)}” is not a valid URL. It should look like https://api.example.com/path.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('Only http:// and https:// URLs can be called.');
  if (url.username || url.password) throw invalid('Put credentials in an Authorization header, not in the URL.');
  const headers: [string, string][] = [];
  for (const [name, value] of o.headers ?? []) {
    if (!HEADER_NAME.test(name)) throw invalid(`“${name.slice(0, 60)}” is not a valid header name.`);
    // A line break in a value would let it forge headers of its own (header injection).
    if (/[\r\n\0]/.test(value)) throw invalid(`The value of header “${name}” contains a line break.`);
    // Other control characters cannot be sent in a header at all (Node's client refuses them too).
    // eslint-disable-next-line no-control-regex
    if (/[\x01-\x08\x0b-\x1f\x7f]/.test(value))
      throw invalid(`The value of header “${name}” contains a control character, which cannot be sent in a header. Remove it.`);
    headers.push([name, value]);
  }
  let body: Buffer | undefined;
  if (o.body) {
    body = 'text' in o.body ? Buffer.from(o.body.text, 'utf8') : Buffer.from(o.body.base64, 'base64');
    if (method === 'GET' || method === 'HEAD') throw invalid(`${method} requests cannot carry a body.`);
  }
  const timeoutMs = o.timeoutMs === undefined ? 10_000 : Math.min(o.timeoutMs, MAX_TIMEOUT_MS);
  return { method, url, headers, ...(body ? { body } : {}), timeoutMs };
}
