import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseJunit } from 'junit2json';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const bin = join(root, 'bin/switchboard.mjs');
const example = join(root, 'examples/order-status.flow.json');
const handWritten = join(root, 'examples/order-status.tests.yaml');

/** Runs the real bin, as `npx switchboard` does. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
let flow: Record<string, unknown> & { nodes: { id: string; data: Record<string, unknown> }[]; tests: unknown[] };
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  flow = JSON.parse(await readFile(example, 'utf8'));
});
const write = async (name: string, content: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

describe('switchboard test', { timeout: 120_000 }, () => {
  test('the saved tests pass: exit 0 and a summary line', async () => {
    const r = await cli(['test', example]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/✓ Order found/);
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^2 passed, 0 failed/);
    expect(r.code).toBe(0);
  });

  test('a failing test: exit 1, the first difference named with its block, JUnit XML a JUnit parser reads', async () => {
    const broken = structuredClone(flow);
    // The flow changed since the test was saved: the status is now said differently.
    broken.nodes.find((n) => n.id === 'tell')!.data.message = 'Status: {{find_order.status}}.';
    const path = await write('broken.flow.json', broken);
    const junit = join(dir, 'out.xml');
    const r = await cli(['test', path, '--junit', junit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ Order found/);
    expect(r.stdout).toContain('Agent said: expected contains “arrives Friday”, got “Status: shipped.” (last of 4) — block');
    expect(r.stdout).toMatch(/1 passed, 1 failed/);
    const report = await parseJunit(await readFile(junit, 'utf8'));
    expect(report).toMatchObject({ tests: 2, failures: 1, testsuite: [{ name: 'Order status', tests: 2, failures: 1 }] });
    const cases = (report as { testsuite: { testcase: { name: string; failure?: { message: string }[] }[] }[] }).testsuite[0]!.testcase;
    expect(cases.map((c) => [c.name, !!c.failure])).toEqual([
      ['Order found', true],
      ['API down: the caller hears the error path', false],
    ]);
    expect(cases[0]!.failure![0]!.message).toContain('arrives Friday');
  });

  test('hand-written test files, and --json', async () => {
    const r = await cli(['test', example, handWritten, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ flow: 'Order status', passed: 3, failed: 0 });
    expect(out.tests.map((t: { name: string }) => t.name)).toEqual(['Retries ride out two 503s', 'A hand-written mock', 'A human is asked for']);
  });

  test('a bad flow file, a flow with Checklist errors, a bad test file: exit 2 with the reason', async () => {
    const notJson = await cli(['test', await write('bad.json', '{ "format": ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/is not a flow Switchboard can run/);
    const missing = await cli(['test', join(dir, 'nope.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('no such file')]);
    const unfinished = structuredClone(flow);
    unfinished.nodes.find((n) => n.id === 'ask')!.data.prompt = '';
    const checklist = await cli(['test', await write('unfinished.json', unfinished)]);
    expect(checklist.code).toBe(2);
    expect(checklist.stderr).toContain('Ask: Prompt cannot be empty');
    const badTests = await cli(['test', example, await write('bad.yaml', 'tests:\n  - name: x\n    steps:\n      - caller: hi\n      - sing: la\n')]);
    expect(badTests.code).toBe(2);
    expect(badTests.stderr).toMatch(/^bad\.yaml:5: tests\.0\.steps\.1: A step is one of/);
    const noTests = await cli(['test', await write('none.json', { ...flow, tests: [] })]);
    expect([noTests.code, noTests.stderr]).toEqual([2, expect.stringContaining('has no saved tests')]);
    const usage = await cli(['frobnicate']);
    expect(usage.code).toBe(2);
  });
});

describe('switchboard test --live', { timeout: 120_000 }, () => {
  let server: Server;
  let hits: string[] = [];
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ status: 'shipped', eta: 'Friday' }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const liveFlow = async () => {
    const copy = structuredClone(flow);
    const lookup = copy.nodes.find((n) => n.id === 'lookup')!;
    lookup.data.url = `http://127.0.0.1:${port}/orders/{{call.caller_number}}`;
    delete lookup.data.lastTest;
    copy.tests = [
      {
        name: 'Live lookup',
        apis: {},
        steps: [{ choose: 'Wants order status' }],
        expect: { finalBlock: 'Tell status', variables: { 'find_order.eta': { equals: 'Friday' } } },
      },
    ];
    return write(`live-${hits.length}.json`, copy);
  };

  test('sends real requests (here to a loopback server) for blocks the test does not mock', async () => {
    hits = [];
    const r = await cli(['test', await liveFlow(), '--live']);
    expect(r.stdout).toMatch(/1 passed, 0 failed/);
    expect(r.code).toBe(0);
    expect(hits).toEqual(['/orders/%2B15550100']);
  });

  test('without --live nothing is sent: the test says the block has nothing to replay', async () => {
    hits = [];
    const r = await cli(['test', await liveFlow()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('has no test response to replay');
    expect(hits).toEqual([]);
  });

  test('a destination the proxy refuses is refused here too, before any connection', async () => {
    hits = [];
    // Hosted mode refuses loopback: the checking connector stops the request before it connects.
    const r = await cli(['test', await liveFlow(), '--live'], { SWITCHBOARD_MODE: 'hosted' });
    expect(r.code).toBe(1);
    expect(hits).toEqual([]);
    const json = await cli(['test', await liveFlow(), '--live', '--json'], { SWITCHBOARD_MODE: 'hosted' });
    expect(JSON.parse(json.stdout).tests[0].differences[0]).toMatchObject({ what: 'Final block', actual: '“Sorry”' });
    expect(hits).toEqual([]);
  });
});
