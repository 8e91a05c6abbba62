// Child process of the proxy benchmark: a loopback upstream and the Switchboard server, so the
// load generator does not share their event loop. Prints their ports; /peak-rss reports memory.
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServer } from '../src/server/createAppServer';

const CHUNK = Buffer.alloc(64 * 1024, 'a');
const upstream = createServer((req, res) => {
  if (req.url === '/peak-rss') {
    // VmHWM: the highest resident set size this process has had.
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    res.end(JSON.stringify({ peakKb: Number(hwm), rssKb: Math.round(process.memoryUsage().rss / 1024) }));
  } else if (req.url === '/big') {
    // 50 MiB, generated as it is sent.
    res.writeHead(200, { 'content-type': 'text/plain' });
    let sent = 0;
    const pump = () => {
      while (sent < 50 * 1024 * 1024) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) { res.once('drain', pump); return; }
      }
      res.end();
    };
    pump();
  } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"customer":{"id":"cus_123"}}');
});
upstream.listen(0, '127.0.0.1', () => {
  const app = createAppServer({ host: '127.0.0.1', port: 0, distDir: mkdtempSync(join(tmpdir(), 'sb-bench-')), proxy: { maxConcurrent: 256 } });
  app.listen(0, '127.0.0.1', () => {
    console.log(JSON.stringify({ upstream: (upstream.address() as AddressInfo).port, app: (app.address() as AddressInfo).port }));
  });
});
