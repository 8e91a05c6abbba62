import { lookup as dnsLookup } from 'node:dns';
import net from 'node:net';
import tls from 'node:tls';
import { ProxyError } from './ProxyError';

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;
/** Opens the socket to an address that has passed the check. Tests inject one that records calls. */
export type Dialer = (options: { address: string; family: number; port: number; hostname: string; https: boolean; lookup: net.LookupFunction }) => net.Socket;
/** An http.Agent's `createConnection`: it hands the socket (or why there is none) to `callback`. */
export type Connector = (
  options: { host?: string | null; port?: number | string | null },
  callback: (err: Error | null, socket?: net.Socket) => void,
) => undefined;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))));

const systemDialer: Dialer = ({ address, port, hostname, https, lookup }) =>
  https
    ? tls.connect({ host: hostname, port, lookup, servername: net.isIP(hostname) ? undefined : hostname, ALPNProtocols: ['http/1.1'] })
    : net.connect({ host: address, port, lookup });

interface Options {
  https: boolean;
  /** Why an address may not be called, or null: see destinationPolicy. */
  check(address: string, port: number, hostname: string): string | null;
  resolve?: Resolver;
  dial?: Dialer;
  connectTimeoutMs?: number;
}

/**
 * How the proxy's agents open connections. Every connection (first request, every redirect hop,
 * every new pooled socket) resolves the name itself and checks each address before the socket
 * opens, and the socket is opened to the very address that was checked: no DNS rebinding between
 * the check and the connection. Names are resolved once, by us; the socket's own lookup only hands
 * back that checked address.
 */
export function createSafeConnector({ https, check, resolve = systemResolver, dial = systemDialer, connectTimeoutMs = 5000 }: Options): Connector {
  return (opts, callback) => {
    const port = Number(opts.port) || (https ? 443 : 80);
    const hostname = String(opts.host ?? '').replace(/^\[|\]$/g, '');
    let done = false;
    const finish = (err: Error | null, socket?: net.Socket) => {
      if (done) return;
      done = true;
      callback(err, socket);
    };
    const pick = async (): Promise<{ address: string; family: number }> => {
      const literal = net.isIP(hostname);
      const candidates = literal ? [{ address: hostname, family: literal }] : await resolve(hostname);
      const reasons: string[] = [];
      for (const c of candidates) {
        const reason = check(c.address, port, hostname);
        if (!reason) return c;
        reasons.push(reason);
      }
      throw new ProxyError('BLOCKED_ADDRESS', reasons[0] ?? `${hostname} has no address.`);
    };
    const open = (target: { address: string; family: number }) => {
      const lookup: net.LookupFunction = (_name, options, cb) => {
        const o = options as { all?: boolean };
        if (o.all) (cb as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [target]);
        else cb(null, target.address, target.family);
      };
      const socket = dial({ ...target, port, hostname, https, lookup });
      const timer = setTimeout(() => {
        socket.destroy();
        finish(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' }));
      }, connectTimeoutMs);
      socket.setNoDelay?.(true);
      socket.once(https ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        finish(null, socket);
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        finish(err);
      });
    };
    pick()
      .then(open)
      .catch((err: Error) => finish(err));
    return undefined;
  };
}
