// Child processes of the proxy benchmark: a loopback upstream, or the Switchboard server with a
// second listener that reports the process's peak resident memory (VmHWM).
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServer } from '../src/server/createAppServer';

const CHUNK = Buffer.alloc(64 * 1024, 'a');
const upstream = createServer((req, res) => {
  if (req.url === '/big') {
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
// One role per process: the proxy's figures are then its own, not shared with the upstream's work.
if (process.argv[2] === 'upstream') {
  upstream.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (upstream.address() as AddressInfo).port })));
} else {
  const app = createAppServer({ host: '127.0.0.1', port: 0, distDir: mkdtempSync(join(tmpdir(), 'sb-bench-')), proxy: { maxConcurrent: 256 } });
  const memory = createServer((_req, res) => {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    res.end(JSON.stringify({ peakKb: Number(hwm) }));
  });
  memory.listen(0, '127.0.0.1', () => app.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (app.address() as AddressInfo).port, memory: (memory.address() as AddressInfo).port }))));
}
