/** What POST /api/proxy answers (DESIGN.md §2.3); shared by the server and the Test step. */
export interface ProxyAnswer {
  ok: true;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: { text?: string; base64?: string; bytes: number; truncated: boolean };
  timings: { totalMs: number };
  url: string;
  redirects: { status: number; url: string }[];
  /** Set by a test's mock, replay or fault (never by the proxy): what was injected, for the trace. */
  injected?: string;
}

export interface ProxyFailure {
  ok: false;
  error: { code: string; message: string };
  injected?: string;
}
