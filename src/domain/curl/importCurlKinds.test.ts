import { describe, expect, test } from 'vitest';
import { importCurl } from './importCurl';
import { resolveRequest } from '../request/resolveRequest';

/**
 * Seven kinds of real commands that once failed to import (issue 13), several real-world examples
 * of each: copied from browsers' “Copy as cURL”, vendor docs and answers people paste. Each must
 * import what curl would send, say what it changed, and resolve to a request that can be sent.
 */
interface Want {
  method?: string;
  url: string;
  headers?: [string, string][];
  body?: { type: string; text?: string; contentType?: string };
  warn?: RegExp;
}

type Case = [name: string, command: string, want: Want];

/** Chrome/Edge DevTools “Copy as cURL (cmd)” since 2023: ^" quoting, ^\^" inner quotes, ^ before % & | < > ^. */
const chromeCmd: Case[] = [
  [
    'Chrome 120 GET with sec-ch-ua',
    `curl ^"https://api.github.com/repos/octocat/hello-world^" ^
  -H ^"accept: application/vnd.github+json^" ^
  -H ^"sec-ch-ua: ^\\^"Not_A Brand^\\^";v=^\\^"8^\\^", ^\\^"Chromium^\\^";v=^\\^"120^\\^"^" ^
  -H ^"sec-ch-ua-mobile: ?0^" ^
  --compressed`,
    {
      method: 'GET',
      url: 'https://api.github.com/repos/octocat/hello-world',
      headers: [
        ['accept', 'application/vnd.github+json'],
        ['sec-ch-ua', '"Not_A Brand";v="8", "Chromium";v="120"'],
        ['sec-ch-ua-mobile', '?0'],
      ],
    },
  ],
  [
    'Chrome 124 POST JSON with %, & and quotes',
    `curl ^"https://api.example.com/v1/search?q=a^%^20b^&limit=10^" ^
  -H ^"content-type: application/json^" ^
  --data-raw ^"^{^\\^"query^\\^":^\\^"Tom ^& Jerry^\\^",^\\^"discount^\\^":^\\^"50^%^\\^"^}^"`,
    { method: 'POST', url: 'https://api.example.com/v1/search', body: { type: 'json', text: '{\n  "query": "Tom & Jerry",\n  "discount": "50%"\n}' } },
  ],
  [
    'Edge 122 form post with ^ | < > in values and a cookie',
    `curl ^"https://shop.example.com/cart^" ^
  -H ^"content-type: application/x-www-form-urlencoded^" ^
  -b ^"session=abc123; theme=dark^" ^
  --data-raw ^"note=a^^b^|c^<d^>e^&qty=2^"`,
    {
      method: 'POST',
      url: 'https://shop.example.com/cart',
      headers: [['Cookie', 'session=abc123; theme=dark']],
      body: { type: 'urlencoded', text: 'note=a^b|c<d>e&qty=2' },
    },
  ],
  [
    'Chrome 131 body with a line break (^ and two new lines)',
    `curl ^"https://api.example.com/notes^" ^
  -H ^"content-type: text/plain^" ^
  --data-raw ^"first line^

second line^"`,
    { method: 'POST', url: 'https://api.example.com/notes', body: { type: 'raw', text: 'first line\nsecond line', contentType: 'text/plain' } },
  ],
];

/** Comments, blank lines and prompts before the command, as docs and terminals show them. */
const preamble: Case[] = [
  [
    'Stripe docs: comment lines, then the command',
    `# Create a customer
# https://stripe.com/docs/api/customers/create

curl https://api.stripe.com/v1/customers \\
  -u "sk_test_4eC39HqLyjWDarjtT1zdp7dc:" \\
  -d name="Jenny Rosen"`,
    { method: 'POST', url: 'https://api.stripe.com/v1/customers', body: { type: 'urlencoded', text: 'name=Jenny Rosen' } },
  ],
  ['GitHub docs: $ prompt', `$ curl -i https://api.github.com/users/octocat`, { method: 'GET', url: 'https://api.github.com/users/octocat' }],
  ['zsh % prompt after a blank line', `\n\n% curl -s https://api.example.com/health`, { method: 'GET', url: 'https://api.example.com/health' }],
  ['PowerShell prompt', `PS C:\\Users\\me> curl.exe -s https://api.example.com/status`, { method: 'GET', url: 'https://api.example.com/status' }],
  ['cmd-style > prompt after a comment', `# then run\n> curl https://api.example.com/v1/ping`, { method: 'GET', url: 'https://api.example.com/v1/ping' }],
];

