import { headerValue } from '../../request/headerValue';
import type { Executor } from '../../engine/Executor';
import { resolveRequest } from '../../request/resolveRequest';
import { responseValues } from '../../request/responseVariables';
import { runAttempts } from '../../request/runAttempts';
import { requestOf, type ApiRequestData } from './apiRequestBlock';

/**
 * API Request, exactly as configured: the interim message when the request starts (and the Post
 * Interim Message Delay before it is sent), the request built by resolveRequest, attempts and
 * retries by runAttempts. Only 2xx is success: it stores the response's values and takes Success
 * (or the continuation). A failure takes Error when error handling is on, otherwise continues with
 * the block's variables empty. On the post-call path there is no caller: no interim, no Error, no outcome.
 */
export const apiRequestExecutor: Executor<ApiRequestData> = async (ctx, data) => {
  const live = ctx.stage !== 'post';
  if (live && data.interim.enabled && data.interim.text.trim()) {
    ctx.say(ctx.text(data.interim.text), 'interim', data.interim.mode === 'promptable');
    if (data.interim.delayEnabled && data.interim.delaySeconds > 0) {
      const ms = data.interim.delaySeconds * 1000;
      ctx.emit({ kind: 'api.wait', reason: 'interim-delay', ms });
      await ctx.clock.sleep(ms, ctx.signal);
    }
  }
  if (live && data.outcome.trim()) ctx.emit({ kind: 'outcome.tag', outcome: data.outcome.trim() });
  const failed = live && data.errorHandling ? 'error' : 'next';

  const resolved = resolveRequest(requestOf(data), ctx.values);
  if (!resolved.ok) {
    for (const p of resolved.problems)
      ctx.emit({
        kind: 'problem',
        message: p.variable && !(p.variable in ctx.values) ? `“${p.variable}” has no value: the block that sets it was not reached.` : p.message,
        fatal: false,
      });
    ctx.emit({ kind: 'api.result', ok: false, route: failed, error: 'INVALID_REQUEST', ms: 0 });
    return { handle: failed };
  }
  let keys = 0;
  const run = await runAttempts({
    request: resolved.request,
    settings: data,
    clock: ctx.clock,
    transport: ctx.transport,
    signal: ctx.signal,
    blockId: ctx.node.id,
    // Deterministic in a call (the same run gives the same trace); unique per block and attempt loop.
    newKey: () => `${ctx.node.id}-${Math.round(ctx.clock.now())}-${++keys}`,
    onAttempt: (a) => {
      ctx.emit({
        kind: 'api.attempt',
        attempt: a.attempt,
        of: a.of,
        request: ctx.maskRequest(a.request),
        ms: a.ms,
        ...(a.injected ? { injected: a.injected } : {}),
        ...(a.status !== undefined ? { status: a.status, statusText: a.statusText } : { error: a.error!.code, message: a.error!.message }),
      });
      if (a.waitMs) ctx.emit({ kind: 'api.wait', reason: a.waitReason ?? 'backoff', ms: a.waitMs });
    },
  });
  const answer = run.answer;
  const ok = !!answer && answer.status >= 200 && answer.status < 300;
  const contentType = (answer && headerValue(answer.headers, 'content-type')) ?? '';
  ctx.emit({
    kind: 'api.result',
    ok,
    route: ok ? 'next' : failed,
    ms: run.totalMs,
    ...(answer
      ? { status: answer.status, contentType, ...(answer.body.text !== undefined ? { body: answer.body.text } : {}) }
      : { error: run.error?.code ?? 'UNKNOWN' }),
  });
  if (ok) for (const [path, value] of Object.entries(responseValues(answer.body.text, contentType))) ctx.set(`${ctx.prefix}.${path}`, value);
  return { handle: ok ? 'next' : failed };
};
