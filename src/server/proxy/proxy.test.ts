import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from '../createAppServer';
import type { ProxyOptions } from './createProxyHandler';
import type { Dialer, Resolver } from './safeConnector';

/** Starts an HTTP server on 127.0.0.1 for one test file; every upstream here is loopback. */
async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return { server, origin: `http://127.0.0.1:${port}`, port };
}

const servers: Server[] = [];
async function upstream(handler: (req: IncomingMessage, res: ServerResponse) => void) {
  const s = await listen(handler);
  servers.push(s.server);
  return s;
}

async function app(proxy: ProxyOptions = {}) {
  const s = createAppServer({ host: '127.0.0.1', port: 0, distDir: mkdtempSync(join(tmpdir(), 'sb-proxy-')), proxy });
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  servers.push(s);
  const port = (s.address() as AddressInfo).port;
  return async (spec: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/proxy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof spec === 'string' ? spec : JSON.stringify(spec),
    });
    return { status: res.status, json: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

/** A dialer that must never be called: blocked destinations are refused before any socket opens. */
function forbiddenDialer() {
  const calls: string[] = [];
  const dial: Dialer = ({ address, port }) => {
    calls.push(`${address}:${port}`);
    throw new Error('a blocked destination was dialled');
  };
  return { dial, calls };
}

let echo: { origin: string; port: number };
let proxy: Awaited<ReturnType<typeof app>>;

beforeAll(async () => {
  echo = await upstream((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      res.writeHead(req.url!.startsWith('/created') ? 201 : 200, { 'content-type': 'application/json', 'set-cookie': ['a=1', 'b=2'] });
      res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
    });
  });
  proxy = await app();
});
afterAll(() =>
  Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((r) => {
          s.closeAllConnections?.();
          s.close(() => r());
        }),
    ),
  ),
);

