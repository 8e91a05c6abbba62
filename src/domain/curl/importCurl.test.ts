import { describe, expect, test } from 'vitest';
import { importCurl } from './importCurl';
import { exportCurl } from './exportCurl';
import type { ApiRequestConfig } from '../request/ApiRequestConfig';

type Pair = [string, string];
interface Expected {
  method: string;
  url: string;
  headers?: Pair[];
  query?: Pair[];
  json?: string;
  form?: Pair[];
  formdata?: Pair[];
  raw?: [string, string];
  warn?: RegExp;
}

/** What matters of an imported request, without row ids. */
function shape(r: ApiRequestConfig) {
  const pairs = (rows: { key: string; value: string }[]) => rows.map((x) => [x.key, x.value]);
  return {
    method: r.method,
    url: r.url,
    headers: pairs(r.headers),
    query: pairs(r.query),
    ...(r.body.type === 'json' ? { json: r.body.json } : {}),
    ...(r.body.type === 'urlencoded' ? { form: pairs(r.body.form) } : {}),
    ...(r.body.type === 'formdata' ? { formdata: pairs(r.body.form) } : {}),
    ...(r.body.type === 'raw' ? { raw: [r.body.rawContentType, r.body.raw] } : {}),
  };
}

const basic = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;

// Real commands, as published by API docs and produced by browsers and API tools.
const cases: [string, string, Expected][] = [
  [
    'Stripe: create customer (-u key:, -d, --data-urlencode)',
    `curl https://api.stripe.com/v1/customers \\
  -u "sk_test_4eC39HqLyjWDarjtT1zdp7dc:" \\
  -d name="Jenny Rosen" \\
  --data-urlencode email="jenny.rosen@example.com"`,
    {
      method: 'POST',
      url: 'https://api.stripe.com/v1/customers',
      headers: [['Authorization', basic('sk_test_4eC39HqLyjWDarjtT1zdp7dc:')]],
      form: [
        ['name', 'Jenny Rosen'],
        ['email', 'jenny.rosen%40example.com'],
      ],
    },
  ],
  [
    'Stripe: list with -G and nested params',
    `curl -G https://api.stripe.com/v1/charges \\
  -u sk_test_123: \\
  -d limit=3 \\
  -d "created[gte]"=1700000000`,
    {
      method: 'GET',
      url: 'https://api.stripe.com/v1/charges',
      headers: [['Authorization', basic('sk_test_123:')]],
      query: [
        ['limit', '3'],
        ['created[gte]', '1700000000'],
      ],
    },
  ],
  [
    'Stripe: delete',
    `curl -X DELETE https://api.stripe.com/v1/customers/cus_NffrFeUfNV2Hib \\
  -u "sk_test_123:"`,
    { method: 'DELETE', url: 'https://api.stripe.com/v1/customers/cus_NffrFeUfNV2Hib', headers: [['Authorization', basic('sk_test_123:')]] },
  ],
  [
    'Twilio: send SMS (shell variables, --data-urlencode)',
    `curl -X POST "https://api.twilio.com/2010-04-01/Accounts/$TWILIO_ACCOUNT_SID/Messages.json" \\
--data-urlencode "Body=Hi there" \\
--data-urlencode "From=+15557122661" \\
--data-urlencode "To=+15558675310" \\
-u $TWILIO_ACCOUNT_SID:$TWILIO_AUTH_TOKEN`,
    {
      method: 'POST',
      url: 'https://api.twilio.com/2010-04-01/Accounts/{{TWILIO_ACCOUNT_SID}}/Messages.json',
      headers: [['Authorization', basic('{{TWILIO_ACCOUNT_SID}}:{{TWILIO_AUTH_TOKEN}}')]],
      form: [
        ['Body', 'Hi%20there'],
        ['From', '%2B15557122661'],
        ['To', '%2B15558675310'],
      ],
      warn: /TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN|TWILIO_ACCOUNT_SID/,
    },
  ],
  [
    'Slack: chat.postMessage with bearer and JSON charset',
    `curl -X POST -H 'Authorization: Bearer xoxb-1234' \\
-H 'Content-type: application/json; charset=utf-8' \\
--data '{"channel":"C123ABC456","text":"Hello world"}' \\
https://slack.com/api/chat.postMessage`,
    {
      method: 'POST',
      url: 'https://slack.com/api/chat.postMessage',
      headers: [
        ['Authorization', 'Bearer xoxb-1234'],
        ['Content-type', 'application/json; charset=utf-8'],
      ],
      json: '{\n  "channel": "C123ABC456",\n  "text": "Hello world"\n}',
    },
  ],
  [
    'Slack: incoming webhook',
    `curl -X POST -H 'Content-type: application/json' --data '{"text":"Hello, World!"}' https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
    {
      method: 'POST',
      url: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      headers: [],
      json: '{\n  "text": "Hello, World!"\n}',
    },
  ],
  [
    'HubSpot: create contact (--request/--url/--header/--data)',
    `curl --request POST \\
  --url https://api.hubapi.com/crm/v3/objects/contacts \\
  --header 'authorization: Bearer YOUR_ACCESS_TOKEN' \\
  --header 'content-type: application/json' \\
  --data '{
  "properties": {
    "email": "example@hubspot.com",
    "firstname": "Jane"
  }
}'`,
    {
      method: 'POST',
      url: 'https://api.hubapi.com/crm/v3/objects/contacts',
      headers: [['authorization', 'Bearer YOUR_ACCESS_TOKEN']],
      json: '{\n  "properties": {\n    "email": "example@hubspot.com",\n    "firstname": "Jane"\n  }\n}',
    },
  ],
  [
    'Zendesk: create ticket (-u email/token:key, -d JSON)',
    `curl https://example.zendesk.com/api/v2/tickets.json \\
  -d '{"ticket": {"subject": "My printer is on fire!", "comment": { "body": "The smoke is very colorful." }}}' \\
  -H "Content-Type: application/json" \\
  -v -u jdoe@example.com/token:6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv -X POST`,
    {
      method: 'POST',
      url: 'https://example.zendesk.com/api/v2/tickets.json',
      headers: [['Authorization', basic('jdoe@example.com/token:6wiIBWbGkBMo1mRDMuVwkw1EPsNkeUj95PIz2akv')]],
      json: '{\n  "ticket": {\n    "subject": "My printer is on fire!",\n    "comment": {\n      "body": "The smoke is very colorful."\n    }\n  }\n}',
      warn: /-v/,
    },
  ],
  [
    'Shopify: GraphQL admin (${VAR} in single quotes is a placeholder)',
    `curl -X POST \\
  https://{shop}.myshopify.com/admin/api/2024-01/graphql.json \\
  -H 'Content-Type: application/json' \\
  -H 'X-Shopify-Access-Token: \${ACCESS_TOKEN}' \\
  -d '{"query": "{ shop { name } }"}'`,
    {
      method: 'POST',
      url: 'https://{shop}.myshopify.com/admin/api/2024-01/graphql.json',
      headers: [['X-Shopify-Access-Token', '{{ACCESS_TOKEN}}']],
      json: '{\n  "query": "{ shop { name } }"\n}',
    },
  ],
  [
    'Shopify: REST GET with query',
    `curl -X GET "https://your-development-store.myshopify.com/admin/api/2024-01/products.json?limit=5&fields=id,title" \\
-H "X-Shopify-Access-Token: {access_token}"`,
    {
      method: 'GET',
      url: 'https://your-development-store.myshopify.com/admin/api/2024-01/products.json',
      headers: [['X-Shopify-Access-Token', '{access_token}']],
      query: [
        ['limit', '5'],
        ['fields', 'id,title'],
      ],
    },
  ],
  [
    'OpenAI: chat completions ($OPENAI_API_KEY in double quotes)',
    `curl https://api.openai.com/v1/chat/completions \\
  -H "Content-Type: application/json" \\
  -H "Authorization: Bearer $OPENAI_API_KEY" \\
  -d '{
    "model": "gpt-4o",
    "messages": [{"role": "user", "content": "Hello!"}]
  }'`,
    {
      method: 'POST',
      url: 'https://api.openai.com/v1/chat/completions',
      headers: [['Authorization', 'Bearer {{OPENAI_API_KEY}}']],
      json: '{\n    "model": "gpt-4o",\n    "messages": [{"role": "user", "content": "Hello!"}]\n  }',
      warn: /OPENAI_API_KEY/,
    },
  ],
  [
    'OpenAI: file upload with -F (file part dropped, text kept)',
    `curl https://api.openai.com/v1/files \\
  -H "Authorization: Bearer $OPENAI_API_KEY" \\
  -F purpose="fine-tune" \\
  -F file="@mydata.jsonl"`,
    {
      method: 'POST',
      url: 'https://api.openai.com/v1/files',
      headers: [['Authorization', 'Bearer {{OPENAI_API_KEY}}']],
      formdata: [['purpose', 'fine-tune']],
      warn: /“file” uploads the file “mydata.jsonl”/,
    },
  ],
  [
    'Anthropic: messages (-H x-api-key, --header anthropic-version)',
    `curl https://api.anthropic.com/v1/messages \\
     --header "x-api-key: $ANTHROPIC_API_KEY" \\
     --header "anthropic-version: 2023-06-01" \\
     --header "content-type: application/json" \\
     --data \\
'{
    "model": "claude-sonnet-4-5",
    "max_tokens": 1024,
    "messages": [{"role": "user", "content": "Hello, world"}]
}'`,
    {
      method: 'POST',
      url: 'https://api.anthropic.com/v1/messages',
      headers: [
        ['x-api-key', '{{ANTHROPIC_API_KEY}}'],
        ['anthropic-version', '2023-06-01'],
      ],
      json: '{\n    "model": "claude-sonnet-4-5",\n    "max_tokens": 1024,\n    "messages": [{"role": "user", "content": "Hello, world"}]\n}',
    },
  ],
  [
    'GitHub: REST with -L and Accept headers',
    `curl -L \\
  -H "Accept: application/vnd.github+json" \\
  -H "Authorization: Bearer <YOUR-TOKEN>" \\
  -H "X-GitHub-Api-Version: 2022-11-28" \\
  https://api.github.com/repos/OWNER/REPO/issues`,
    {
      method: 'GET',
      url: 'https://api.github.com/repos/OWNER/REPO/issues',
      headers: [
        ['Accept', 'application/vnd.github+json'],
        ['Authorization', 'Bearer <YOUR-TOKEN>'],
        ['X-GitHub-Api-Version', '2022-11-28'],
      ],
      warn: /-L/,
    },
  ],
  [
    'GitHub: create issue',
    `curl -L \\
  -X POST \\
  -H "Accept: application/vnd.github+json" \\
  -H "Authorization: Bearer <YOUR-TOKEN>" \\
  https://api.github.com/repos/OWNER/REPO/issues \\
  -d '{"title":"Found a bug","labels":["bug"]}'`,
    {
      method: 'POST',
      url: 'https://api.github.com/repos/OWNER/REPO/issues',
      headers: [
        ['Accept', 'application/vnd.github+json'],
        ['Authorization', 'Bearer <YOUR-TOKEN>'],
      ],
      json: '{\n  "title": "Found a bug",\n  "labels": [\n    "bug"\n  ]\n}',
      warn: /no Content-Type/,
    },
  ],
  [
    'SendGrid: --request/--url/--header (Postman-like)',
    `curl --request POST \\
--url https://api.sendgrid.com/v3/mail/send \\
--header "Authorization: Bearer $SENDGRID_API_KEY" \\
--header 'Content-Type: application/json' \\
--data '{"personalizations": [{"to": [{"email": "test@example.com"}]}],"from": {"email": "test@example.com"},"subject": "Sending with SendGrid is Fun"}'`,
    {
      method: 'POST',
      url: 'https://api.sendgrid.com/v3/mail/send',
      headers: [['Authorization', 'Bearer {{SENDGRID_API_KEY}}']],
      json: '{\n  "personalizations": [\n    {\n      "to": [\n        {\n          "email": "test@example.com"\n        }\n      ]\n    }\n  ],\n  "from": {\n    "email": "test@example.com"\n  },\n  "subject": "Sending with SendGrid is Fun"\n}',
    },
  ],
  [
    'Mailgun: -s --user api:key with -F text fields',
    `curl -s --user 'api:YOUR_API_KEY' \\
    https://api.mailgun.net/v3/YOUR_DOMAIN_NAME/messages \\
    -F from='Excited User <mailgun@YOUR_DOMAIN_NAME>' \\
    -F to=YOU@YOUR_DOMAIN_NAME \\
    -F subject='Hello' \\
    -F text='Testing some Mailgun awesomeness!'`,
    {
      method: 'POST',
      url: 'https://api.mailgun.net/v3/YOUR_DOMAIN_NAME/messages',
      headers: [['Authorization', basic('api:YOUR_API_KEY')]],
      formdata: [
        ['from', 'Excited User <mailgun@YOUR_DOMAIN_NAME>'],
        ['to', 'YOU@YOUR_DOMAIN_NAME'],
        ['subject', 'Hello'],
        ['text', 'Testing some Mailgun awesomeness!'],
      ],
    },
  ],
  [
    'Airtable: list records with query (-g not needed)',
    `curl "https://api.airtable.com/v0/appABC/Table%201?maxRecords=3&view=Grid%20view" \\
  -H "Authorization: Bearer YOUR_SECRET_API_TOKEN"`,
    {
      method: 'GET',
      url: 'https://api.airtable.com/v0/appABC/Table%201',
      headers: [['Authorization', 'Bearer YOUR_SECRET_API_TOKEN']],
      query: [
        ['maxRecords', '3'],
        ['view', 'Grid%20view'],
      ],
    },
  ],
  [
    'Notion: PATCH with version header',
    `curl -X PATCH 'https://api.notion.com/v1/pages/b55c9c91-384d-452b-81db-d1ef79372b75' \\
  -H 'Authorization: Bearer '"$NOTION_API_KEY"'' \\
  -H "Content-Type: application/json" \\
  -H "Notion-Version: 2022-06-28" \\
  --data '{"properties": {"In stock": { "checkbox": true }}}'`,
    {
      method: 'PATCH',
      url: 'https://api.notion.com/v1/pages/b55c9c91-384d-452b-81db-d1ef79372b75',
      headers: [
        ['Authorization', 'Bearer {{NOTION_API_KEY}}'],
        ['Notion-Version', '2022-06-28'],
      ],
      json: '{\n  "properties": {\n    "In stock": {\n      "checkbox": true\n    }\n  }\n}',
    },
  ],
  [
    'Telegram: sendMessage with -d pairs',
    `curl -X POST "https://api.telegram.org/bot<TOKEN>/sendMessage" -d "chat_id=123456&text=Hello"`,
    {
      method: 'POST',
      url: 'https://api.telegram.org/bot<TOKEN>/sendMessage',
      form: [
        ['chat_id', '123456'],
        ['text', 'Hello'],
      ],
    },
  ],
  [
    'Discord webhook with --json',
    `curl --json '{"content": "Hello"}' https://discord.com/api/webhooks/123/abc`,
    { method: 'POST', url: 'https://discord.com/api/webhooks/123/abc', headers: [['Accept', 'application/json']], json: '{\n  "content": "Hello"\n}' },
  ],
  [
    'Swagger UI Petstore (quoted method)',
    `curl -X 'POST' \\
  'https://petstore.swagger.io/v2/pet' \\
  -H 'accept: application/json' \\
  -H 'Content-Type: application/json' \\
  -d '{
  "id": 0,
  "name": "doggie",
  "status": "available"
}'`,
    {
      method: 'POST',
      url: 'https://petstore.swagger.io/v2/pet',
      headers: [['accept', 'application/json']],
      json: '{\n  "id": 0,\n  "name": "doggie",\n  "status": "available"\n}',
    },
  ],
  [
    'Swagger UI GET with query',
    `curl -X 'GET' \\
  'https://petstore.swagger.io/v2/pet/findByStatus?status=available&status=sold' \\
  -H 'accept: application/json'`,
    {
      method: 'GET',
      url: 'https://petstore.swagger.io/v2/pet/findByStatus',
      headers: [['accept', 'application/json']],
      query: [
        ['status', 'available'],
        ['status', 'sold'],
      ],
    },
  ],
  [
    'Postman: --location and raw JSON',
    `curl --location 'https://api.example.com/v1/orders' \\
--header 'Content-Type: application/json' \\
--header 'Authorization: Bearer {{token}}' \\
--data '{
    "sku": "A-1",
    "quantity": 2
}'`,
    {
      method: 'POST',
      url: 'https://api.example.com/v1/orders',
      headers: [['Authorization', 'Bearer {{token}}']],
      json: '{\n    "sku": "A-1",\n    "quantity": 2\n}',
      warn: /--location/,
    },
  ],
  [
    'Postman: form-data with a file',
    `curl --location 'https://api.example.com/upload' \\
--form 'title="Report"' \\
--form 'file=@"/Users/me/report.pdf"'`,
    { method: 'POST', url: 'https://api.example.com/upload', formdata: [['title', 'Report']], warn: /“file” uploads the file “\/Users\/me\/report\.pdf”/ },
  ],
  [
    'Postman: x-www-form-urlencoded',
    `curl --location 'https://auth.example.com/oauth/token' \\
--header 'Content-Type: application/x-www-form-urlencoded' \\
--data-urlencode 'grant_type=client_credentials' \\
--data-urlencode 'client_id=abc' \\
--data-urlencode 'scope=read write'`,
    {
      method: 'POST',
      url: 'https://auth.example.com/oauth/token',
      form: [
        ['grant_type', 'client_credentials'],
        ['client_id', 'abc'],
        ['scope', 'read%20write'],
      ],
    },
  ],
  [
    'Chrome Copy as cURL (bash)',
    `curl 'https://www.example.com/api/search?q=phone&page=2' \\
  -H 'accept: application/json, text/plain, */*' \\
  -H 'accept-language: en-US,en;q=0.9' \\
  -b 'session=abc123; theme=dark' \\
  -H 'referer: https://www.example.com/' \\
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'`,
    {
      method: 'GET',
      url: 'https://www.example.com/api/search',
      headers: [
        ['accept', 'application/json, text/plain, */*'],
        ['accept-language', 'en-US,en;q=0.9'],
        ['referer', 'https://www.example.com/'],
        ['user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'],
        ['Cookie', 'session=abc123; theme=dark'],
      ],
      query: [
        ['q', 'phone'],
        ['page', '2'],
      ],
    },
  ],
  [
    "Chrome Copy as cURL (bash) POST with $'…' data",
    `curl 'https://www.example.com/api/items' \\
  -H 'content-type: application/json' \\
  --data-raw $'{"name":"O\\'Brien","note":"line1\\\\nline2"}'`,
    { method: 'POST', url: 'https://www.example.com/api/items', json: '{\n  "name": "O\'Brien",\n  "note": "line1\\nline2"\n}' },
  ],
  [
    'Chrome Copy as cURL (cmd)',
    `curl ^"https://www.example.com/api/items?id=7^&full=1^" ^
  -H ^"accept: application/json^" ^
  -H ^"content-type: application/json^" ^
  --data-raw ^"^{^\\^"name^\\^":^\\^"Ann^\\^",^\\^"n^\\^":1^}^" ^
  --compressed`,
    {
      method: 'POST',
      url: 'https://www.example.com/api/items',
      headers: [['accept', 'application/json']],
      query: [
        ['id', '7'],
        ['full', '1'],
      ],
      json: '{\n  "name": "Ann",\n  "n": 1\n}',
    },
  ],
  [
    'Chrome Copy as cURL (cmd), older quoting',
    `curl "https://api.example.com/v1/me" ^
  -H "Authorization: Bearer abc.def" ^
  -H "Accept: */*" ^
  --compressed`,
    {
      method: 'GET',
      url: 'https://api.example.com/v1/me',
      headers: [
        ['Authorization', 'Bearer abc.def'],
        ['Accept', '*/*'],
      ],
    },
  ],
  [
    'cmd with %VARIABLE%',
    `curl -X POST "https://api.example.com/v1/calls" ^
  -H "Authorization: Bearer %API_TOKEN%" ^
  -d "to=%2B15550001111"`,
    { method: 'POST', url: 'https://api.example.com/v1/calls', headers: [['Authorization', 'Bearer {{API_TOKEN}}']], form: [['to', '%2B15550001111']] },
  ],
  [
    'Firefox Copy as cURL (POSIX)',
    `curl 'https://api.example.com/graphql' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0' -H 'Accept: */*' -H 'Content-Type: application/json' -H 'Origin: https://app.example.com' -H 'Connection: keep-alive' --data-raw '{"operationName":"Me","variables":{},"query":"query Me { me { id } }"}'`,
    {
      method: 'POST',
      url: 'https://api.example.com/graphql',
      headers: [
        ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'],
        ['Accept', '*/*'],
        ['Origin', 'https://app.example.com'],
        ['Connection', 'keep-alive'],
      ],
      json: '{\n  "operationName": "Me",\n  "variables": {},\n  "query": "query Me { me { id } }"\n}',
    },
  ],
  [
    'PowerShell curl.exe with backticks and $env:',
    `curl.exe -X POST "https://api.example.com/v1/leads" \`
  -H "Authorization: Bearer $env:API_KEY" \`
  -H "Content-Type: application/json" \`
  -d '{"name": "Ann"}'`,
    { method: 'POST', url: 'https://api.example.com/v1/leads', headers: [['Authorization', 'Bearer {{API_KEY}}']], json: '{\n  "name": "Ann"\n}' },
  ],
  [
    'Continuation with spaces after the backslash',
    `curl -X PUT https://api.example.com/v1/items/9 \\   
  -H "Content-Type: application/json" \\ 
  -d '{"qty": 3}'`,
    { method: 'PUT', url: 'https://api.example.com/v1/items/9', json: '{\n  "qty": 3\n}' },
  ],
  [
    'Lines starting with - and no backslash',
    `curl https://api.example.com/v1/things
-H "Authorization: Bearer t0k"
-d "a=1"`,
    { method: 'POST', url: 'https://api.example.com/v1/things', headers: [['Authorization', 'Bearer t0k']], form: [['a', '1']] },
  ],
  [
    'Short-option clusters -sSL, -XPOST, -d@file',
    `curl -sSL -XPOST https://api.example.com/v1/upload -d@payload.json -H'X-Trace: 1'`,
    { method: 'POST', url: 'https://api.example.com/v1/upload', headers: [['X-Trace', '1']], warn: /read from a file/ },
  ],
  ['-I (HEAD)', `curl -I https://www.example.com/`, { method: 'HEAD', url: 'https://www.example.com/' }],
  [
    'OPTIONS preflight',
    `curl -X OPTIONS https://api.example.com/v1/items -H 'Origin: https://a.example' -H 'Access-Control-Request-Method: POST'`,
    {
      method: 'OPTIONS',
      url: 'https://api.example.com/v1/items',
      headers: [
        ['Origin', 'https://a.example'],
        ['Access-Control-Request-Method', 'POST'],
      ],
    },
  ],
  [
    'Header removal (Name:) and empty header (Name;)',
    `curl https://api.example.com -H 'Accept: text/html' -H 'Accept:' -H 'X-Empty;'`,
    { method: 'GET', url: 'https://api.example.com', headers: [['X-Empty', '']] },
  ],
  [
    'Repeated headers kept in order',
    `curl https://api.example.com/v1 -H 'X-Tag: a' -H 'X-Tag: b' -H 'Accept: */*'`,
    {
      method: 'GET',
      url: 'https://api.example.com/v1',
      headers: [
        ['X-Tag', 'a'],
        ['X-Tag', 'b'],
        ['Accept', '*/*'],
      ],
    },
  ],
  [
    'Credentials in the URL (percent-decoded)',
    `curl https://us%40r:p%40ss@api.example.com/v1/me`,
    { method: 'GET', url: 'https://api.example.com/v1/me', headers: [['Authorization', basic('us@r:p@ss')]] },
  ],
  ['Trailing slash kept as written', `curl https://api.example.com/v1/items/`, { method: 'GET', url: 'https://api.example.com/v1/items/' }],
  ['No trailing slash added to a bare host', `curl https://api.example.com`, { method: 'GET', url: 'https://api.example.com' }],
  [
    'Several -d joined with &',
    `curl https://api.example.com/form -d a=1 -d b=2 --data-raw 'c=@3'`,
    {
      method: 'POST',
      url: 'https://api.example.com/form',
      form: [
        ['a', '1'],
        ['b', '2'],
        ['c', '@3'],
      ],
    },
  ],
  [
    '-A, -e, -b and --oauth2-bearer',
    `curl https://api.example.com -A 'Agent/1.0' -e 'https://ref.example/' -b 'sid=1' --oauth2-bearer abc`,
    {
      method: 'GET',
      url: 'https://api.example.com',
      headers: [
        ['Authorization', 'Bearer abc'],
        ['User-Agent', 'Agent/1.0'],
        ['Referer', 'https://ref.example/'],
        ['Cookie', 'sid=1'],
      ],
    },
  ],
  [
    'XML body stays raw with its content type',
    `curl -X POST https://soap.example.com/ws -H 'Content-Type: text/xml; charset=utf-8' -d '<Envelope><Body/></Envelope>'`,
    { method: 'POST', url: 'https://soap.example.com/ws', raw: ['text/xml; charset=utf-8', '<Envelope><Body/></Envelope>'] },
  ],
  [
    '{{placeholders}} and $VARS in a JSON body',
    `curl -X POST https://api.example.com/v1/calls -H 'Content-Type: application/json' -d '{"to": "{{phone}}", "count": {{count}}}'`,
    { method: 'POST', url: 'https://api.example.com/v1/calls', json: '{\n  "to": "{{phone}}",\n  "count": {{count}}\n}', warn: /phone, count/ },
  ],
  [
    'Prompt and transfer-only flags',
    `$ curl --compressed --max-time 10 -k https://api.example.com/health`,
    { method: 'GET', url: 'https://api.example.com/health', warn: /--compressed --max-time -k/ },
  ],
  [
    'GET with -d moves data to the query',
    `curl -X GET https://es.example.com/_search -d 'q=phone'`,
    { method: 'GET', url: 'https://es.example.com/_search', query: [['q', 'phone']], warn: /no body/ },
  ],
  [
    '--url-query',
    `curl --url-query 'name=Ann Lee' --url-query '+raw=%20' https://api.example.com/find`,
    {
      method: 'GET',
      url: 'https://api.example.com/find',
      query: [
        ['name', 'Ann%20Lee'],
        ['raw', '%20'],
      ],
    },
  ],
];

