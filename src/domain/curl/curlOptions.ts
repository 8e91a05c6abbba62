/** What a curl command line asks for, before it is mapped onto a block. */
export interface CurlOptions {
  urls: string[];
  method?: string;
  /** In order; `null` value: `-H 'Name:'` removes the header. */
  headers: [string, string | null][];
  /** -d, --data-raw, --data-binary, --data-urlencode, already encoded as curl would send them. */
  data: string[];
  json: string[];
  form: [string, string][];
  urlQuery: string[];
  get: boolean;
  head: boolean;
  user?: string;
  bearer?: string;
  cookies: string[];
  warnings: string[];
  ignored: string[];
}

const SHORT: Record<string, string> = {
  X: 'request',
  H: 'header',
  d: 'data',
  F: 'form',
  u: 'user',
  A: 'user-agent',
  e: 'referer',
  b: 'cookie',
  G: 'get',
  I: 'head',
  o: 'output',
  m: 'max-time',
  w: 'write-out',
  x: 'proxy',
  T: 'upload-file',
  E: 'cert',
  K: 'config',
  r: 'range',
  c: 'cookie-jar',
  y: 'speed-time',
  Y: 'speed-limit',
  z: 'time-cond',
  C: 'continue-at',
  U: 'proxy-user',
  s: 'silent',
  S: 'show-error',
  L: 'location',
  k: 'insecure',
  v: 'verbose',
  i: 'include',
  f: 'fail',
  g: 'globoff',
  O: 'remote-name',
  N: 'no-buffer',
  q: 'disable',
  '#': 'progress-bar',
  '0': 'http1.0',
  '4': 'ipv4',
  '6': 'ipv6',
  '1': 'tlsv1',
  j: 'junk-session-cookies',
  J: 'remote-header-name',
  n: 'netrc',
  Z: 'parallel',
  a: 'append',
  R: 'remote-time',
  D: 'dump-header',
  t: 'telnet-option',
  Q: 'quote',
  P: 'ftp-port',
};

const TAKES_VALUE = new Set([
  'request',
  'header',
  'data',
  'data-raw',
  'data-binary',
  'data-ascii',
  'data-urlencode',
  'json',
  'form',
  'form-string',
  'user',
  'user-agent',
  'referer',
  'cookie',
  'output',
  'max-time',
  'write-out',
  'proxy',
  'upload-file',
  'cert',
  'config',
  'range',
  'cookie-jar',
  'speed-time',
  'speed-limit',
  'time-cond',
  'continue-at',
  'proxy-user',
  'connect-timeout',
  'retry',
  'retry-delay',
  'retry-max-time',
  'max-redirs',
  'cacert',
  'capath',
  'key',
  'pass',
  'resolve',
  'connect-to',
  'limit-rate',
  'interface',
  'dns-servers',
  'url',
  'oauth2-bearer',
  'aws-sigv4',
  'proto',
  'proto-redir',
  'ciphers',
  'local-port',
  'max-filesize',
  'keepalive-time',
  'expect100-timeout',
  'unix-socket',
  'abstract-unix-socket',
  'netrc-file',
  'request-target',
  'telnet-option',
  'ftp-port',
  'quote',
  'dump-header',
  'trace',
  'trace-ascii',
  'stderr',
  'proxy-header',
  'preproxy',
  'tls-max',
  'cert-type',
  'key-type',
  'socks5',
  'socks5-hostname',
  'socks4',
  'socks4a',
  'noproxy',
  'happy-eyeballs-timeout-ms',
  'variable',
  'url-query',
  'etag-save',
  'etag-compare',
  'output-dir',
  'create-file-mode',
  'alt-svc',
  'hsts',
  'doh-url',
  'proxy-cacert',
  'proxy-cert',
  'proxy-key',
  'pinnedpubkey',
  'sasl-authzid',
  'service-name',
  'login-options',
  'mail-from',
  'mail-rcpt',
  'mail-auth',
  'ip-tos',
  'vlan-priority',
]);

