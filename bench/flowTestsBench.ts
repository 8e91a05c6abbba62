import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultData } from '../src/domain/blocks/blockCatalog';
import type { FlowDocument, FlowNode } from '../src/domain/flow/FlowDocument';
import type { FlowTest } from '../src/domain/testing/flowTestSchema';
import { percentiles } from './measure';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/switchboard.mjs');
const retry = {
  enabled: true,
  maxAttempts: 3,
  backoff: 'exponential',
  initialDelayMs: 500,
  onTimeout: true,
  onNetworkError: true,
  on5xx: true,
  on429: true,
  idempotencyKey: true,
};

/** 50 blocks: Start, a Talk, then 24 API Request + Filter pairs (each API with retries and an Error route), End Calls. */
function fiftyBlockFlow(tests: number): FlowDocument {
  const nodes: FlowNode[] = [];
  const edges: FlowDocument['edges'] = [];
  const add = (id: string, type: FlowNode['type'], data: Record<string, unknown> = {}) => {
    nodes.push({ id, type, stage: 'live', position: { x: 0, y: nodes.length * 140 }, data: { ...defaultData(type), name: id, ...data } });
  };
  const link = (source: string, sourceHandle: string, target: string) =>
    edges.push({ id: `e${edges.length}`, source, sourceHandle, target, targetHandle: 'in' });
  add('Start', 'start');
  add('Ask', 'talk', { prompt: 'Ask what they need', exits: [{ id: 'go', label: 'Wants a check' }] });
  link('Start', 'next', 'Ask');
  add('Sorry', 'endCall', { message: 'Sorry, something is down.' });
  let last = 'Ask';
  let handle = 'exit:go';
  for (let i = 1; i <= 23; i++) {
    add(`Api ${i}`, 'apiRequest', {
      configured: true,
      url: `https://api.example.com/items/${i}?caller={{call.caller_number}}`,
      errorHandling: true,
      retry,
      lastTest: {
        at: '2026-12-01T00:00:00Z',
        attempts: [],
        response: {
          status: 200,
          statusText: 'OK',
          totalMs: 90,
          bytes: 11,
          truncated: false,
          headers: [['content-type', 'application/json']],
          text: '{"ok":true}',
          url: '',
        },
      },
    });
    add(`Check ${i}`, 'filter', { cases: [{ id: 'c', match: 'all', conditions: [{ id: 'k', variable: `{{api_${i}.ok}}`, operator: 'is true', value: '' }] }] });
    link(last, handle, `Api ${i}`);
    link(`Api ${i}`, 'error', 'Sorry');
    link(`Api ${i}`, 'next', `Check ${i}`);
    link(`Check ${i}`, 'else', 'Sorry');
    last = `Check ${i}`;
    handle = 'case:c';
  }
  add('Done', 'endCall', { message: 'All {{api_23.ok}}.' });
  link(last, handle, 'Done');
  const names = nodes.filter((n) => n.type === 'apiRequest').map((n) => String(n.data.name));
  while (nodes.length < 50) add(`Note ${nodes.length}`, 'sticky', { text: 'Padding to 50 blocks' });
  const list: FlowTest[] = [];
  for (let t = 0; t < tests; t++) {
    // Every tenth test rides out two 503s on one API (retries and backoff on the virtual clock); every 25th times out.
    const apis: FlowTest['apis'] = Object.fromEntries(
      names.map((name, i) => [
        name,
        t % 25 === 0 && i === 20
          ? { mode: 'fault', steps: [{ fault: 'timeout' }] }
          : t % 10 === 0 && i === t % 23
            ? { mode: 'fault', steps: [{ fault: 'status', status: 503 }, { fault: 'status', status: 503 }, { fault: 'ok' }] }
            : { mode: 'mock', status: 200, headers: [['Content-Type', 'application/json']], body: `{"ok": true, "n": ${i}}`, latencyMs: 120 },
      ]),
    );
    list.push({
      name: `Test ${t + 1}`,
      apis,
      steps: [{ choose: 'Wants a check' }],
      expect: { finalBlock: t % 25 === 0 ? 'Sorry' : 'Done', maxSilenceMs: t % 25 === 0 ? 60_000 : 30_000 },
    });
  }
  return { format: 'switchboard-flow', version: 4, id: 'bench-tests', name: 'Bench tests', variables: [], nodes, edges, tests: list };
}

/**
 * `switchboard test` on saved tests of a 50-block flow, all APIs mocked: 1000 tests through the
 * real bin (start-up included), and the median time per test from its --json report. The
 * baseline is the bin's own start-up (`--help`).
 */
export async function flowTestsBench(): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const path = join(dir, 'flow.json');
  writeFileSync(path, JSON.stringify(fiftyBlockFlow(1000)));
  const startups: number[] = [];
  const walls: number[] = [];
  let perTest = 0;
  for (let round = 0; round < 3; round++) {
    let t0 = performance.now();
    execFileSync(process.execPath, [bin, '--help'], { stdio: 'ignore' });
    startups.push(performance.now() - t0);
    t0 = performance.now();
    const out = JSON.parse(execFileSync(process.execPath, [bin, 'test', path, '--json'], { maxBuffer: 64 * 1024 * 1024 }).toString()) as {
      passed: number;
      failed: number;
      tests: { ms: number; differences: unknown[] }[];
    };
    walls.push(performance.now() - t0);
    if (out.failed) throw new Error(`bench tests failed: ${JSON.stringify(out.tests.find((t) => t.differences.length))}`);
    perTest = percentiles(out.tests.map((t) => t.ms)).p50;
  }
  const wall = percentiles(walls).p50;
  const startup = percentiles(startups).p50;
  return [
    [
      'switchboard test: 1000 saved tests, 50-block flow, mocks (wall, incl. start-up)',
      `${(wall / 1000).toFixed(2)} s`,
      `${(startup / 1000).toFixed(2)} s start-up`,
      `${(wall / startup).toFixed(2)}×`,
      '≤ 10 s',
    ],
    ['switchboard test: median time per test', `${perTest.toFixed(2)} ms`, '', '', '≤ 5 ms'],
  ];
}

if (process.argv[1]?.endsWith('flowTestsBench.ts')) console.log(await flowTestsBench());
