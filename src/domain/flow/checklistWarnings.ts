import type { ApiRequestData } from '../blocks/api-request/apiRequestBlock';
import { LONG_WAIT_MS } from '../blocks/api-request/apiRequestBlock';
import { worstCaseWaitMs } from '../request/worstCaseWait';
import { variablesIn } from '../variables/variableTokens';
import type { CustomVariable, FlowNode } from './FlowDocument';

/** Hosts that never leave this machine or its network: plain http to them is fine. */
function isLocalHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h.endsWith('.local') ||
    h.endsWith('.internal') ||
    h === '::1' ||
    /^127\./.test(h) ||
    /^10\./.test(h) ||
    /^192\.168\./.test(h) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(h) ||
    /^f[cd][0-9a-f]{2}:/.test(h)
  );
}

/**
 * Things that are allowed but risky (the Checklist's warning level, never blocking): plain http
 * to a host on the internet, a caller left waiting past 15 s, retried POST/PATCH requests that the
 * API cannot recognise as repeats, and a secret sent in a URL query, where server logs keep it.
 */
export function checklistWarnings(node: FlowNode, custom: readonly CustomVariable[]): string[] {
  if (node.type !== 'apiRequest') return [];
  const d = node.data as ApiRequestData;
  const warnings: string[] = [];
  const url = d.url.trim();
  const http = /^http:\/\/(\[[^\]]+\]|[^/:?#]+)/i.exec(url);
  if (http && !http[1]!.includes('{{') && !isLocalHost(http[1]!))
    warnings.push('The URL is plain http: the request and its answer cross the internet unencrypted. Use https.');
  if (node.stage !== 'post') {
    const wait = worstCaseWaitMs(d, true);
    if (wait > LONG_WAIT_MS)
      warnings.push(`The caller may wait ${(wait / 1000).toFixed(1)} s on this block: over 15 s callers often hang up. Lower the timeout or the attempts.`);
  }
  const unsafe = d.method === 'POST' || d.method === 'PATCH';
  const keyed = d.retry.idempotencyKey || d.headers.some((h) => h.enabled && h.key.trim().toLowerCase() === 'idempotency-key');
  if (d.retry.enabled && d.retry.maxAttempts > 1 && unsafe && !keyed)
    warnings.push(`Retries repeat this ${d.method} without an Idempotency-Key: a retry may create a second record. Turn the key on in Advanced Settings.`);
  const secrets = new Set(custom.filter((v) => v.secret).map((v) => v.name));
  const inQuery = variablesIn(d.query.filter((r) => r.enabled));
  const q = url.indexOf('?');
  if (q >= 0) variablesIn(url.slice(q), inQuery);
  for (const name of inQuery)
    if (secrets.has(name)) warnings.push(`The secret “${name}” is sent in the URL query, where server and proxy logs keep it. Send it in a header instead.`);
  return warnings;
}