describe('importCurl: real commands', () => {
  test('the table has at least 40 commands', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  test.each(cases)('%s', async (_name, command, expected) => {
    const result = await importCurl(command);
    if (!result.ok) throw new Error(result.error);
    const { warn, ...want } = expected;
    expect(shape(result.request)).toEqual({ headers: [], query: [], ...want });
    if (warn) expect(result.warnings.join('\n')).toMatch(warn);
  });
});

describe('importCurl: not a usable cURL command', () => {
  test.each([
    ['', /Paste a cURL command/],
    ['   \n  ', /Paste a cURL command/],
    ['wget https://example.com/file', /wget/],
    ['http POST https://api.example.com/items name=Ann', /HTTPie/],
    ['fetch("https://api.example.com", { method: "POST" })', /fetch\(\)/],
    ['Invoke-WebRequest -Uri "https://api.example.com" -Method POST', /PowerShell/],
    ['POST /v1/items HTTP/1.1\nHost: api.example.com\n\n{}', /raw HTTP request/],
    ['curl -X POST \'https://api.example.com/items -d {"a":1}', /quote is not closed/],
    ['curl -H "Accept: */*"', /no URL/],
    ['curl ftp://files.example.com/a.txt', /Only http/],
    ['curl -X PROPFIND https://dav.example.com/', /PROPFIND is not supported/],
    ['import requests\nrequests.get("https://x")', /program code/],
    ['ls -la', /starts with “curl”/],
  ])('%j', async (command, error) => {
    const result = await importCurl(command);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  test('never throws, whatever it is given', async () => {
    for (const input of [null, undefined, 42, {}, 'curl', 'curl \\', 'curl $(', 'curl "a" "b', '\u0000curl', 'curl ' + 'x'.repeat(2_000_000)]) {
      const result = await importCurl(input as string);
      expect(typeof result.ok).toBe('boolean');
    }
  });
});

describe('exportCurl', () => {
  test.each(cases.filter(([name]) => !/file|-G|GET with -d|url-query/.test(name)))('%s round-trips', async (_name, command) => {
    const first = await importCurl(command);
    if (!first.ok) throw new Error(first.error);
    const again = await importCurl(exportCurl(first.request));
    if (!again.ok) throw new Error(again.error);
    expect(shape(again.request)).toEqual(shape(first.request));
  });
});

describe('importCurl: notices', () => {
  test('a Content-Type header implied by the body is taken out, and the notice says so', async () => {
    const result = await importCurl(`curl http://[::1]:5302/a -H 'Content-Type: application/json' -d '{"a":1}'`);
    if (!result.ok) throw new Error(result.error);
    expect(result.request.url).toBe('http://[::1]:5302/a');
    expect(result.request.headers).toEqual([]);
    expect(result.warnings).toEqual(['The header “Content-Type: application/json” was taken out: the JSON body sends it by itself.']);
  });
});
