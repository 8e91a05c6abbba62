import type { ProxyAnswer, ProxyFailure } from '../request/ProxyAnswer';
import type { ResolvedRequest } from '../request/resolveRequest';

/**
 * Time as the engine sees it (DESIGN.md §2.5). Real in the browser; virtual in tests and the
 * command-line runner, where `sleep` moves time on at once, so a 30 s timeout costs nothing.
 */
export interface Clock {
  /** Milliseconds since some fixed origin. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Optional: `promise`'s outcome, or TIMED_OUT when `ms` pass first (the timer is dropped as soon as
   * the promise settles). Clocks that have it spare each request attempt an AbortController and its
   * events; without it the engine races `sleep` with one.
   */
  timeout?<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT>;
}

/** What Clock.timeout gives when the time ran out first. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * How a resolved request leaves: the proxy client, the proxy's forwarding code, a mock, a fault.
 * `blockId` names the API Request block sending it, so a test can give each block its own behaviour.
 */
export type Transport = (
  request: ResolvedRequest,
  options: { timeoutMs: number; signal?: AbortSignal; blockId?: string },
) => Promise<ProxyAnswer | ProxyFailure>;

export type Speech = 'turn' | 'interim' | 'final';

/** What the caller can be asked for next. */
export type Waiting =
  | { kind: 'talk'; blockId: string; exits: { id: string; label: string }[] }
  | { kind: 'collect'; blockId: string; field: string; type: string; confirming?: boolean; required: boolean };

interface Base {
  seq: number;
  /** Milliseconds from the start of the call, read from the clock. */
  at: number;
  blockId?: string;
}

/** One entry of a call's trace, in order. The same flow, inputs and answers give the same trace. */
export type TraceEvent = Base &
  (
    | { kind: 'block.enter'; blockType: string; blockName: string }
    | { kind: 'agent.say'; speech: Speech; text: string; promptable?: boolean }
    | { kind: 'caller.say'; text: string }
    | { kind: 'var.set'; name: string; value: unknown; secret?: boolean }
    | {
        kind: 'api.attempt';
        attempt: number;
        of: number;
        request: { method: string; url: string; headers: [string, string][]; body?: string };
        status?: number;
        statusText?: string;
        error?: string;
        message?: string;
        ms: number;
        injected?: string;
      }
    | { kind: 'api.wait'; reason: 'backoff' | 'retry-after' | 'interim-delay'; ms: number }
    | { kind: 'api.result'; ok: boolean; route: string; status?: number; error?: string; body?: string; contentType?: string; ms: number }
    | { kind: 'filter.case'; matched: string; conditions: { variable: string; operator: string; expected?: string; seen: unknown; ok: boolean }[] }
    | { kind: 'outcome.tag'; outcome: string }
    | { kind: 'route'; handle: string; label?: string; to: string }
    | { kind: 'silence'; ms: number; warning: boolean }
    | { kind: 'call.end'; reason: 'hangup' | 'end-block' | 'problem' | 'no-route' }
    | { kind: 'postcall.start'; blocks: string[] }
    | { kind: 'problem'; message: string; fatal: boolean }
  );

export type TraceKind = TraceEvent['kind'];
