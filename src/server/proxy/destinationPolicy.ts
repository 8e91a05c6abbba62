import ipaddr from 'ipaddr.js';

export type ProxyMode = 'local' | 'hosted';

/** `host[:port]` names or CIDR ranges that may be reached even when private (PROXY_ALLOW). */
export interface AllowList {
  hosts: { host: string; port?: number }[];
  ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

type Range = string;

// Never reachable, whatever the mode or PROXY_ALLOW: cloud metadata services live on link-local
// addresses (169.254.169.254, fd00:ec2::254), and "this network", unspecified, multicast and
// broadcast addresses have no business being an API's address.
const ALWAYS_BLOCKED: readonly Range[] = ['linkLocal', 'unspecified', 'multicast', 'broadcast'];
const METADATA = ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200'].map((a) => ipaddr.parse(a).toString());

/** Ranges that are the machine itself or a private network: allowed in local mode only. */
const PRIVATE: readonly Range[] = ['loopback', 'private', 'uniqueLocal', 'carrierGradeNat'];

/** An address in its plain form: IPv4-mapped IPv6 (::ffff:127.0.0.1) is judged as the IPv4 it is. */
function normalizeAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!ipaddr.isValid(bare)) return null;
  const parsed = ipaddr.parse(bare);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed;
}

function inZeroNetwork(ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  return ip.kind() === 'ipv4' && ip.match(ipaddr.parseCIDR('0.0.0.0/8') as [ipaddr.IPv4, number]);
}

/**
 * Whether the proxy may connect to `address` (an IP) on `port` for a request to `hostname`.
 * Returns null when allowed, else why not, in words for the user.
 */
export function checkDestination(address: string, port: number, hostname: string, mode: ProxyMode, allow: AllowList): string | null {
  const ip = normalizeAddress(address);
  if (!ip) return `“${address}” is not an IP address.`;
  const range = ip.range();
  // “api.test resolves to 10.0.0.1” for names; just the address when the URL named it directly.
  const subject = normalizeAddress(hostname)?.toString() === ip.toString() ? `${ip.toString()} is` : `${hostname} resolves to ${ip.toString()}, which is`;
  if (METADATA.includes(ip.toString()) || ALWAYS_BLOCKED.includes(range) || inZeroNetwork(ip)) {
    return `${subject} a link-local, metadata, multicast or otherwise reserved address that Switchboard never calls.`;
  }
  if (range === 'unicast') return null;
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const allowed =
    allow.hosts.some((h) => (h.host === host || h.host === ip.toString()) && (h.port === undefined || h.port === port)) ||
    allow.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net as never, bits));
  if (allowed) return null;
  if (mode === 'local' && PRIVATE.includes(range)) return null;
  return mode === 'hosted'
    ? `${subject} a private or loopback address. This Switchboard only calls public APIs; an administrator can allow it with PROXY_ALLOW.`
    : `${subject} a reserved (${range}) address that Switchboard does not call unless it is in PROXY_ALLOW.`;
}

/**
 * Reads PROXY_ALLOW. Metadata and link-local entries are dropped with a warning: allowing them
 * would let any flow read the cloud machine's credentials.
 */
export function parseAllowList(value: string | undefined): { allow: AllowList; warnings: string[] } {
  const allow: AllowList = { hosts: [], ranges: [] };
  const warnings: string[] = [];
  for (const raw of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (raw.includes('/')) {
      try {
        const [net, bits] = ipaddr.parseCIDR(raw);
        if (ALWAYS_BLOCKED.includes(net.range()) || METADATA.some((m) => ipaddr.parse(m).kind() === net.kind() && ipaddr.parse(m).match(net as never, bits))) {
          warnings.push(`PROXY_ALLOW entry “${raw}” covers link-local or metadata addresses and is ignored.`);
          continue;
        }
        allow.ranges.push([net, bits]);
      } catch {
        warnings.push(`PROXY_ALLOW entry “${raw}” is not a valid CIDR range and is ignored.`);
      }
      continue;
    }
    const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(raw) ?? /^([^:]+)(?::(\d+))?$/.exec(raw);
    if (!m) {
      warnings.push(`PROXY_ALLOW entry “${raw}” is not host[:port] or CIDR and is ignored.`);
      continue;
    }
    const host = m[1]!.toLowerCase();
    const ip = normalizeAddress(host);
    if (ip && (METADATA.includes(ip.toString()) || ALWAYS_BLOCKED.includes(ip.range()))) {
      warnings.push(`PROXY_ALLOW entry “${raw}” is a link-local or metadata address and is ignored.`);
      continue;
    }
    allow.hosts.push({ host: ip ? ip.toString() : host, ...(m[2] ? { port: Number(m[2]) } : {}) });
  }
  return { allow, warnings };
}
