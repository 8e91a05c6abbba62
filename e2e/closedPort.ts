import type { AddressInfo } from 'node:net';
import net from 'node:net';

/** A loopback port that was just free and is closed again: nothing answers there. */
export function closedPort(): Promise<number> {
  return new Promise<number>((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}
