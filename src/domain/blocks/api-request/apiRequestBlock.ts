import type * as z from 'zod/mini';
import type { Stage } from '../../flow/FlowDocument';
import { BLOCK_SIZE, defineBlock } from '../BlockDefinition';
import type { apiRequestSchema } from './apiRequestSchema';
import { emptyRequest, BODY_METHODS, type ApiRequestConfig } from '../../request/ApiRequestConfig';
import { jsonTemplateProblem } from '../../request/jsonTemplate';
import { composeUrl } from '../../request/urlWithQuery';
import { urlProblem } from '../../request/urlProblem';
import { encodeUrlLiteral } from '../../request/percentEncode';
import { tokenPattern } from '../../variables/variableTokens';
import type { VariableType } from '../../variables/VariableType';
import { testIsStale } from './testIsStale';

export { HTTP_METHODS } from '../../request/ApiRequestConfig';

/** Timeout range in seconds on the live and post-call paths (PRODUCT.md §2). */
const TIMEOUT_RANGE = { min: 1, max: 30, default: 10 } as const;
/** Before the greeting the caller hears nothing yet: pre-call requests get 1–5 s (PRODUCT.md §2). */
const PRE_CALL_TIMEOUT_RANGE = { min: 1, max: 5, default: 3 } as const;

/** The timeout range of a block on a stage. */
export function timeoutRange(stage: Stage | undefined): { min: number; max: number; default: number } {
  return stage === 'pre' ? PRE_CALL_TIMEOUT_RANGE : TIMEOUT_RANGE;
}
export const ATTEMPTS_RANGE = { min: 1, max: 10 } as const;
export const INTERIM_DELAY_MAX = 60;
/** The first wait between retries, in ms: the schema and the Advanced Settings field share it. */
export const FIRST_WAIT_RANGE = { min: 0, max: 60_000 } as const;
/** Past this the caller has waited long enough to wonder whether the line is dead. */
export const LONG_WAIT_MS = 15_000;

export function apiRequestDefaults() {
  return {
    name: 'API Request',
    /** False until the user leaves Setup (imported a command or chose Build Manually). */
    configured: false,
    ...emptyRequest(),
    timeoutSeconds: TIMEOUT_RANGE.default as number,
    retry: {
      enabled: false,
      maxAttempts: 3,
      backoff: 'exponential' as 'exponential' | 'fixed',
      initialDelayMs: 500,
      onTimeout: true,
      onNetworkError: true,
      on5xx: true,
      on429: true,
      idempotencyKey: true,
    },
    interim: { enabled: false, mode: 'fixed' as 'fixed' | 'promptable', text: '', delayEnabled: false, delaySeconds: 2 },
    errorHandling: false,
    outcome: '',
    published: [] as { path: string; type: VariableType; value?: unknown }[],
    samples: {} as Record<string, { text: string; type: VariableType }>,
  };
}

export type ApiRequestData = z.infer<typeof apiRequestSchema>;
export type ApiRequestAdvanced = Pick<ApiRequestData, 'timeoutSeconds' | 'retry' | 'interim' | 'errorHandling' | 'outcome'>;

/** The request half of the block's settings, as importCurl and resolveRequest see it. */
export function requestOf(d: ApiRequestData): ApiRequestConfig {
  return { method: d.method, url: d.url, headers: d.headers, query: d.query, body: d.body };
}

export const apiRequestBlock = defineBlock<ApiRequestData>({
  type: 'apiRequest',
  kind: 'block',
  size: BLOCK_SIZE,
  label: 'API Request',
  description: 'Calls an HTTP API; its response becomes variables',
  category: 'Data and automation',
  stages: ['pre', 'live', 'post'],
  hasInput: true,
  named: true,
  defaults: (stage) => ({ ...apiRequestDefaults(), timeoutSeconds: timeoutRange(stage).default }) as ApiRequestData,
  // The continuation keeps its id when it becomes Success, so turning error handling on keeps it.
  outputs: (d) =>
    d.errorHandling
      ? [
          { id: 'next', label: 'Success', kind: 'live', required: true },
          { id: 'error', label: 'Error', kind: 'live', required: true },
        ]
      : [{ id: 'next', kind: 'live', required: true }],
  validate: (d, stage) => {
    const problems: string[] = [];
    if (!d.url.trim()) problems.push('Server URL cannot be empty');
    else if (!d.url.trim().startsWith('{{')) {
      // The URL as Send would build it, with any value in place of its variables: the Checklist
      // must refuse what Send refuses (a URL that cannot parse), and accept what Send accepts.
      const problem = urlProblem(
        encodeUrlLiteral(
          composeUrl(
            d.url.trim(),
            d.query.filter((r) => r.enabled),
          )
            .replace(/#.*$/, '')
            .replace(tokenPattern(), 'x'),
        ),
      );
      if (problem) problems.push(problem);
    }
    if (BODY_METHODS.includes(d.method) && d.body.type === 'json') {
      const problem = jsonTemplateProblem(d.body.json);
      if (problem) problems.push(`The JSON body cannot be sent: ${problem}`);
    }
    if (stage !== 'post' && d.interim.enabled && !d.interim.text.trim()) problems.push('Interim message cannot be empty');
    const range = timeoutRange(stage);
    if (d.timeoutSeconds > range.max) problems.push(`Timeout Duration is ${range.min}–${range.max} s ${stage === 'pre' ? 'before the call' : ''}`.trim());
    return problems;
  },
  executor: () => import('./apiRequestExecutor').then((m) => m.apiRequestExecutor),
  summary: (d) => composeUrl(d.url, d.query),
  badge: (d) => d.method,
  // A tested block offers exactly its last 2xx response's fields; untested, any path under its name.
  publishes: (d, { id, prefix }) =>
    d.published?.length
      ? {
          variables: d.published.map((v) => ({
            name: `${prefix}.${v.path}`,
            label: v.path,
            type: v.type,
            value: v.value,
            sourceId: id,
            ...(v.path === 'response' ? { description: 'The whole response body' } : {}),
          })),
          ...(testIsStale(d) ? { note: 'Request changed since this test: test again to refresh these values.' } : {}),
        }
      : {
          variables: [
            { name: `${prefix}.response`, label: 'response', description: 'The whole response body (test the block to list its fields)', sourceId: id },
          ],
          openPrefix: `${prefix}.`,
        },
  outcome: (d) => d.outcome,
});
