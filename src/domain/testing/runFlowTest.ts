import { createCall } from '../engine/createCall';
import type { Clock, TraceEvent, Transport } from '../engine/EngineTypes';
import { testCallValues } from '../engine/testCallValues';
import type { FlowDocument } from '../flow/FlowDocument';
import { blockRefs } from './blockRefs';
import { checkExpectations, type Difference } from './checkExpectations';
import type { Behaviour, FlowTest } from './flowTestSchema';
import { injectedTransport } from './injectedTransport';
import { normalizeName } from '../flow/uniqueName';

export interface FlowTestResult {
  name: string;
  passed: boolean;
  /** Every difference, the first one first (the one to show). */
  differences: (Difference & { step?: number })[];
  trace: readonly TraceEvent[];
  /** Time the call took on its clock (virtual time in the runner). */
  callMs: number;
}

export interface RunOptions {
  clock: Clock;
  /** Sends real requests (Live, and every block the test does not mock when `live` is on). */
  liveTransport?: Transport;
  /** Blocks the test does not mention: replay their last test response, or send for real. */
  live?: boolean;
  startTime?: string;
}

/**
 * Runs a saved test on the engine: its per-block behaviours as the transport, the caller's steps
 * in order, its expectations where they stand and at the end. A step the call cannot take (an
 * answer after the call ended, an exit the block does not have) is a difference, not a crash.
 */
export async function runFlowTest(flow: FlowDocument, test: FlowTest, options: RunOptions): Promise<FlowTestResult> {
  const refs = blockRefs(flow);
  const differences: FlowTestResult['differences'] = [];
  const behaviours: Record<string, Behaviour> = {};
  for (const [ref, behaviour] of Object.entries(test.apis)) {
    const id = refs.idOf(ref);
    if (id) behaviours[id] = behaviour;
    else differences.push({ what: `Block “${ref}”`, expected: 'an API Request block of this flow', actual: 'no block has this name' });
  }
  const transport = injectedTransport({
    flow,
    behaviours,
    fallback: { mode: options.live ? 'live' : 'last' },
    clock: options.clock,
    ...(options.liveTransport ? { live: options.liveTransport } : {}),
  });
  const started = options.clock.now();
  const call = createCall(flow, { clock: options.clock, transport, values: testCallValues(options.startTime ?? '2026-01-01T09:00:00.000Z') });
  await call.start();
  let stepNo = 0;
  for (const step of test.steps) {
    stepNo++;
    if ('expect' in step) {
      for (const d of checkExpectations(step.expect, call, refs)) differences.push({ ...d, step: stepNo });
      continue;
    }
    if ('hangup' in step) {
      await call.hangUp();
      continue;
    }
    const waiting = call.waiting;
    const where = call.current ? `“${refs.nameOf(call.current)}”` : 'the end';
    if (call.state !== 'waiting' || !waiting) {
      differences.push({
        what: `Step ${stepNo}`,
        expected: 'caller' in step ? `the agent waits for “${step.caller}”` : `the exit “${step.choose}”`,
        actual: `the call had already ended (at ${where})`,
        step: stepNo,
      });
      break;
    }
    if ('caller' in step) {
      await call.say(step.caller);
      continue;
    }
    const exits = waiting.kind === 'talk' ? waiting.exits : [];
    const exit = exits.find((e) => normalizeName(e.label) === normalizeName(step.choose) || e.id === step.choose);
    if (!exit) {
      differences.push({
        what: `Step ${stepNo}`,
        expected: `the exit “${step.choose}”`,
        actual: exits.length ? `${where} offers ${exits.map((e) => `“${e.label}”`).join(', ')}` : `${where} asks a question (answer it with caller:)`,
        blockId: waiting.blockId,
        step: stepNo,
      });
      break;
    }
    await call.choose(exit.id);
  }
  // The caller hangs up when the steps run out: post-call work runs, as after a real call.
  if (call.state !== 'ended') await call.hangUp();
  if (test.expect) differences.push(...checkExpectations(test.expect, call, refs));
  // What kept the test from meaning anything comes first: a block with nothing to answer, a flow that cannot run.
  const unmocked = new Set<string>();
  for (const e of [...call.trace].reverse()) {
    if (e.kind === 'api.attempt' && e.error === 'NOT_MOCKED' && !unmocked.has(e.blockId!)) {
      unmocked.add(e.blockId!);
      differences.unshift({
        what: `“${refs.nameOf(e.blockId!)}”`,
        expected: 'a mocked or replayed answer',
        actual: e.message ?? 'nothing to replay',
        blockId: e.blockId!,
      });
    }
    if (e.kind === 'problem' && e.fatal)
      differences.unshift({ what: 'The call', expected: 'runs to its end', actual: e.message, ...(e.blockId ? { blockId: e.blockId } : {}) });
  }
  return { name: test.name, passed: differences.length === 0, differences, trace: call.trace, callMs: Math.round(options.clock.now() - started) };
}
