import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServer } from './createAppServer';
import { proxyOptionsFromEnv } from './proxy/createProxyHandler';
import { shutdownGracefully } from './shutdownGracefully';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 5174);
/** The app's build, dist/ at the project's root: two levels up from src/server, one from dist-server. */
function findDist(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 3; i++, dir = dirname(dir)) if (existsSync(join(dir, 'dist', 'index.html'))) return join(dir, 'dist');
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
}
const distDir = findDist();

if (!existsSync(distDir)) {
  console.error('No build found in dist/. Run `npm start` (it builds first) or `npm run build`.');
  process.exit(1);
}

const server = createAppServer({ host, port, distDir, extraHosts: (process.env.SWITCHBOARD_HOSTS ?? '').split(','), proxy: proxyOptionsFromEnv(process.env) });
server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(err.code === 'EADDRINUSE' ? `Port ${port} is in use. Set PORT to another port, e.g. PORT=5180 npm start.` : err.message);
  process.exit(1);
});
server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  // The port really bound (PORT=0 picks a free one).
  console.log(`Switchboard is running at http://${shown}:${(server.address() as AddressInfo).port}/`);
});
/** How long a stopping server lets requests in flight finish: within the 10 s that process managers (Docker, systemd's default is longer) give before SIGKILL. */
const SHUTDOWN_GRACE_MS = 5_000;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdownGracefully(server, SHUTDOWN_GRACE_MS).then(() => process.exit(0)));
