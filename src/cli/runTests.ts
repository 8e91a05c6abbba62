import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseFlowFile } from '../domain/flow/parseFlowFile';
import { flowChecklist } from '../domain/flow/flowChecklist';
import { virtualClock } from '../domain/engine/virtualClock';
import { realClock } from '../domain/engine/realClock';
import { parseTestFile } from '../domain/testing/parseTestFile';
import { runFlowTest, type FlowTestResult } from '../domain/testing/runFlowTest';
import { describeDifference, junitReport } from '../domain/testing/junitReport';
import type { FlowTest } from '../domain/testing/flowTestSchema';
import { blockRefs } from '../domain/testing/blockRefs';
import { createForwarder } from '../server/proxy/createForwarder';
import { proxyOptionsFromEnv } from '../server/proxy/createProxyHandler';
import { forwarderTransport } from './forwarderTransport';

export interface RunArgs {
  flowPath: string;
  testPaths: string[];
  junit?: string;
  json: boolean;
  live: boolean;
}
interface Out {
  log(line: string): void;
  error(line: string): void;
  color: boolean;
}

/** Exit codes: 0 all passed, 1 a test failed, 2 the flow or a test file cannot be used. */
export async function runTests(args: RunArgs, out: Out, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const paint = (code: string, s: string) => (out.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  let text: string;
  try {
    text = await readFile(args.flowPath, 'utf8');
  } catch (e) {
    out.error(`Cannot read ${args.flowPath}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
    return 2;
  }
  const parsed = parseFlowFile(text);
  if (!parsed.ok) {
    out.error(`${args.flowPath} is not a flow Switchboard can run: ${parsed.error}`);
    return 2;
  }
  const flow = parsed.flow;
  const problems = flowChecklist(flow.nodes, flow.edges, flow.variables).filter((p) => p.messages.length);
  if (problems.length) {
    out.error(`“${flow.name}” has problems to fix first (its Flow Checklist lists them):`);
    for (const p of problems) for (const m of p.messages) out.error(`  ${p.blockName || 'Unnamed block'}: ${m}`);
    return 2;
  }
  let tests: FlowTest[] = flow.tests;
  if (args.testPaths.length) {
    tests = [];
    for (const path of args.testPaths) {
      let source: string;
      try {
        source = await readFile(path, 'utf8');
      } catch (e) {
        out.error(`Cannot read ${path}: ${(e as Error).message}`);
        return 2;
      }
      const file = parseTestFile(source, basename(path));
      if (!file.ok) {
        for (const e of file.errors) out.error(e);
        return 2;
      }
      tests.push(...file.tests);
    }
  }
  if (!tests.length) {
    out.error(`“${flow.name}” has no saved tests. Save one from the Test agent (Save as test), or pass test files.`);
    return 2;
  }

  const forwarder = args.live ? createForwarder(proxyOptionsFromEnv(env)) : null;
  const refs = blockRefs(flow);
  const results: (FlowTestResult & { ms: number })[] = [];
  if (!args.json)
    out.log(`${flow.name}: ${tests.length} test${tests.length === 1 ? '' : 's'}${args.live ? ' (live: real requests for blocks without a mock)' : ''}`);
  const started = performance.now();
  try {
    for (const test of tests) {
      const t0 = performance.now();
      // Live requests take real time, so a live run keeps the wall clock; otherwise waits are free.
      const result = await runFlowTest(flow, test, {
        clock: args.live ? realClock() : virtualClock(),
        live: args.live,
        ...(forwarder ? { liveTransport: forwarderTransport(forwarder) } : {}),
      });
      const ms = performance.now() - t0;
      results.push({ ...result, ms });
      if (args.json) continue;
      out.log(`  ${result.passed ? paint('32', '✓') : paint('31', '✗')} ${test.name} ${paint('2', `(${ms.toFixed(1)} ms)`)}`);
      for (const d of result.differences.slice(0, 5))
        out.log(`      ${describeDifference(d)}${d.blockId ? paint('2', ` — block “${refs.nameOf(d.blockId)}”`) : ''}`);
      if (result.differences.length > 5) out.log(paint('2', `      …and ${result.differences.length - 5} more`));
    }
  } finally {
    await forwarder?.close();
  }
  const failed = results.filter((r) => !r.passed).length;
  const passed = results.length - failed;
  if (args.junit) await writeFile(args.junit, junitReport(flow.name, results));
  if (args.json) {
    out.log(
      JSON.stringify(
        {
          flow: flow.name,
          passed,
          failed,
          tests: results.map((r) => ({
            name: r.name,
            passed: r.passed,
            ms: Math.round(r.ms * 100) / 100,
            differences: r.differences.map((d) => ({ ...d, ...(d.blockId ? { block: refs.nameOf(d.blockId) } : {}) })),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    out.log(`${passed} passed, ${failed} failed ${paint('2', `(${(performance.now() - started).toFixed(0)} ms)`)}`);
  }
  return failed ? 1 : 0;
}
