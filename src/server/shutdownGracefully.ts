import type { Server } from 'node:http';

/**
 * Stops taking connections and closes the idle ones at once; requests in flight get `graceMs` to
 * finish (a test request may be waiting for its API), then whatever is left is closed. Without the
 * limit, one client that stalled half-way through a request held a stopping server open for
 * Node's request timeout (five minutes), so SIGTERM from a process manager did not stop it.
 */
export function shutdownGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => server.closeAllConnections(), graceMs);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    server.closeIdleConnections();
  });
}
