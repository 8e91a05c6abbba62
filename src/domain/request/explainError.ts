/** Extra advice for a proxy error code, beyond the proxy's own sentence. */
export function explainError(code: string): string | null {
  switch (code) {
    case 'BLOCKED_ADDRESS':
      return 'Whoever runs this Switchboard can allow a trusted private address by starting it with PROXY_ALLOW=host:port (or a CIDR range). Metadata and link-local addresses can never be allowed.';
    case 'DNS':
      return 'A typo in the host name, or an API only reachable from inside another network.';
    // The proxy's own sentence already says to check the port and that the server runs.
    case 'CONNECTION_REFUSED':
      return null;
    case 'TLS':
      return 'Test APIs with self-signed certificates over http://, or give them a valid certificate.';
    case 'NETWORK':
      return 'Switchboard’s own server did not answer. Check that `npm start` is still running.';
    default:
      return null;
  }
}