/** What the shell computes or feeds in, and what runs after curl. */
const shell: Case[] = [
  [
    'Google Cloud docs: $(gcloud auth print-access-token)',
    `curl -X POST \\
  -H "Authorization: Bearer $(gcloud auth print-access-token)" \\
  -H "Content-Type: application/json; charset=utf-8" \\
  -d '{"text": "hello"}' \\
  "https://language.googleapis.com/v1/documents:analyzeSentiment"`,
    {
      method: 'POST',
      url: 'https://language.googleapis.com/v1/documents:analyzeSentiment',
      headers: [['Authorization', 'Bearer {{gcloud}}']],
      body: { type: 'json' },
      warn: /\$\(gcloud auth print-access-token\).*variable \{\{gcloud\}\}/,
    },
  ],
  [
    'token from a file: $(cat token.txt)',
    `curl -H "Authorization: Bearer $(cat ~/.secrets/token.txt)" https://api.example.com/me`,
    { method: 'GET', url: 'https://api.example.com/me', headers: [['Authorization', 'Bearer {{token}}']], warn: /\{\{token\}\}/ },
  ],
  [
    'backticks: `date +%s`',
    'curl -H "X-Timestamp: `date +%s`" https://api.example.com/signed',
    { method: 'GET', url: 'https://api.example.com/signed', headers: [['X-Timestamp', '{{date}}']], warn: /`date \+%s`/ },
  ],
  [
    'GitHub release | jq',
    `curl -s https://api.github.com/repos/cli/cli/releases/latest | jq -r .tag_name`,
    { method: 'GET', url: 'https://api.github.com/repos/cli/cli/releases/latest', warn: /\| jq -r \.tag_name.*left out/ },
  ],
  [
    '&& chain',
    `curl -fsS https://api.example.com/health && echo "up"`,
    { method: 'GET', url: 'https://api.example.com/health', warn: /&& echo "up".*left out/ },
  ],
  [
    '; and a second command',
    `curl https://api.example.com/a; curl https://api.example.com/b`,
    { method: 'GET', url: 'https://api.example.com/a', warn: /left out/ },
  ],
  [
    'here-doc read with -d @-',
    `curl -X POST https://httpbin.org/post -H "Content-Type: application/json" -d @- <<'EOF'
{
  "name": "Ann",
  "tags": ["a", "b"]
}
EOF`,
    { method: 'POST', url: 'https://httpbin.org/post', body: { type: 'json', text: '{  "name": "Ann",  "tags": ["a", "b"]}' } },
  ],
  [
    'here-string read with --data-binary @-',
    `curl -X POST https://api.example.com/items -H 'Content-Type: application/json' --data-binary @- <<< '{"a": 1}'`,
    { method: 'POST', url: 'https://api.example.com/items', body: { type: 'json', text: '{"a": 1}\n' } },
  ],
  [
    'process substitution with known text',
    `curl -X POST https://api.example.com/items -H 'Content-Type: application/json' -d @<(echo '{"a":1}')`,
    { method: 'POST', url: 'https://api.example.com/items', body: { type: 'json' }, warn: /gives curl a file holding/ },
  ],
  [
    'process substitution of a program',
    `curl -X POST https://api.example.com/upload --data-binary @<(gzip -c data.json)`,
    { method: 'POST', url: 'https://api.example.com/upload', warn: /<\(gzip -c data\.json\)/ },
  ],
];

/** A JSON content type with a body that is not JSON: kept byte for byte, raw. */
const notJson: Case[] = [
  [
    'trailing comma',
    `curl -X POST https://api.example.com/items -H 'Content-Type: application/json' -d '{"a": 1, "b": 2,}'`,
    {
      method: 'POST',
      url: 'https://api.example.com/items',
      body: { type: 'raw', text: '{"a": 1, "b": 2,}', contentType: 'application/json' },
      warn: /not valid JSON.*Raw/,
    },
  ],
  [
    'comments',
    `curl https://api.example.com/items -H 'Content-Type: application/json' --data '{\n  // the order\n  "id": 42\n}'`,
    {
      method: 'POST',
      url: 'https://api.example.com/items',
      body: { type: 'raw', text: '{\n  // the order\n  "id": 42\n}', contentType: 'application/json' },
      warn: /comments/,
    },
  ],
  [
    'single quotes',
    `curl -X POST https://api.example.com/items -H "Content-Type: application/json" -d "{'name': 'Ann'}"`,
    { method: 'POST', url: 'https://api.example.com/items', body: { type: 'raw', text: "{'name': 'Ann'}", contentType: 'application/json' } },
  ],
  [
    'docs placeholder <PHONE_NUMBER>',
    `curl -X POST https://api.example.com/v1/messages -H 'Content-Type: application/json; charset=utf-8' -d '{"to": <PHONE_NUMBER>, "body": "Hi"}'`,
    {
      method: 'POST',
      url: 'https://api.example.com/v1/messages',
      body: { type: 'raw', text: '{"to": <PHONE_NUMBER>, "body": "Hi"}', contentType: 'application/json; charset=utf-8' },
    },
  ],
  [
    '--json with a trailing comma',
    `curl --json '{"a": 1,}' https://api.example.com/items`,
    {
      method: 'POST',
      url: 'https://api.example.com/items',
      headers: [['Accept', 'application/json']],
      body: { type: 'raw', text: '{"a": 1,}', contentType: 'application/json' },
    },
  ],
];

