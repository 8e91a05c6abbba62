/**
 * The Host header values this server answers to. Anything else is refused: a page on another
 * site that rebinds its DNS name to 127.0.0.1 still sends its own name as Host (DNS-rebinding
 * defence), so it never reaches the app or, later, the proxy.
 */
export function allowedHosts(boundHost: string, port: number, extra: readonly string[] = []): Set<string> {
  const hosts = new Set<string>();
  const add = (h: string) => hosts.add(h.toLowerCase());
  const bound = boundHost.includes(':') && !boundHost.startsWith('[') ? `[${boundHost}]` : boundHost;
  for (const h of [bound, 'localhost', '127.0.0.1', '[::1]']) add(`${h}:${port}`);
  for (const h of extra) if (h.trim()) add(h.trim());
  return hosts;
}
