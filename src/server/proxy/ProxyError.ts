export type ProxyErrorCode =
  | 'INVALID_REQUEST'
  | 'BLOCKED_ADDRESS'
  | 'FORBIDDEN_ORIGIN'
  | 'REQUEST_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BUSY'
  | 'DNS'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'TLS'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_RESPONSE'
  | 'TIMEOUT';

const STATUS: Record<ProxyErrorCode, number> = {
  INVALID_REQUEST: 400,
  BLOCKED_ADDRESS: 403,
  FORBIDDEN_ORIGIN: 403,
  REQUEST_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BUSY: 429,
  DNS: 502,
  CONNECTION_REFUSED: 502,
  CONNECTION_RESET: 502,
  TLS: 502,
  TOO_MANY_REDIRECTS: 502,
  BAD_RESPONSE: 502,
  TIMEOUT: 504,
};

/** A failure the proxy answers with (DESIGN.md §2.3): a code, its HTTP status, a sentence to act on. */
export class ProxyError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProxyErrorCode,
    message: string,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}
