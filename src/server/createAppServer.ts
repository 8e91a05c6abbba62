import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { allowedHosts } from './allowedHosts';
import { serveStatic } from './serveStatic';
import { createProxyHandler, type ProxyOptions } from './proxy/createProxyHandler';

export interface ServerOptions {
  host: string;
  port: number;
  distDir: string;
  /** Extra Host values to accept (SWITCHBOARD_HOSTS), e.g. a hosted deployment's public name. */
  extraHosts?: readonly string[];
  proxy?: ProxyOptions;
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

/**
 * The production server: the built app plus the API routes. `/api/proxy` (the test-request
 * proxy) plugs into `apiRoutes`; every API route shares the Host check and JSON errors.
 */
export function createAppServer(options: ServerOptions): Server {
  const statics = serveStatic(options.distDir);
  let hosts = allowedHosts(options.host, options.port, options.extraHosts);
  const proxy = createProxyHandler(options.proxy);
  const apiRoutes = new Map<string, Route>([
    ['GET /api/health', (_req, res) => json(res, 200, { ok: true })],
    ['POST /api/proxy', proxy],
  ]);

  const server = createServer(async (req, res) => {
    try {
      const host = String(req.headers.host ?? '').toLowerCase();
      if (!hosts.has(host)) {
        json(res, 421, {
          ok: false,
          error: {
            code: 'FORBIDDEN_HOST',
            message: `This server does not answer to “${host || 'no host'}”. Open it at http://127.0.0.1:${options.port}/ or add the name to SWITCHBOARD_HOSTS.`,
          },
        });
        return;
      }
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path.startsWith('/api/')) {
        const route = apiRoutes.get(`${req.method} ${path}`);
        if (route) await route(req, res);
        else json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `No API at ${req.method} ${path}.` } });
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      await statics(req, res);
    } catch {
      // A request must never take the server down; the client gets a plain failure instead.
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server. Try again.' } });
      else res.destroy();
    }
  });
  // With port 0 the real port is known only once listening; the Host check needs it.
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') hosts = allowedHosts(options.host, address.port, options.extraHosts);
  });
  server.on('close', () => void proxy.close());
  return server;
}
