import { createServer, request } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { shutdownGracefully } from './shutdownGracefully';

describe('shutdownGracefully', () => {
  it('lets a request in flight finish, and does not wait for ever on a client that stalled half-way', async () => {
    let answerLater!: () => void;
    const server = createServer((req, res) => {
      if (req.url === '/slow') answerLater = () => res.end('done');
      else res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;

    // A client that sent half a request head and then nothing (Node would wait up to 5 minutes).
    const stalled = connect(port, '127.0.0.1');
    await new Promise<void>((r) => stalled.once('connect', r));
    stalled.write('POST /api/proxy HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    stalled.on('error', () => undefined);
    const stalledClosed = new Promise<void>((r) => stalled.once('close', r));

    // A request the server is working on when the stop comes.
    const slow = new Promise<string>((resolve, reject) => {
      request({ port, host: '127.0.0.1', path: '/slow' }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
    await expect.poll(() => answerLater).toBeTypeOf('function');

    let stopped = false;
    const stopping = shutdownGracefully(server, 300).then(() => (stopped = true));
    answerLater();
    expect(await slow).toBe('done');
    await stopping;
    await stalledClosed;
    expect(stopped).toBe(true);
    expect(server.listening).toBe(false);
  });
});
