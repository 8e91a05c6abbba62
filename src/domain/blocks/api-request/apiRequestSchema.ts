import * as z from 'zod/mini';
import { apiRequestDefaults, FIRST_WAIT_RANGE, HTTP_METHODS } from './apiRequestBlock';
import { BODY_TYPES } from '../../request/ApiRequestConfig';
import { VARIABLE_TYPES } from '../../variables/VariableType';

const d = apiRequestDefaults();
const row = z.object({ id: z.string(), key: z.string(), value: z.string(), enabled: z._default(z.boolean(), true) });
const rows = z._default(z.array(row), []);

/** What a stored or imported API Request block may hold; settings it lacks get their defaults. */
export const apiRequestSchema = z.object({
  name: z._default(z.string(), d.name),
  // Blocks stored before Setup existed were configured by hand.
  configured: z._default(z.boolean(), true),
  method: z._default(z.enum(HTTP_METHODS), d.method),
  url: z._default(z.string(), d.url),
  headers: rows,
  query: rows,
  body: z._default(
    z.object({
      type: z._default(z.enum(BODY_TYPES), d.body.type),
      jsonMode: z._default(z.enum(['manual', 'code']), d.body.jsonMode),
      json: z._default(z.string(), d.body.json),
      form: rows,
      raw: z._default(z.string(), d.body.raw),
      rawContentType: z._default(z.string(), d.body.rawContentType),
    }),
    d.body,
  ),
  timeoutSeconds: z._default(z.number().check(z.int(), z.gte(1), z.lte(30)), d.timeoutSeconds),
  retry: z._default(
    z.object({
      enabled: z._default(z.boolean(), d.retry.enabled),
      maxAttempts: z._default(z.number().check(z.int(), z.gte(1), z.lte(10)), d.retry.maxAttempts),
      backoff: z._default(z.enum(['exponential', 'fixed']), d.retry.backoff),
      initialDelayMs: z._default(z.number().check(z.gte(FIRST_WAIT_RANGE.min), z.lte(FIRST_WAIT_RANGE.max)), d.retry.initialDelayMs),
      onTimeout: z._default(z.boolean(), d.retry.onTimeout),
      onNetworkError: z._default(z.boolean(), d.retry.onNetworkError),
      on5xx: z._default(z.boolean(), d.retry.on5xx),
      on429: z._default(z.boolean(), d.retry.on429),
      idempotencyKey: z._default(z.boolean(), d.retry.idempotencyKey),
    }),
    d.retry,
  ),
  interim: z._default(
    z.object({
      enabled: z._default(z.boolean(), d.interim.enabled),
      mode: z._default(z.enum(['fixed', 'promptable']), d.interim.mode),
      text: z._default(z.string(), d.interim.text),
      delayEnabled: z._default(z.boolean(), d.interim.delayEnabled),
      delaySeconds: z._default(z.number().check(z.gte(0), z.lte(60)), d.interim.delaySeconds),
    }),
    d.interim,
  ),
  errorHandling: z._default(z.boolean(), d.errorHandling),
  outcome: z._default(z.string(), d.outcome),
  // What the last 2xx test published (the variables later blocks can use); replaced by the next one.
  published: z._default(z.array(z.object({ path: z.string(), type: z.enum(VARIABLE_TYPES), value: z.optional(z.unknown()) })), []),
  samples: z._default(z.record(z.string(), z.object({ text: z.string(), type: z.enum(VARIABLE_TYPES) })), {}),
  lastTest: z.optional(
    z.object({
      at: z.string(),
      // Digests of what was tested: the resolved request (method, URL, headers, body) and the
      // block's request settings, to say "Request changed since this test" (see testIsStale).
      resolvedKey: z.optional(z.string()),
      settingsKey: z.optional(z.string()),
      attempts: z.array(z.object({ outcome: z.string(), waitMs: z.number() })),
      response: z.optional(
        z.object({
          status: z.number(),
          statusText: z.string(),
          totalMs: z.number(),
          bytes: z.number(),
          truncated: z.boolean(),
          headers: z.array(z.tuple([z.string(), z.string()])),
          text: z.optional(z.string()),
          // How much of the body was saved (storedBody): whole, a JSON sample, or the start of the text.
          kept: z.optional(z.enum(['whole', 'sample', 'start'])),
          url: z.string(),
        }),
      ),
      error: z.optional(z.object({ code: z.string(), message: z.string() })),
    }),
  ),
});
