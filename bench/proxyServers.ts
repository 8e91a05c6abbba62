// The proxy benchmark's loopback upstream, in a child process of its own.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const CHUNK = Buffer.alloc(64 * 1024, 'a');
const upstream = createServer((req, res) => {
  if (req.url === '/big') {
    // 50 MiB, generated as it is sent.
    res.writeHead(200, { 'content-type': 'text/plain' });
    let sent = 0;
    const pump = () => {
      while (sent < 50 * 1024 * 1024) {
        sent += CHUNK.length;
        if (!res.write(CHUNK)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  } else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"customer":{"id":"cus_123"}}');
});
// Its own process: the proxy's figures are then its own, not shared with the upstream's work.
upstream.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (upstream.address() as AddressInfo).port })));
