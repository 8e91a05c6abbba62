import { create } from 'zustand';
import { createCall, type Call, type CallState } from '../domain/engine/createCall';
import type { TraceEvent, Waiting } from '../domain/engine/EngineTypes';
import { realClock } from '../domain/engine/realClock';
import { proxyTransport } from '../net/proxyTransport';
import { useFlowStore } from '../store/useFlowStore';

export interface TestSession {
  trace: readonly TraceEvent[];
  state: CallState;
  waiting: Waiting | null;
  /** Set while the values for Test from here are being asked for. */
  startAt?: string;
  started: boolean;
}

/** What a test call knows before it starts: the call's own values, as a real call would have them. */
export function callValues(): Record<string, unknown> {
  return { 'call.caller_number': '+15550100', 'call.called_number': '+15550199', 'call.id': 'test-call', 'call.start_time': new Date().toISOString() };
}

let call: Call | null = null;
let unsubscribe: (() => void) | null = null;
let unwatchFlow: (() => void) | null = null;

export const useTestSession = create<TestSession>(() => ({ trace: [], state: 'idle', waiting: null, started: false }));

/** Mirrors the call into the session store (for the chat) and the flow store (for the canvas). */
function sync() {
  if (!call) return;
  useTestSession.setState({ trace: [...call.trace], state: call.state, waiting: call.waiting });
  useFlowStore.getState().setTestRun({ current: call.state === 'ended' ? null : call.current, visited: [...call.visited] });
}

/** Ends the current call at once (a restart, a closed panel, another flow). */
export function stopTest() {
  call?.abort();
  unsubscribe?.();
  unwatchFlow?.();
  call = null;
  unsubscribe = null;
  unwatchFlow = null;
  useFlowStore.getState().setTestRun(null);
  useTestSession.setState({ trace: [], state: 'idle', waiting: null, started: false });
}

/**
 * Starts a test call of the open flow on the engine, with the wall clock and the proxy: what the
 * chat shows is what a call would do. `startAt` and `values` for Test from here.
 */
export function startTest(startAt?: string, values: Record<string, unknown> = {}) {
  stopTest();
  const flow = useFlowStore.getState().toDocument();
  call = createCall(flow, { clock: realClock(), transport: proxyTransport, values: { ...callValues(), ...values }, ...(startAt ? { startAt } : {}) });
  unsubscribe = call.subscribe(sync);
  // The call lives while its panel is hidden (a block opened to look at it), not past its flow.
  const flowId = useFlowStore.getState().flowId;
  unwatchFlow = useFlowStore.subscribe((s) => { if (s.flowId !== flowId) stopTest(); });
  useTestSession.setState({ started: true, startAt });
  const running = call;
  void running.start().then(() => { if (call === running) sync(); });
}

/** The caller's turn: words, a chosen exit, or hanging up. Each settles when the call waits again. */
export function callerSays(text: string) { const c = call; void c?.say(text).then(() => { if (call === c) sync(); }); sync(); }
export function callerChooses(exitId: string) { const c = call; void c?.choose(exitId).then(() => { if (call === c) sync(); }); sync(); }
export function callerHangsUp() { const c = call; void c?.hangUp().then(() => { if (call === c) sync(); }); sync(); }