describe('POST /api/proxy: forwarding', () => {
  it('sends the request and answers with status, headers, text body and timings', async () => {
    const { status, json } = await proxy({
      method: 'post',
      url: `${echo.origin}/created?x=1`,
      headers: [
        ['X-Test', 'yes'],
        ['Content-Type', 'application/json'],
      ],
      body: { text: '{"a":1}' },
      timeoutMs: 5000,
    });
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, status: 201, statusText: 'Created', url: `${echo.origin}/created?x=1`, redirects: [], body: { truncated: false } });
    const sent = JSON.parse(json.body.text);
    expect(sent).toMatchObject({ method: 'POST', url: '/created?x=1', body: '{"a":1}', headers: { 'x-test': 'yes', 'content-length': '7' } });
    expect(json.headers.filter(([n]: [string]) => n === 'set-cookie')).toEqual([
      ['set-cookie', 'a=1'],
      ['set-cookie', 'b=2'],
    ]);
    expect(json.timings.totalMs).toBeGreaterThanOrEqual(0);
  });

  it('strips hop-by-hop headers and a user-set Host, Content-Length or Transfer-Encoding; never forwards our own cookies', async () => {
    const { json } = await proxy(
      {
        method: 'POST',
        url: `${echo.origin}/`,
        body: { text: 'abc' },
        headers: [
          ['Connection', 'x-secret'],
          ['Host', 'evil.example'],
          ['Content-Length', '999'],
          ['Transfer-Encoding', 'chunked'],
          ['Upgrade', 'websocket'],
          ['Keep-Alive', '1'],
        ],
      },
      { cookie: 'switchboard_session=should-not-leak' },
    );
    const sent = JSON.parse(json.body.text);
    expect(sent.headers.host).toBe(`127.0.0.1:${echo.port}`);
    expect(sent.headers['content-length']).toBe('3');
    expect(sent.headers).not.toHaveProperty('upgrade');
    expect(sent.headers).not.toHaveProperty('transfer-encoding');
    expect(sent.headers).not.toHaveProperty('cookie');
    expect(sent.body).toBe('abc');
  });

  it('sends header values as their UTF-8 bytes (as curl does) and repeated headers as lines of their own; refuses control characters', async () => {
    const raw = await upstream((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.rawHeaders)));
    const { json } = await proxy({
      method: 'GET',
      url: raw.origin,
      headers: [
        ['X-Name', 'café ☕'],
        ['X-Tag', 'a'],
        ['x-tag', 'b'],
      ],
    });
    const sent: string[] = JSON.parse(json.body.text);
    // Node's server reads header bytes as Latin-1: turning them back into bytes gives what was on the wire.
    expect(Buffer.from(sent[sent.indexOf('X-Name') + 1]!, 'latin1').toString('utf8')).toBe('café ☕');
    expect(sent.filter((_, i) => i % 2 === 1 && /^[ab]$/.test(sent[i]!) && /^x-tag$/i.test(sent[i - 1]!))).toEqual(['a', 'b']);
    const bad = await proxy({ method: 'GET', url: raw.origin, headers: [['X-Bad', 'a\u0001b']] });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 'INVALID_REQUEST', message: expect.stringMatching(/control character/) });
  });

  it('keeps one connection to an API across test requests', async () => {
    let connections = 0;
    const api = await upstream((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
    api.server.on('connection', () => connections++);
    for (let i = 0; i < 5; i++) expect((await proxy({ method: 'GET', url: api.origin })).json.body.text).toBe('ok');
    expect(connections).toBe(1);
  });

  it('ends a text body cut at the cap before a character split in two, not with a replacement character', async () => {
    const small = await app({ maxResponseBytes: 64 * 1024 });
    // One ASCII byte, then two-byte characters: the cap falls in the middle of one.
    const text = `a${'é'.repeat(40_000)}`;
    const api = await upstream((_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text));
    const { json } = await small({ method: 'GET', url: api.origin });
    expect(json.body).toMatchObject({ bytes: 64 * 1024, truncated: true });
    expect(json.body.text).toBe(text.slice(0, 1 + (64 * 1024 - 2) / 2));
  });

  it('returns binary bodies as base64, byte for byte', async () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const bin = await upstream((_req, res) => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bytes));
    const { json } = await proxy({ method: 'GET', url: bin.origin });
    expect(Buffer.from(json.body.base64, 'base64').equals(bytes)).toBe(true);
    expect(json.body.bytes).toBe(256);
  });

  it('answers a body of several MiB written in slices exactly: quotes, backslashes, controls and emoji cut between their halves', async () => {
    // An odd prefix puts every emoji across a slice boundary of the answer writer somewhere.
    const text = `a${'😀"\\\n\u0001é'.repeat(600_000)}`;
    const big = await upstream((_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(text));
    const { json } = await proxy({ method: 'GET', url: big.origin });
    expect(json.body.truncated).toBe(false);
    expect(json.body.text.length).toBe(text.length);
    expect(json.body.text === text).toBe(true);
    expect(json.status).toBe(200);
  });

  it('decodes gzip and caps the decoded size of a decompression bomb', async () => {
    const small = await app({ maxResponseBytes: 1024 * 1024 });
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    const srv = await upstream((req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(req.url === '/small' ? gzipSync('hello') : bomb);
    });
    expect((await small({ method: 'GET', url: `${srv.origin}/small` })).json.body).toEqual({ text: 'hello', bytes: 5, truncated: false });
    const { json } = await small({ method: 'GET', url: `${srv.origin}/bomb` });
    expect(json.body).toMatchObject({ bytes: 1024 * 1024, truncated: true });
    expect(bomb.length).toBeLessThan(100 * 1024); // 50 MiB of zeros in under 100 KiB on the wire
  });

  it('cuts off an endless body at the cap and refuses stacked encodings', async () => {
    const small = await app({ maxResponseBytes: 64 * 1024 });
    const endless = await upstream((req, res) => {
      if (req.url === '/stacked') {
        res.writeHead(200, { 'content-encoding': 'gzip, gzip, gzip, gzip' }).end('x');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('y'.repeat(16 * 1024)), 1);
      res.on('close', () => clearInterval(timer));
    });
    expect((await small({ method: 'GET', url: endless.origin })).json.body).toMatchObject({ bytes: 64 * 1024, truncated: true });
    expect((await small({ method: 'GET', url: `${endless.origin}/stacked` })).json.error.code).toBe('BAD_RESPONSE');
  });

  it('times out a slow server and one that drips bytes', async () => {
    const slow = await upstream((req, res) => {
      if (req.url === '/drip') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 50);
        res.on('close', () => clearInterval(timer));
      } else setTimeout(() => res.end('late'), 2000);
    });
    for (const path of ['/', '/drip']) {
      const { status, json } = await proxy({ method: 'GET', url: slow.origin + path, timeoutMs: 300 });
      expect(status).toBe(504);
      expect(json.error).toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/Timeout Duration/) });
    }
  });

  it('explains refused and reset connections', async () => {
    const closed = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    expect((await proxy({ method: 'GET', url: `http://127.0.0.1:${closed}/` })).json.error.code).toBe('CONNECTION_REFUSED');
    const reset = await upstream((req) => req.socket.destroy());
    const { status, json } = await proxy({ method: 'GET', url: reset.origin });
    expect(status).toBe(502);
    expect(json.error.code).toBe('CONNECTION_RESET');
  });
});

