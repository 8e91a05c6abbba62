import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { createGzip, gzip as gzipCallback } from 'node:zlib';

const gzipAsync = promisify(gzipCallback);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.wasm', '.ttf']);
/** Compressed hashed assets kept in memory: the whole build compresses to a few MiB. */
const MAX_CACHED_BYTES = 32 * 1024 * 1024;

/**
 * Serves the built app from `root`. Hashed assets are cached forever; index.html never, so a
 * new build is picked up on reload. Unknown paths without an extension fall back to the app.
 */
export function serveStatic(root: string) {
  const base = normalize(root + sep);
  // Hashed assets never change, so each is compressed once (best compression: it is paid once)
  // rather than on every request; the first page load asks for dozens of chunks at once.
  const compressed = new Map<string, Promise<Buffer>>();
  let cachedBytes = 0;
  const compressedAsset = (file: string, key: string): Promise<Buffer> | null => {
    const hit = compressed.get(key);
    if (hit) return hit;
    if (cachedBytes >= MAX_CACHED_BYTES) return null;
    const made = readFile(file).then((bytes) => gzipAsync(bytes, { level: 9 }));
    compressed.set(key, made);
    made.then(
      (b) => {
        cachedBytes += b.length;
      },
      () => compressed.delete(key),
    );
    return made;
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: the address is not valid.');
      return;
    }
    let file = normalize(join(base, pathname));
    // Path traversal: anything resolving outside the build folder is treated as not found.
    if (!file.startsWith(base)) file = join(base, '404');
    let info = await stat(file).catch(() => null);
    if (info?.isDirectory()) {
      file = join(file, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info && !extname(pathname)) {
      file = join(base, 'index.html');
      info = await stat(file).catch(() => null);
    }
    if (!info) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (ext === '.html') {
      headers['Content-Security-Policy'] =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; font-src 'self' data:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; connect-src 'self'; frame-ancestors 'none'";
      headers['X-Frame-Options'] = 'DENY';
      headers['Referrer-Policy'] = 'no-referrer';
    }
    const gzip = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) {
      headers['Content-Encoding'] = 'gzip';
      headers['Vary'] = 'Accept-Encoding';
    } else headers['Content-Length'] = String(info.size);
    const cached = gzip && file.includes(`${sep}assets${sep}`) ? compressedAsset(file, `${file}:${info.size}:${info.mtimeMs}`) : null;
    const body = cached ? await cached.catch(() => null) : null;
    if (body) {
      res.writeHead(200, { ...headers, 'Content-Length': String(body.length) }).end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  };
}
