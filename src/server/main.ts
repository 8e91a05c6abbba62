import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createAppServer } from './createAppServer';
import { proxyOptionsFromEnv } from './proxy/createProxyHandler';

const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 5174);
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

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
  console.log(`Switchboard is running at http://${shown}:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.close(() => process.exit(0)));
