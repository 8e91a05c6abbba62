import { create } from 'zustand';
import { realClock } from '../domain/engine/realClock';
import { virtualClock } from '../domain/engine/virtualClock';
import type { FlowTest } from '../domain/testing/flowTestSchema';
import { runFlowTest, type FlowTestResult } from '../domain/testing/runFlowTest';
import { proxyTransport } from '../net/proxyTransport';
import { useFlowStore } from '../store/useFlowStore';

export type RunState = { status: 'running' } | { status: 'done'; result: FlowTestResult; ms: number };

/** The latest run of each saved test, by name, for the flow that is open. */
export const useTestRuns = create<{ flowId: string; runs: Record<string, RunState> }>(() => ({ flowId: '', runs: {} }));

/**
 * Runs saved tests of the open flow as `switchboard test` does (one engine, one runner): mocks,
 * faults and replays on a virtual clock, so a 30 s timeout costs nothing. A test that sends a
 * Live request runs on the wall clock through the proxy.
 */
export async function runSavedTests(tests: readonly FlowTest[]) {
  const { flowId } = useFlowStore.getState();
  const flow = useFlowStore.getState().toDocument();
  if (useTestRuns.getState().flowId !== flowId) useTestRuns.setState({ flowId, runs: {} });
  const set = (name: string, state: RunState) => {
    if (useTestRuns.getState().flowId === flowId) useTestRuns.setState((s) => ({ runs: { ...s.runs, [name]: state } }));
  };
  for (const test of tests) set(test.name, { status: 'running' });
  for (const test of tests) {
    const live = Object.values(test.apis).some((b) => b.mode === 'live');
    const started = performance.now();
    const result = await runFlowTest(flow, test, { clock: live ? realClock() : virtualClock(), liveTransport: proxyTransport });
    set(test.name, { status: 'done', result, ms: performance.now() - started });
  }
}