/** IPv6 literal hosts. */
const ipv6: Case[] = [
  ['with a port', `curl http://[2001:db8::1]:8080/v1/status`, { method: 'GET', url: 'http://[2001:db8::1]:8080/v1/status' }],
  ['loopback, -g', `curl -g 'http://[::1]/health?verbose=1'`, { method: 'GET', url: 'http://[::1]/health' }],
  [
    'Cloudflare DNS over HTTPS',
    `curl -H 'accept: application/dns-json' 'https://[2606:4700:4700::1111]/dns-query?name=example.com&type=AAAA'`,
    { method: 'GET', url: 'https://[2606:4700:4700::1111]/dns-query' },
  ],
];

/** Windows PowerShell 5.1 with curl.exe: \" inside an argument reaches curl as ". */
const powershell: Case[] = [
  [
    '-d with \\" in single quotes',
    `curl.exe -X POST https://api.example.com/items -H 'Content-Type: application/json' -d '{\\"a\\": 1}'`,
    { method: 'POST', url: 'https://api.example.com/items', body: { type: 'json', text: '{\n  "a": 1\n}' } },
  ],
  [
    'backtick line continuations',
    'curl.exe -X POST `\n  -H "Content-Type: application/json" `\n  -d \'{\\"name\\": \\"Ann\\"}\' `\n  https://api.example.com/users',
    { method: 'POST', url: 'https://api.example.com/users', body: { type: 'json', text: '{\n  "name": "Ann"\n}' } },
  ],
  [
    '$env: variable',
    `curl.exe -H "Authorization: Bearer $env:API_KEY" https://api.example.com/me`,
    { method: 'GET', url: 'https://api.example.com/me', headers: [['Authorization', 'Bearer {{API_KEY}}']] },
  ],
];

/** Multipart file parts: other parts kept; the warning names the field and the file. */
const files: Case[] = [
  [
    '-F file=@photo.jpg',
    `curl -F file=@photo.jpg -F caption=Hi https://api.example.com/upload`,
    { method: 'POST', url: 'https://api.example.com/upload', body: { type: 'formdata' }, warn: /“file” uploads the file “photo\.jpg”/ },
  ],
  [
    'a file with ;type=',
    `curl -F 'image=@/tmp/cat.png;type=image/png' -F 'name=cat' https://api.example.com/images`,
    { method: 'POST', url: 'https://api.example.com/images', body: { type: 'formdata' }, warn: /“image” uploads the file “\/tmp\/cat\.png”/ },
  ],
  [
    'Slack files.upload',
    `curl -F file=@dramacat.gif -F channels=C024BE91L -H "Authorization: Bearer xoxb-xxxx" https://slack.com/api/files.upload`,
    {
      method: 'POST',
      url: 'https://slack.com/api/files.upload',
      headers: [['Authorization', 'Bearer xoxb-xxxx']],
      body: { type: 'formdata' },
      warn: /“dramacat\.gif”/,
    },
  ],
];

const kinds: [string, Case[]][] = [
  ['Chrome “Copy as cURL (cmd)”', chromeCmd],
  ['text before the command', preamble],
  ['shell constructs', shell],
  ['a JSON type with a body that is not JSON', notJson],
  ['IPv6 literal hosts', ipv6],
  ['PowerShell 5.1 curl.exe', powershell],
  ['multipart file parts', files],
];

function bodyText(b: { type: string; json: string; raw: string; form: { key: string; value: string }[] }): string {
  if (b.type === 'json') return b.json;
  if (b.type === 'raw') return b.raw;
  return b.form.map((r) => `${r.key}=${r.value}`).join('&');
}

describe.each(kinds)('importCurl: %s', (_kind, cases) => {
  test('has several real examples', () => expect(cases.length).toBeGreaterThanOrEqual(3));
  test.each(cases)('%s', async (_name, command, want) => {
    const result = await importCurl(command);
    if (!result.ok) throw new Error(result.error);
    const r = result.request;
    expect(r.url).toBe(want.url);
    if (want.method) expect(r.method).toBe(want.method);
    for (const h of want.headers ?? []) expect(r.headers.map((x) => [x.key, x.value])).toContainEqual(h);
    if (want.body) {
      expect(r.body.type).toBe(want.body.type);
      if (want.body.text !== undefined && want.body.type === 'json') expect(JSON.parse(bodyText(r.body))).toEqual(JSON.parse(want.body.text));
      else if (want.body.text !== undefined) expect(bodyText(r.body)).toBe(want.body.text);
      if (want.body.contentType) expect(r.body.rawContentType).toBe(want.body.contentType);
    }
    if (want.warn) expect(result.warnings.join('\n')).toMatch(want.warn);
    // What was imported resolves to a request that can be sent (variables given a value).
    const names = [...JSON.stringify(r).matchAll(/\{\{([^{}]+)\}\}/g)].map((m) => m[1]!);
    const resolved = resolveRequest(r, Object.fromEntries(names.map((n) => [n, 'x'])));
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.problems));
    expect(() => new URL(resolved.request.url)).not.toThrow();
    if (r.body.type === 'raw') {
      expect(resolved.request.body).toBe(r.body.raw);
      expect(resolved.request.headers).toContainEqual(['Content-Type', r.body.rawContentType]);
    }
  });
});
