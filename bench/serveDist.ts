import type { AddressInfo } from 'node:net';
import { createAppServer } from '../src/server/createAppServer';

/** Serves a built page (the app's or the bare page's) on a free loopback port. */
export async function serveDist(dist: string) {
  const server = createAppServer({ host: '127.0.0.1', port: 0, distDir: dist });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}
