import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => autocannon(opts, (err, result) => (err ? reject(err) : resolve(result))));
}

/**
 * The proxy against calling the same loopback upstream directly, in one run: added latency (p50,
 * p99) and throughput at 1, 10 and 50 connections, and the server's peak memory while a 50 MiB
 * response streams through (capped at 10 MiB by the proxy).
 */
export async function proxyBench(): Promise<string[][]> {
  const child = spawn('npx', ['tsx', fileURLToPath(new URL('./proxyServers.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ports = await new Promise<{ upstream: number; app: number }>((resolve) => {
    child.stdout.once('data', (d: Buffer) => resolve(JSON.parse(d.toString())));
  });
  const direct = `http://127.0.0.1:${ports.upstream}/`;
  const viaProxy = {
    url: `http://127.0.0.1:${ports.app}/api/proxy`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ method: 'GET', url: direct, timeoutMs: 10_000 }),
  };
  const rows: string[][] = [];
  const f = (v: number, d = 2) => v.toFixed(d);
  // Warm both paths (JIT, connection pools).
  await cannon({ url: direct, connections: 10, duration: 2 });
  await cannon({ ...viaProxy, connections: 10, duration: 2 });
  for (const connections of [1, 10, 50]) {
    const a = await cannon({ url: direct, connections, duration: 5 });
    const b = await cannon({ ...viaProxy, connections, duration: 5 });
    rows.push([
      `proxy, ${connections} connection${connections > 1 ? 's' : ''}: latency p50 / p99`,
      `${f(b.latency.p50)} / ${f(b.latency.p99)} ms (+${f(b.latency.p50 - a.latency.p50)} ms p50)`,
      `${f(a.latency.p50)} / ${f(a.latency.p99)} ms`,
      '',
      connections === 1 ? 'added p50 ≤ 1 ms' : '',
    ]);
    rows.push([`proxy, ${connections} connection${connections > 1 ? 's' : ''}: requests/s`, f(b.requests.average, 0), f(a.requests.average, 0), (b.requests.average / a.requests.average).toFixed(2) + '×', connections === 10 ? '≥ 0.25×' : '']);
  }
  const before = await (await fetch(`${direct}peak-rss`)).json() as { peakKb: number; rssKb: number };
  const big = await fetch(viaProxy.url, { method: 'POST', headers: viaProxy.headers, body: JSON.stringify({ method: 'GET', url: `${direct}big`, timeoutMs: 30_000 }) });
  const answer = await big.json() as { body: { bytes: number; truncated: boolean } };
  const after = await (await fetch(`${direct}peak-rss`)).json() as { peakKb: number; rssKb: number };
  rows.push([`peak server memory, 50 MiB response (${answer.body.bytes / 1048576} MiB kept, truncated: ${answer.body.truncated})`, `${f(after.peakKb / 1024, 0)} MiB (was ${f(before.peakKb / 1024, 0)} MiB before)`, '', '', '< 100 MiB']);
  child.kill();
  return rows;
}