describe('POST /api/proxy: under load', () => {
  it('64 requests at once to one slow API all get their answer: none spends its timeout queued for a connection', async () => {
    let open = 0;
    let most = 0;
    const slow = await upstream((_req, res) => {
      open++;
      most = Math.max(most, open);
      setTimeout(() => {
        open--;
        res.end('{"ok":true}');
      }, 1000);
    });
    // Answering takes 1 s; the timeout allows 2.2 s. With 16 connections the second wave of 16
    // would finish at 2 s and the fourth at 4 s: three quarters of these would time out.
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) => proxy({ method: 'GET', url: `${slow.origin}/slow/${i}`, headers: [], timeoutMs: 2200 })),
    );
    const timeouts = results.filter((r) => r.json.ok === false);
    expect(timeouts.map((r) => r.json.error?.code)).toEqual([]);
    expect(results.every((r) => r.json.status === 200)).toBe(true);
    expect(most).toBe(64);
  });
});

describe('POST /api/proxy: redirects', () => {
  it('follows up to 5 redirects by hand and reports them; POST becomes GET on 303', async () => {
    const chain = await upstream((req, res) => {
      const n = Number(req.url!.slice(1));
      if (n < 3) res.writeHead(n === 0 ? 303 : 307, { location: `/${n + 1}` }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end(`${req.method} at ${n}`);
    });
    const { json } = await proxy({ method: 'POST', url: `${chain.origin}/0`, body: { text: 'x' } });
    expect(json.body.text).toBe('GET at 3');
    expect(json.redirects.map((r: { status: number }) => r.status)).toEqual([303, 307, 307]);
    expect(json.url).toBe(`${chain.origin}/3`);
  });

  it('stops a redirect loop and refuses a redirect to another scheme', async () => {
    const loop = await upstream((req, res) => res.writeHead(302, { location: req.url === '/ftp' ? 'ftp://files.example/x' : '/again' }).end());
    expect((await proxy({ method: 'GET', url: `${loop.origin}/` })).json.error.code).toBe('TOO_MANY_REDIRECTS');
    expect((await proxy({ method: 'GET', url: `${loop.origin}/ftp` })).json.error.code).toBe('BAD_RESPONSE');
  });

  it('drops credentials when a redirect changes origin, keeps them on the same origin', async () => {
    const other = echo; // a different port: a different origin
    const hop = await upstream((req, res) => {
      if (req.url === '/same') res.writeHead(302, { location: '/landing' }).end();
      else if (req.url === '/landing') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers));
      else res.writeHead(302, { location: `${other.origin}/elsewhere` }).end();
    });
    const creds = [
      ['Authorization', 'Bearer t'],
      ['Cookie', 'c=1'],
      ['X-Api-Key', 'k'],
      ['X-Session-Id', 's'],
      ['X-Trace', 'keep'],
    ];
    const away = JSON.parse((await proxy({ method: 'GET', url: `${hop.origin}/away`, headers: creds })).json.body.text);
    expect(away.headers).toMatchObject({ 'x-trace': 'keep' });
    for (const h of ['authorization', 'cookie', 'x-api-key', 'x-session-id']) expect(away.headers).not.toHaveProperty(h);
    const same = JSON.parse((await proxy({ method: 'GET', url: `${hop.origin}/same`, headers: creds })).json.body.text);
    expect(same).toMatchObject({ authorization: 'Bearer t', 'x-api-key': 'k' });
  });
});