/** Options that only change how curl itself transfers; a flow's request does not need them. */
const TRANSFER_ONLY = new Set([
  'silent',
  'show-error',
  'location',
  'location-trusted',
  'insecure',
  'compressed',
  'verbose',
  'include',
  'fail',
  'fail-with-body',
  'max-time',
  'connect-timeout',
  'retry',
  'retry-delay',
  'retry-max-time',
  'retry-all-errors',
  'retry-connrefused',
  'output',
  'remote-name',
  'remote-name-all',
  'http1.0',
  'http1.1',
  'http2',
  'http2-prior-knowledge',
  'http3',
  'globoff',
  'no-buffer',
  'progress-bar',
  'max-redirs',
  'ipv4',
  'ipv6',
  'tlsv1',
  'tlsv1.0',
  'tlsv1.1',
  'tlsv1.2',
  'tlsv1.3',
  'cacert',
  'capath',
  'cert',
  'key',
  'pass',
  'resolve',
  'connect-to',
  'limit-rate',
  'write-out',
  'keepalive-time',
  'path-as-is',
  'tcp-nodelay',
  'raw',
  'disable',
  'no-progress-meter',
  'no-keepalive',
  'no-sessionid',
  'basic',
  'dump-header',
  'stderr',
  'trace',
  'trace-ascii',
  'speed-time',
  'speed-limit',
  'remote-header-name',
  'remote-time',
  'create-dirs',
  'output-dir',
  'junk-session-cookies',
  'tr-encoding',
  'ssl-no-revoke',
  'ssl-revoke-best-effort',
  'ssl-allow-beast',
  'proto',
  'proto-redir',
  'ciphers',
  'expect100-timeout',
  'max-filesize',
  'no-alpn',
  'no-npn',
  'happy-eyeballs-timeout-ms',
  'parallel',
  'styled-output',
  'no-styled-output',
  'etag-save',
  'etag-compare',
  'alt-svc',
  'hsts',
  'ignore-content-length',
  'tls-max',
  'cert-type',
  'key-type',
  'pinnedpubkey',
  'false-start',
  'interface',
  'dns-servers',
  'local-port',
  'doh-url',
  'ip-tos',
  'vlan-priority',
]);

const UNSUPPORTED: Record<string, string> = {
  'upload-file': 'Uploading a file (-T) cannot be done from a flow; the file was left out.',
  config: 'Options read from a config file (-K) cannot be imported.',
  proxy: 'The proxy setting (-x) was ignored: test requests go through Switchboard.',
  'proxy-user': 'The proxy setting was ignored: test requests go through Switchboard.',
  'aws-sigv4': 'AWS request signing (--aws-sigv4) is not supported; sign with headers instead.',
  digest: 'Digest authentication is not supported; the credentials were sent as Basic.',
  ntlm: 'NTLM authentication is not supported; the credentials were sent as Basic.',
  negotiate: 'Negotiate authentication is not supported.',
  netrc: 'Credentials from .netrc cannot be read; add an Authorization header.',
  'netrc-file': 'Credentials from .netrc cannot be read; add an Authorization header.',
  'cookie-jar': 'The cookie jar (-c) was ignored: a flow does not keep cookies between calls.',
  'request-target': 'The request target option was ignored.',
  'unix-socket': 'Unix sockets cannot be used; the request goes to the URL’s host.',
  variable: 'curl --variable expansion is not supported; use Switchboard variables.',
  range: 'The byte range (-r) was ignored; add a Range header if you need it.',
};

