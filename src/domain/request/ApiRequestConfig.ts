/** Methods a block can send. HEAD and OPTIONS are here because imported commands use them. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Methods that carry a body (PRODUCT.md §2: GET and DELETE send none). */
export const BODY_METHODS: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH'];

/**
 * One header, query parameter or form field. Query and form text is kept as written (already
 * percent-encoded parts stay encoded), so an imported URL round-trips byte for byte; only
 * characters that cannot appear there and variable values are encoded when the request is built.
 */
export interface KeyValueRow {
  id: string;
  key: string;
  value: string;
  enabled: boolean;
}

export const BODY_TYPES = ['none', 'urlencoded', 'json', 'raw', 'formdata'] as const;
export type BodyType = (typeof BODY_TYPES)[number];

export interface RequestBody {
  type: BodyType;
  /** How the JSON body is edited; `json` is the source of truth either way. */
  jsonMode: 'manual' | 'code';
  /** JSON text that may hold {{variable}} tokens, in string literals or in value position. */
  json: string;
  form: KeyValueRow[];
  raw: string;
  rawContentType: string;
}

/** What an API Request block sends, before variables are filled in. */
export interface ApiRequestConfig {
  method: HttpMethod;
  /** Scheme, host and path; the query lives in `query` so rows can be switched off. */
  url: string;
  headers: KeyValueRow[];
  query: KeyValueRow[];
  body: RequestBody;
}

export function emptyBody(): RequestBody {
  return { type: 'none', jsonMode: 'manual', json: '{\n  \n}', form: [], raw: '', rawContentType: 'text/plain' };
}

export function emptyRequest(): ApiRequestConfig {
  return { method: 'GET', url: '', headers: [], query: [], body: emptyBody() };
}
