import { BODY_METHODS, type ApiRequestConfig } from '../request/ApiRequestConfig';
import { composeUrl } from '../request/urlWithQuery';
import type { ResolvedRequest } from '../request/resolveRequest';

/** A bash single-quoted word: nothing inside is expanded, so {{tokens}} and $ survive. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function command(method: string, url: string, headers: [string, string][], body: string | undefined, extra: string[] = []): string {
  const lines = [`curl -X ${method} ${shellQuote(url)}`];
  // `Name;` is curl's spelling of a header with an empty value (`Name:` would remove it).
  for (const [k, v] of headers) lines.push(`-H ${shellQuote(v ? `${k}: ${v}` : `${k};`)}`);
  lines.push(...extra);
  if (body !== undefined) lines.push(`--data-raw ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}

/** The block as a bash cURL command, variables left as {{tokens}}; importing it gives the same request. */
export function exportCurl(request: ApiRequestConfig): string {
  const headers = request.headers.filter((h) => h.enabled && h.key).map((h) => [h.key, h.value] as [string, string]);
  const has = (name: string) => headers.some(([k]) => k.toLowerCase() === name);
  const url = composeUrl(request.url, request.query);
  const b = request.body;
  const type = BODY_METHODS.includes(request.method) ? b.type : 'none';
  if (type === 'formdata') {
    const fields = b.form.filter((r) => r.enabled && r.key).map((r) => `--form-string ${shellQuote(`${r.key}=${r.value}`)}`);
    return command(
      request.method,
      url,
      headers.filter(([k]) => k.toLowerCase() !== 'content-type'),
      undefined,
      fields,
    );
  }
  let body: string | undefined;
  if (type === 'json') {
    if (!has('content-type')) headers.push(['Content-Type', 'application/json']);
    body = b.json;
  } else if (type === 'urlencoded') {
    body = b.form
      .filter((r) => r.enabled && (r.key || r.value))
      .map((r) => (r.value ? `${r.key}=${r.value}` : r.key))
      .join('&');
    // Without a body curl would send no Content-Type; keep the export faithful to the block.
    if (!body) body = '';
  } else if (type === 'raw') {
    if (!has('content-type')) headers.push(['Content-Type', b.rawContentType || 'text/plain']);
    body = b.raw;
  }
  return command(request.method, url, headers, body);
}

/** A resolved request (what the Test stage sends) as a bash cURL command. */
export function exportResolvedCurl(request: ResolvedRequest): string {
  return command(request.method, request.url, request.headers, request.body);
}