function curlUrlEncode(s: string): string {
  // curl encodes everything but unreserved characters; variable tokens are encoded when sent.
  return s
    .split(/(\{\{[^{}]+\}\})/)
    .map((part, i) => (i % 2 ? part : encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('');
}

function urlEncodeData(value: string, warnings: string[]): string | null {
  const eq = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    warnings.push(`--data-urlencode “${value}” reads a file, which a flow cannot do; it was left out.`);
    return null;
  }
  if (eq < 0) return curlUrlEncode(value);
  if (eq === 0) return curlUrlEncode(value.slice(1));
  return `${value.slice(0, eq)}=${curlUrlEncode(value.slice(eq + 1))}`;
}

/** Reads curl's arguments (argv[0] is curl) the way curl does, short-option clusters included. */
export function curlOptions(argv: string[], stdin?: string): CurlOptions {
  const o: CurlOptions = { urls: [], headers: [], data: [], json: [], form: [], urlQuery: [], get: false, head: false, cookies: [], warnings: [], ignored: [] };
  const args = argv.slice(1);
  const unknown: string[] = [];
  let stop = false;

  const apply = (name: string, value: string | undefined, spelled: string) => {
    switch (name) {
      case 'request':
        o.method = value!.toUpperCase();
        return;
      case 'url':
        o.urls.push(value!);
        return;
      case 'header': {
        const v = value!;
        if (v.startsWith('@')) {
          o.warnings.push(`Headers read from a file (${v}) cannot be imported.`);
          return;
        }
        const colon = v.indexOf(':');
        const semi = v.indexOf(';');
        if (colon > 0) {
          const rest = v.slice(colon + 1).trim();
          o.headers.push([v.slice(0, colon).trim(), rest === '' ? null : rest]);
        } else if (semi > 0 && !v.slice(semi + 1).trim()) o.headers.push([v.slice(0, semi).trim(), '']);
        else o.warnings.push(`“${v}” is not a header (Name: value); it was left out.`);
        return;
      }
      case 'data':
      case 'data-binary': {
        // @- is standard input: a here-doc or here-string gave it (-d drops its line breaks, as curl does).
        if (value === '@-' && stdin !== undefined) {
          o.data.push(name === 'data' ? stdin.replace(/[\r\n]/g, '') : stdin);
          return;
        }
        if (value!.startsWith('@')) {
          o.warnings.push(`The body is read from a file (${spelled} ${value}), which a flow cannot do. Paste the file’s content into the body.`);
          return;
        }
        o.data.push(value!);
        return;
      }
      case 'data-raw':
        o.data.push(value!);
        return;
      case 'data-urlencode': {
        const d = urlEncodeData(value!, o.warnings);
        if (d !== null) o.data.push(d);
        return;
      }
      case 'json': {
        if (value === '@-' && stdin !== undefined) {
          o.json.push(stdin);
          return;
        }
        if (value!.startsWith('@')) {
          o.warnings.push(`The JSON body is read from a file (${value}), which a flow cannot do. Paste the file’s content into the body.`);
          return;
        }
        o.json.push(value!);
        return;
      }
      case 'form':
      case 'form-string': {
        const v = value!;
        const eq = v.indexOf('=');
        if (eq <= 0) {
          o.warnings.push(`“${v}” is not a form field (name=value); it was left out.`);
          return;
        }
        const field = v.slice(0, eq);
        let content = v.slice(eq + 1);
        if (name === 'form' && /^[@<]/.test(content)) {
          const file = content
            .slice(1)
            .split(';')[0]!
            .replace(/^"(.*)"$/, '$1');
          o.warnings.push(`The form field “${field}” uploads the file “${file}”, which cannot be sent from a flow; the other fields were kept.`);
          return;
        }
        if (name === 'form') content = content.replace(/^"(.*)"$/, '$1').replace(/;(type|filename|headers|encoder)=[^;]*/g, '');
        o.form.push([field, content]);
        return;
      }
      case 'url-query':
        o.urlQuery.push(value!.startsWith('+') ? value!.slice(1) : (urlEncodeData(value!, o.warnings) ?? ''));
        return;
      case 'get':
        o.get = true;
        return;
      case 'head':
        o.head = true;
        return;
      case 'user':
        o.user = value;
        return;
      case 'oauth2-bearer':
        o.bearer = value;
        return;
      case 'user-agent':
        o.headers.push(['User-Agent', value!]);
        return;
      case 'referer':
        o.headers.push(['Referer', value!.replace(/;auto$/, '')]);
        return;
      case 'cookie': {
        if (value!.includes('=')) o.cookies.push(value!);
        else o.warnings.push(`Cookies read from a file (-b ${value}) cannot be imported; add a Cookie header.`);
        return;
      }
      case 'next':
        o.warnings.push('Only the first request of a command with --next was imported.');
        stop = true;
        return;
    }
    if (UNSUPPORTED[name]) o.warnings.push(UNSUPPORTED[name]);
    else if (
      TRANSFER_ONLY.has(name) ||
      name.startsWith('no-') ||
      name.startsWith('ssl') ||
      name.startsWith('proxy') ||
      name.startsWith('socks') ||
      name.startsWith('tls')
    )
      o.ignored.push(spelled);
    else unknown.push(spelled);
  };

  for (let i = 0; i < args.length && !stop; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--') && arg.length > 2) {
      let name = arg.slice(2);
      if (name === 'data-ascii') name = 'data';
      if (TAKES_VALUE.has(name)) {
        if (i + 1 >= args.length) {
          o.warnings.push(`${arg} needs a value; it was left out.`);
          continue;
        }
        apply(name, args[++i], arg);
      } else apply(name, undefined, arg);
    } else if (arg.startsWith('-') && arg.length > 1) {
      // A cluster: -sSL, -XPOST, -sX POST, -d@file
      for (let j = 1; j < arg.length; j++) {
        const name = SHORT[arg[j]!];
        if (!name) {
          unknown.push(`-${arg[j]}`);
          continue;
        }
        if (TAKES_VALUE.has(name)) {
          const rest = arg.slice(j + 1);
          if (rest) apply(name, rest, `-${arg[j]}`);
          else if (i + 1 < args.length) apply(name, args[++i], `-${arg[j]}`);
          else o.warnings.push(`-${arg[j]} needs a value; it was left out.`);
          break;
        }
        apply(name, undefined, `-${arg[j]}`);
      }
    } else o.urls.push(arg);
  }
  if (unknown.length) o.warnings.push(`Unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} ignored.`);
  return o;
}
