import type { FlowNode, Stage } from '../flow/FlowDocument';
import type { Clock, Speech, TraceEvent, Transport, Waiting } from './EngineTypes';

/** An event as an executor reports it: the engine adds `seq`, `at` and `blockId`. */
export type NewEvent = TraceEvent extends infer E ? (E extends TraceEvent ? Omit<E, 'seq' | 'at' | 'blockId'> : never) : never;

/** What an executor may do while its block runs. */
export interface ExecContext {
  node: FlowNode;
  stage: Stage;
  clock: Clock;
  transport: Transport;
  signal: AbortSignal;
  /** The call's values so far (variables by name). */
  values: Readonly<Record<string, unknown>>;
  /** Stores a value (a `var.set` event; secret values are masked in the trace). */
  set(name: string, value: unknown): void;
  emit(event: NewEvent): void;
  /** The agent speaks: a `silence` measure, then `agent.say`. */
  say(text: string, speech: Speech, promptable?: boolean): void;
  /** Field text with its variables filled in; a variable with no value is a (non-fatal) problem. */
  text(template: string): string;
  /** Secret values masked, for anything that goes into the trace. */
  mask(text: string): string;
  /** A request as the trace may show it: the same object when the call has no secrets. */
  maskRequest<R extends { url: string; headers: [string, string][]; body?: string }>(request: R): R;
  /** Waits for the caller. Resolves with what they said (or the exit id they chose). */
  input(waiting: Waiting): Promise<string>;
  /** The name prefix of this block's variables (`find_order`). */
  prefix: string;
}

/** How a block ends: by one of its outputs, or by ending the call. */
export type ExecResult = { handle: string } | { end: true };

/** A block's runtime (DESIGN.md §2.5): runs the block and says where to go; the engine walks. */
export type Executor<D = Record<string, unknown>> = (ctx: ExecContext, data: D) => Promise<ExecResult>;