describe('POST /api/proxy: destinations (no blocked address is ever dialled)', () => {
  const metadataForms = [
    'http://169.254.169.254/latest/meta-data/',
    'http://2852039166/',
    'http://0xA9FEA9FE/',
    'http://0251.0376.0251.0376/',
    'http://169.254.43518/',
    'http://[::ffff:169.254.169.254]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://[fe80::1]/',
    'http://0.0.0.0:80/',
    'http://0/',
    'http://[::]/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
    'http://[ff02::1]/',
    'http://[fd00:ec2::254]/',
  ];

  it.each(metadataForms)('local mode never calls %s', async (url) => {
    const { dial, calls } = forbiddenDialer();
    const p = await app({ mode: 'local', dial, allow: '169.254.169.254,0.0.0.0/0' });
    const { status, json } = await p({ method: 'GET', url });
    expect(status).toBe(403);
    expect(json.error.code).toBe('BLOCKED_ADDRESS');
    expect(calls).toEqual([]);
  });

  it('hosted mode refuses loopback and private targets, in every notation, and names that resolve to them', async () => {
    const { dial, calls } = forbiddenDialer();
    const resolved: string[] = [];
    const resolve: Resolver = async (name) => {
      resolved.push(name);
      return [{ address: name === 'mixed.test' ? '10.1.2.3' : '127.0.0.1', family: 4 }];
    };
    const p = await app({ mode: 'hosted', dial, resolve });
    for (const url of [
      'http://127.0.0.1/',
      'http://127.1/',
      'http://2130706433/',
      'http://0x7f000001/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://10.0.0.1/',
      'http://192.168.1.1/',
      'http://172.16.0.1/',
      'http://100.64.0.1/',
      'http://[fc00::1]/',
      'http://rebind.test/',
      'http://mixed.test/',
    ]) {
      const { status, json } = await p({ method: 'GET', url });
      expect(status, url).toBe(403);
      expect(json.error.message).toMatch(/PROXY_ALLOW/);
    }
    expect(resolved).toEqual(['rebind.test', 'mixed.test']);
    expect(calls).toEqual([]);
  });

  it('hosted mode reaches a private address that PROXY_ALLOW names, through the checked address only', async () => {
    const dialled: string[] = [];
    // The "private network" is simulated: the socket is really opened to the loopback echo server.
    const dial: Dialer = ({ address, port }) => {
      dialled.push(`${address}:${port}`);
      return net.connect({ host: '127.0.0.1', port: echo.port });
    };
    const resolve: Resolver = async () => [{ address: '10.20.30.40', family: 4 }];
    const p = await app({ mode: 'hosted', allow: '10.20.0.0/16', dial, resolve });
    const { json } = await p({ method: 'GET', url: 'http://internal-crm.test:8080/ping' });
    expect(json).toMatchObject({ ok: true, status: 200 });
    expect(dialled).toEqual(['10.20.30.40:8080']);
  });

  it('calls an HTTPS API through the checking connector: a certificate it trusts works (name sent for SNI and Host), an untrusted one is TLS', async () => {
    const cert = readFileSync(new URL('./testCerts/cert.pem', import.meta.url));
    const key = readFileSync(new URL('./testCerts/key.pem', import.meta.url));
    const secure = createHttpsServer({ cert, key }, (req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ host: req.headers.host, sni: (req.socket as tls.TLSSocket).servername })),
    );
    await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
    servers.push(secure);
    const port = (secure.address() as AddressInfo).port;
    // The system's trust store does not know this certificate.
    const untrusted = await proxy({ method: 'GET', url: `https://127.0.0.1:${port}/` });
    expect(untrusted.status).toBe(502);
    expect(untrusted.json.error.code).toBe('TLS');
    // A dialler that trusts it, as a company's own CA would be: the proxy's path is otherwise the real one.
    const dialled: string[] = [];
    const dial: Dialer = ({ address, port: p, hostname, lookup }) => {
      dialled.push(`${address}:${p}`);
      return tls.connect({ host: hostname, port: p, lookup, servername: hostname, ca: cert, ALPNProtocols: ['http/1.1'] });
    };
    const resolve: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const p = await app({ dial, resolve });
    const { json } = await p({ method: 'GET', url: `https://api.test:${port}/hello` });
    expect(json).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse(json.body.text)).toEqual({ host: `api.test:${port}`, sni: 'api.test' });
    expect(dialled).toEqual([`127.0.0.1:${port}`]);
  });

  it('reports a name that does not resolve as DNS', async () => {
    const resolve: Resolver = async () => {
      throw Object.assign(new Error('nope'), { code: 'ENOTFOUND' });
    };
    const { status, json } = await (await app({ resolve })).call(null, { method: 'GET', url: 'http://no-such-host.test/' });
    expect(status).toBe(502);
    expect(json.error).toMatchObject({ code: 'DNS', message: expect.stringMatching(/no-such-host\.test/) });
  });

  it('ignores HTTP_PROXY in the environment', async () => {
    const previous = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = 'http://127.0.0.1:9/';
    try {
      expect((await proxy({ method: 'GET', url: echo.origin })).json.status).toBe(200);
    } finally {
      if (previous === undefined) delete process.env.HTTP_PROXY;
      else process.env.HTTP_PROXY = previous;
    }
  });
});

