import type { Clock, Transport } from '../engine/EngineTypes';
import type { FlowDocument } from '../flow/FlowDocument';
import type { ApiRequestData } from '../blocks/api-request/apiRequestBlock';
import { resolvedKey } from '../blocks/api-request/testIsStale';
import type { ProxyAnswer, ProxyFailure } from '../request/ProxyAnswer';
import type { ResolvedRequest } from '../request/resolveRequest';
import type { Behaviour, FaultStep } from './flowTestSchema';
import { describeStep } from './faultSequence';

interface Options {
  flow: FlowDocument;
  /** Behaviour by block id; blocks not listed use `fallback`. A function is read at each request (the chat's settings may change mid-call). */
  behaviours: Readonly<Record<string, Behaviour>> | (() => Readonly<Record<string, Behaviour>>);
  fallback: Behaviour;
  clock: Clock;
  /** The real transport, for Live. */
  live?: Transport;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  401: 'Unauthorized',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};
const FAILURES: Record<'timeout' | 'refused' | 'reset' | 'dns', { code: string; message: string }> = {
  timeout: { code: 'TIMEOUT', message: 'The API did not answer within the block’s timeout.' },
  refused: { code: 'CONNECTION_REFUSED', message: 'The API refused the connection (nothing listens on that port).' },
  reset: { code: 'CONNECTION_RESET', message: 'The API closed the connection before answering.' },
  dns: { code: 'DNS', message: 'The API’s host name could not be found.' },
};

function answer(status: number, headers: [string, string][], text: string, injected: string, url: string, ms: number): ProxyAnswer {
  return {
    ok: true,
    status,
    statusText: REASONS[status] ?? '',
    headers,
    body: { text, bytes: new TextEncoder().encode(text).length, truncated: false },
    timings: { totalMs: ms },
    url,
    redirects: [],
    injected,
  };
}

/** The request without the Idempotency-Key the retry loop adds: the Test step digested it before that. */
function asTested(request: ResolvedRequest): ResolvedRequest {
  const headers = request.headers.filter(([k]) => k.toLowerCase() !== 'idempotency-key');
  return headers.length === request.headers.length ? request : { ...request, headers };
}

/**
 * A test's transport (issue: flow tests without a phone): per API Request block, a real request
 * (Live), the Test step's saved response replayed (Last test response), a hand-written Mock, or
 * a Fault sequence. Waits go through the call's clock, so a virtual clock makes them free; an
 * answer slower than the block's timeout is a timeout, on any clock. Every answer says in
 * `injected` what it was, and the trace shows it.
 */
export function injectedTransport({ flow, behaviours, fallback, clock, live }: Options): Transport {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const attempts = new Map<string, number>();

  /** Waits `ms` (capped by the timeout); false when the timeout came first. */
  const wait = async (ms: number, timeoutMs: number, signal?: AbortSignal) => {
    if (ms >= timeoutMs) {
      await clock.sleep(timeoutMs, signal);
      return false;
    }
    if (ms > 0) await clock.sleep(ms, signal);
    return true;
  };
  const timedOut = (injected: string): ProxyFailure => ({ ok: false, error: FAILURES.timeout, injected });

  return async (request, options) => {
    const id = options.blockId ?? '';
    const node = byId.get(id);
    const data = node?.data as ApiRequestData | undefined;
    const behaviour = (typeof behaviours === 'function' ? behaviours() : behaviours)[id] ?? fallback;
    const n = (attempts.get(id) ?? 0) + 1;
    attempts.set(id, n);
    const tested = data?.lastTest?.response;
    const lastBody = tested && tested.status < 300 ? (tested.text ?? '') : '{}';
    const lastType: [string, string][] = tested?.headers.filter(([k]) => k.toLowerCase() === 'content-type') ?? [];
    switch (behaviour.mode) {
      case 'live':
        if (!live)
          return {
            ok: false,
            error: { code: 'NOT_MOCKED', message: 'Live requests are off in this run: give the block a mock or run with --live.' },
            injected: 'Live is off',
          };
        return live(request, options);
      case 'last': {
        if (!tested)
          return {
            ok: false,
            error: { code: 'NOT_MOCKED', message: `“${String(data?.name ?? id)}” has no test response to replay: test the block, or give it a mock.` },
            injected: 'Last test response (none saved)',
          };
        const stale = !!data?.lastTest?.resolvedKey && data.lastTest.resolvedKey !== resolvedKey(asTested(request));
        const label = stale ? 'Last test response (stale: the request changed since that test)' : 'Last test response';
        return answer(tested.status, tested.headers, tested.text ?? '', label, request.url, 0);
      }
      case 'mock': {
        const label = `Mock ${behaviour.status}${behaviour.latencyMs ? ` after ${behaviour.latencyMs} ms` : ''}`;
        if (!(await wait(behaviour.latencyMs, options.timeoutMs, options.signal))) return timedOut(label);
        return answer(behaviour.status, behaviour.headers, behaviour.body, label, request.url, behaviour.latencyMs);
      }
      case 'fault': {
        const step: FaultStep = behaviour.steps[Math.min(n, behaviour.steps.length) - 1]!;
        const label = `Fault: ${describeStep(step)}`;
        switch (step.fault) {
          case 'timeout':
            await wait(Infinity, options.timeoutMs, options.signal);
            return timedOut(label);
          case 'refused':
          case 'reset':
          case 'dns':
            return { ok: false, error: FAILURES[step.fault], injected: label };
          case 'invalid-json':
            return answer(200, [['Content-Type', 'application/json']], '{"order": {"id": 42, ', label, request.url, 0);
          case 'ok':
            return answer(200, lastType.length ? lastType : [['Content-Type', 'application/json']], lastBody, label, request.url, 0);
          case 'slow':
            if (!(await wait(step.ms, options.timeoutMs, options.signal))) return timedOut(label);
            return answer(200, lastType.length ? lastType : [['Content-Type', 'application/json']], lastBody, label, request.url, step.ms);
          case 'status': {
            const headers: [string, string][] = [['Content-Type', 'application/json']];
            if (step.retryAfter) headers.push(['Retry-After', step.retryAfter]);
            return answer(step.status, headers, JSON.stringify({ error: REASONS[step.status] ?? `HTTP ${step.status}` }), label, request.url, 0);
          }
        }
      }
    }
  };
}
