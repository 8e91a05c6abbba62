import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Agent, request, type Dispatcher } from 'undici';
import { percentiles } from './measure';

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

/**
 * The proxy against calling the same loopback upstream directly, in one run: added latency (p50,
 * p99) and throughput at 1, 10 and 50 connections, and the server's peak memory while a 50 MiB
 * response streams through (capped at 10 MiB by the proxy).
 */
export async function proxyBench(): Promise<string[][]> {
  const up = await (async () => {
    const child = spawn('npx', ['tsx', fileURLToPath(new URL('./proxyServers.ts', import.meta.url)), 'upstream'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const { port } = await new Promise<{ port: number }>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString()))));
    return { child, port };
  })();
  // The server as `npm start` runs it: built to JavaScript, under node (its own process, so the
  // memory figures are its own).
  const app = await (async () => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../dist-server/main.js', import.meta.url))], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PROXY_MAX_CONCURRENT: '256' },
    });
    const port = await new Promise<number>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(Number(/:(\d+)\//.exec(d.toString())![1]))));
    return { child, port };
  })();
  /** The server's peak resident memory so far (VmHWM), in kB. */
  const peakKb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.child.pid}/status`, 'utf8'))![1]);
  const ports = { upstream: up.port, app: app.port };
  const direct = `http://127.0.0.1:${ports.upstream}/`;
  const viaProxy = {
    url: `http://127.0.0.1:${ports.app}/api/proxy`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'GET', url: direct, timeoutMs: 10_000 }),
  };
  const rows: string[][] = [];
  const f = (v: number, d = 2) => v.toFixed(d);
  // Memory first, on the fresh server, as a user's first big test response would meet it.
  const before = { peakKb: peakKb() };
  const big = await fetch(viaProxy.url, {
    method: 'POST',
    headers: viaProxy.headers,
    body: JSON.stringify({ method: 'GET', url: `${direct}big`, timeoutMs: 30_000 }),
  });
  const answer = (await big.json()) as { body: { bytes: number; truncated: boolean } };
  const after = { peakKb: peakKb() };
  const memoryRow = [
    `peak server memory, 50 MiB response (${answer.body.bytes / 1048576} MiB kept, truncated: ${answer.body.truncated})`,
    `${f(after.peakKb / 1024, 0)} MiB peak (${f(before.peakKb / 1024, 0)} MiB before it: +${f((after.peakKb - before.peakKb) / 1024, 0)} MiB)`,
    '',
    '',
    '≤ 100 MiB',
  ];
  // Warm both paths (JIT, connection pools).
  await cannon({ url: direct, connections: 10, duration: 2 });
  await cannon({ ...viaProxy, connections: 10, duration: 2 });
  // One connection, one request at a time, timed here with sub-millisecond resolution.
  const agent = new Agent({ connections: 1 });
  const timeOne = async (send: () => Promise<Dispatcher.ResponseData>) => {
    const t0 = performance.now();
    const res = await send();
    await res.body.text();
    return performance.now() - t0;
  };
  const directOne = () => request(direct, { dispatcher: agent });
  const proxyOne = () => request(viaProxy.url, { method: 'POST', headers: viaProxy.headers, body: viaProxy.body, dispatcher: agent });
  const a1: number[] = [],
    b1: number[] = [];
  for (let i = 0; i < 3000; i++) {
    a1.push(await timeOne(directOne));
    b1.push(await timeOne(proxyOne));
  }
  const pa = percentiles(a1),
    pb = percentiles(b1),
    p99 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * 0.99)]!;
  rows.push([
    'proxy, 1 connection: latency p50 / p99',
    `${f(pb.p50)} / ${f(p99(b1))} ms (+${f(pb.p50 - pa.p50)} ms p50)`,
    `${f(pa.p50)} / ${f(p99(a1))} ms`,
    '',
    'added p50 ≤ 1 ms',
  ]);
  await agent.close();
  for (const connections of [1, 10, 50]) {
    const a = await cannon({ url: direct, connections, duration: 5 });
    const b = await cannon({ ...viaProxy, connections, duration: 5 });
    if (connections > 1)
      rows.push([
        `proxy, ${connections} connections: latency p50 / p99`,
        `${f(b.latency.p50, 0)} / ${f(b.latency.p99, 0)} ms`,
        `${f(a.latency.p50, 0)} / ${f(a.latency.p99, 0)} ms`,
        '',
        '',
      ]);
    rows.push([
      `proxy, ${connections} connection${connections > 1 ? 's' : ''}: requests/s`,
      f(b.requests.average, 0),
      f(a.requests.average, 0),
      (b.requests.average / a.requests.average).toFixed(2) + '×',
      connections === 10 ? '≥ 0.25×' : '',
    ]);
  }
  rows.push(memoryRow, ['peak server memory after all of the above', `${f(peakKb() / 1024, 0)} MiB`, '', '', '']);
  up.child.kill();
  app.child.kill();
  return rows;
}