describe('POST /api/proxy: who may call it, and bad input', () => {
  it('refuses a foreign Origin before anything is sent', async () => {
    let hits = 0;
    const counted = await upstream((_req, res) => {
      hits++;
      res.end('x');
    });
    for (const origin of ['http://evil.example', 'http://127.0.0.1:1', 'null']) {
      const { status, json } = await proxy({ method: 'GET', url: counted.origin }, { origin });
      expect(status).toBe(403);
      expect(json.error.code).toBe('FORBIDDEN_ORIGIN');
    }
    expect(hits).toBe(0);
    expect((await proxy({ method: 'GET', url: counted.origin }, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('answers every malformed request with a JSON error, never a 500', async () => {
    const cases: [unknown, Record<string, string>, number, string][] = [
      ['{"method":"GET","url":"http://x"}', { 'content-type': 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['not json', {}, 400, 'INVALID_REQUEST'],
      [[1, 2], {}, 400, 'INVALID_REQUEST'],
      [{ method: 'TRACE', url: echo.origin }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'GET', url: 'file:///etc/passwd' }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'GET', url: 'gopher://127.0.0.1/' }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'GET', url: 'http://user:pw@127.0.0.1/' }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'GET', url: echo.origin, headers: [['X', 'a\r\nInjected: 1']] }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'GET', url: echo.origin, headers: [['Bad Name', 'x']] }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'GET', url: echo.origin, headers: 'x' }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'GET', url: echo.origin, body: { text: 'x' } }, {}, 400, 'INVALID_REQUEST'],
      [{ method: 'POST', url: echo.origin, body: { text: 'x'.repeat(1024 * 1024 + 10) } }, {}, 413, 'REQUEST_TOO_LARGE'],
      [{ method: 'GET', url: echo.origin, timeoutMs: 'soon' }, {}, 400, 'INVALID_REQUEST'],
    ];
    for (const [spec, headers, status, code] of cases) {
      const res = await proxy(spec, headers);
      expect([res.status, res.json.error?.code], JSON.stringify(spec).slice(0, 80)).toEqual([status, code]);
      expect(res.json.error.message.length).toBeGreaterThan(10);
    }
  });

  it('names the field that has the wrong shape', async () => {
    const cases: [unknown, string][] = [
      [[1, 2], 'must be a JSON object with method and url'],
      [{ url: echo.origin }, 'The method must be one of'],
      [{ method: 'GET', url: '' }, 'The URL is missing or too long'],
      [{ method: 'GET', url: echo.origin, headers: [['X']] }, 'Headers must be a list of [name, value] pairs'],
      [{ method: 'POST', url: echo.origin, body: { json: {} } }, 'The body must be { text } or { base64 }'],
      [{ method: 'GET', url: echo.origin, timeoutMs: 0 }, 'timeoutMs must be a positive number'],
    ];
    for (const [spec, message] of cases) expect((await proxy(spec)).json.error.message, JSON.stringify(spec)).toContain(message);
  });

  it('answers BUSY past the concurrency bound, so one slow API cannot starve the rest', async () => {
    const p = await app({ maxConcurrent: 1 });
    const slow = await upstream((_req, res) => setTimeout(() => res.end('done'), 400));
    const first = p({ method: 'GET', url: slow.origin });
    await new Promise((r) => setTimeout(r, 100));
    const second = await p({ method: 'GET', url: slow.origin });
    expect([second.status, second.json.error.code]).toEqual([429, 'BUSY']);
    expect((await first).json.status).toBe(200);
    expect((await p({ method: 'GET', url: slow.origin })).json.status).toBe(200);
  });
});
