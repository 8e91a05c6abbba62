import { create } from 'zustand';
import { createCall, type Call, type CallState } from '../domain/engine/createCall';
import type { TraceEvent, Waiting } from '../domain/engine/EngineTypes';
import { realClock } from '../domain/engine/realClock';
import { skipWaitsClock } from '../domain/engine/skipWaitsClock';
import { testCallValues } from '../domain/engine/testCallValues';
import type { Behaviour, TestStep } from '../domain/testing/flowTestSchema';
import { injectedTransport } from '../domain/testing/injectedTransport';
import { proxyTransport } from '../net/proxyTransport';
import { useFlowStore } from '../store/useFlowStore';

export interface TestSession {
  trace: readonly TraceEvent[];
  state: CallState;
  waiting: Waiting | null;
  /** Set while the values for Test from here are being asked for. */
  startAt?: string;
  started: boolean;
  /** What each API Request block does in this test (by block id; Live when absent). Never saved into the block. */
  behaviours: Record<string, Behaviour>;
  /** Backoffs, Retry-After, interim delays and mock latency pass at once. */
  skipWaits: boolean;
  /** The caller's side of this call, in order: what Save as test keeps. */
  inputs: TestStep[];
}

/** What a test call knows before it starts: the call's own values, as a real call would have them. */
function callValues(): Record<string, unknown> {
  return testCallValues(new Date().toISOString());
}

let call: Call | null = null;
let unsubscribe: (() => void) | null = null;
let unwatchFlow: (() => void) | null = null;

export const useTestSession = create<TestSession>(() => ({
  trace: [],
  state: 'idle',
  waiting: null,
  started: false,
  behaviours: {},
  skipWaits: false,
  inputs: [],
}));

/** Mirrors the call into the session store (for the chat) and the flow store (for the canvas). */
function sync() {
  if (!call) return;
  useTestSession.setState({ trace: [...call.trace], state: call.state, waiting: call.waiting });
  useFlowStore.getState().setTestRun({ current: call.state === 'ended' ? null : call.current, visited: [...call.visited] });
}

/** Ends the current call at once (a restart, a closed panel, another flow). Behaviours stay for the next run. */
export function stopTest() {
  call?.abort();
  unsubscribe?.();
  unwatchFlow?.();
  call = null;
  unsubscribe = null;
  unwatchFlow = null;
  useFlowStore.getState().setTestRun(null);
  useTestSession.setState({ trace: [], state: 'idle', waiting: null, started: false, inputs: [] });
}

/** Sets what a block does in tests from its next request on (the call that is running included). */
export function setBehaviour(blockId: string, behaviour: Behaviour | null) {
  const rest = Object.fromEntries(Object.entries(useTestSession.getState().behaviours).filter(([id]) => id !== blockId));
  useTestSession.setState({ behaviours: behaviour && behaviour.mode !== 'live' ? { ...rest, [blockId]: behaviour } : rest });
}

/**
 * Starts a test call of the open flow on the engine, with the wall clock (or Skip waits) and the
 * proxy, each API block answering as its test behaviour says: what the chat shows is what a call
 * would do. `startAt` and `values` for Test from here.
 */
export function startTest(startAt?: string, values: Record<string, unknown> = {}) {
  stopTest();
  const flow = useFlowStore.getState().toDocument();
  const clock = useTestSession.getState().skipWaits ? skipWaitsClock(realClock()) : realClock();
  const transport = injectedTransport({
    flow,
    behaviours: () => useTestSession.getState().behaviours,
    fallback: { mode: 'live' },
    clock,
    live: proxyTransport,
  });
  call = createCall(flow, { clock, transport, values: { ...callValues(), ...values }, ...(startAt ? { startAt } : {}) });
  unsubscribe = call.subscribe(sync);
  // The call lives while its panel is hidden (a block opened to look at it), not past its flow.
  const flowId = useFlowStore.getState().flowId;
  unwatchFlow = useFlowStore.subscribe((s) => {
    if (s.flowId !== flowId) {
      stopTest();
      useTestSession.setState({ behaviours: {} });
    }
  });
  useTestSession.setState({ started: true, startAt });
  const running = call;
  void running.start().then(() => {
    if (call === running) sync();
  });
}

function record(step: TestStep) {
  useTestSession.setState((s) => ({ inputs: [...s.inputs, step] }));
}

/** The caller's turn: words, a chosen exit, or hanging up. Each settles when the call waits again. */
export function callerSays(text: string) {
  const c = call;
  if (c?.waiting) record({ caller: text });
  void c?.say(text).then(() => {
    if (call === c) sync();
  });
  sync();
}
export function callerChooses(exitId: string) {
  const c = call;
  const exit = c?.waiting?.kind === 'talk' ? c.waiting.exits.find((e) => e.id === exitId) : undefined;
  if (exit) record({ choose: exit.label });
  void c?.choose(exitId).then(() => {
    if (call === c) sync();
  });
  sync();
}
export function callerHangsUp() {
  const c = call;
  if (c && c.state !== 'ended') record({ hangup: true });
  void c?.hangUp().then(() => {
    if (call === c) sync();
  });
  sync();
}
