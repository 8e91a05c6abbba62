import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from './createAppServer';

let server: Server;
let port: number;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'sb-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'assets', 'app-123.js'), 'console.log("hi")');
  writeFileSync(join(tmpdir(), 'secret.txt'), 'do not serve');
  server = createAppServer({ host: '127.0.0.1', port: 0, distDir: dist, extraHosts: ['switchboard.example.com'] });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('app server', () => {
  it('serves the app with a strict CSP and no caching of index.html', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('<title>app</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('caches hashed assets and gzips them on request', async () => {
    const res = await get('/assets/app-123.js', { 'accept-encoding': 'gzip' });
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe('console.log("hi")');
  });

  it('compresses an asset once and serves the same bytes with a length after; a changed file is compressed anew', async () => {
    const file = join(dist, 'assets', 'big-1.js');
    writeFileSync(file, 'let a = 1;\n'.repeat(50_000));
    const first = await get('/assets/big-1.js', { 'accept-encoding': 'gzip' });
    const second = await get('/assets/big-1.js', { 'accept-encoding': 'gzip' });
    expect(second.headers['content-length']).toBe(String(second.body.length));
    expect(second.body.equals(first.body)).toBe(true);
    expect(gunzipSync(second.body).toString()).toBe('let a = 1;\n'.repeat(50_000));
    writeFileSync(file, 'changed');
    expect(gunzipSync((await get('/assets/big-1.js', { 'accept-encoding': 'gzip' })).body).toString()).toBe('changed');
    expect((await get('/assets/big-1.js')).body.toString()).toBe('changed');
  });

  it('falls back to the app for client routes but 404s missing files', async () => {
    expect((await get('/flows/abc')).body.toString()).toContain('<title>app</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the build', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await get(path);
      expect(res.body.toString()).not.toContain('do not serve');
    }
  });

  it('refuses an unexpected Host (DNS rebinding) with a JSON reason', async () => {
    const res = await get('/', { host: 'evil.example:80' });
    expect(res.status).toBe(421);
    expect(JSON.parse(res.body.toString()).error.code).toBe('FORBIDDEN_HOST');
    expect((await get('/api/health', { host: `evil.example:${port}` })).status).toBe(421);
  });

  it('accepts localhost, [::1] and SWITCHBOARD_HOSTS names', async () => {
    expect((await get('/api/health', { host: `localhost:${port}` })).status).toBe(200);
    expect((await get('/api/health', { host: `[::1]:${port}` })).status).toBe(200);
    expect((await get('/api/health', { host: 'switchboard.example.com' })).status).toBe(200);
  });

  it('answers unknown API routes and methods with JSON, never a crash', async () => {
    const res = await get('/api/nope');
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body.toString()).ok).toBe(false);
    expect((await get('/', {}, 'DELETE')).status).toBe(405);
    expect((await get('/%E0%A4%A', {})).status).toBeLessThan(500);
  });
});
