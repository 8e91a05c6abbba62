import { describe, expect, test } from 'vitest';
import { resolveRequest } from './resolveRequest';
import { emptyBody, type ApiRequestConfig, type KeyValueRow } from './ApiRequestConfig';
import { apiRequestBlock, type ApiRequestData } from '../blocks/api-request/apiRequestBlock';
import { defaultData } from '../blocks/blockCatalog';

const rows = (...pairs: [string, string, boolean?][]): KeyValueRow[] => pairs.map(([key, value, enabled = true], i) => ({ id: `r${i}`, key, value, enabled }));
const req = (patch: Partial<ApiRequestConfig>): ApiRequestConfig => ({
  method: 'GET',
  url: 'https://api.example.com/v1',
  headers: [],
  query: [],
  body: emptyBody(),
  ...patch,
});
const json = (text: string) => ({ ...emptyBody(), type: 'json' as const, json: text });

function ok(r: ReturnType<typeof resolveRequest>) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.request;
}

describe('resolveRequest: text outside the JSON body', () => {
  test('path and query values are percent-encoded; literal text is sent as written', () => {
    const r = ok(
      resolveRequest(req({ url: 'https://api.example.com/users/{{id}}/a b', query: rows(['q', '{{q}}'], ['raw', 'a%20b'], ['off', 'x', false]) }), {
        id: 'a/b c',
        q: 'x&y=z',
      }),
    );
    expect(r.url).toBe('https://api.example.com/users/a%2Fb%20c/a%20b?q=x%26y%3Dz&raw=a%20b');
  });

  test('a token opening the URL is its scheme and host, inserted as is', () => {
    expect(ok(resolveRequest(req({ url: '{{base_url}}/orders' }), { base_url: 'https://shop.example.com/api' })).url).toBe(
      'https://shop.example.com/api/orders',
    );
  });

  test('numbers and booleans become text; null becomes empty', () => {
    const r = ok(resolveRequest(req({ headers: rows(['X-N', '{{n}}'], ['X-B', '{{b}}'], ['X-Null', 'v{{z}}']) }), { n: 42, b: false, z: null }));
    expect(r.headers).toEqual([
      ['X-N', '42'],
      ['X-B', 'false'],
      ['X-Null', 'v'],
    ]);
  });

  test('objects and arrays in text are problems naming the variable', () => {
    const r = resolveRequest(req({ url: 'https://x.example/{{o}}', headers: rows(['X', '{{a}}']) }), { o: { a: 1 }, a: [1] });
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: 'url', message: expect.stringMatching(/an object/), variable: 'o' },
        { field: 'headers[0]', message: expect.stringMatching(/an array/), variable: 'a' },
      ],
    });
  });

  test('CR or LF in a header value is refused', () => {
    const r = resolveRequest(req({ headers: rows(['X-Note', '{{v}}']) }), { v: 'a\r\nSet-Cookie: x=1' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/line break/);
  });

  test('missing variables are named, all at once', () => {
    const r = resolveRequest(req({ url: 'https://x.example/{{a}}', query: rows(['k', '{{b}}']) }), {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.variable)).toEqual(['a', 'b']);
  });

  test('expansion is single-pass', () => {
    expect(ok(resolveRequest(req({ headers: rows(['X', '{{a}}']) }), { a: '{{b}}', b: 'no' })).headers).toEqual([['X', '{{b}}']]);
  });

  test('an empty or non-http URL is a problem', () => {
    expect(resolveRequest(req({ url: '' }), {})).toMatchObject({ ok: false, problems: [{ field: 'url', message: 'Server URL cannot be empty' }] });
    expect(resolveRequest(req({ url: 'ftp://x.example/a' }), {})).toMatchObject({ ok: false, problems: [{ message: /https:\/\// }] });
    expect(resolveRequest(req({ url: 'not a url' }), {})).toMatchObject({ ok: false, problems: [{ message: /not a valid URL/ }] });
  });

  test('invalid header names are refused', () => {
    expect(resolveRequest(req({ headers: rows(['Bad Name', 'x']) }), {}).ok).toBe(false);
  });
});

describe('resolveRequest: JSON body', () => {
  test('tokens in value position keep their type; in strings they are JSON-escaped', () => {
    const r = ok(
      resolveRequest(req({ method: 'POST', body: json('{"n": {{n}}, "b": {{b}}, "o": {{o}}, "a": {{a}}, "z": {{z}}, "s": "say \\"{{s}}\\""}') }), {
        n: 3.5,
        b: true,
        o: { k: 'v' },
        a: [1, 'x'],
        z: null,
        s: 'he said "hi"\n',
      }),
    );
    expect(JSON.parse(r.body!)).toEqual({ n: 3.5, b: true, o: { k: 'v' }, a: [1, 'x'], z: null, s: 'say "he said "hi"\n"' });
    expect(r.headers).toEqual([['Content-Type', 'application/json']]);
  });

  test('a string value in value position becomes a JSON string', () => {
    expect(ok(resolveRequest(req({ method: 'POST', body: json('{"id": {{id}}}') }), { id: '007' })).body).toBe('{"id": "007"}');
  });

  test('an object inside a string literal is a problem', () => {
    expect(resolveRequest(req({ method: 'POST', body: json('{"s": "x {{o}}"}') }), { o: {} })).toMatchObject({
      ok: false,
      problems: [{ field: 'body', variable: 'o' }],
    });
  });

  test('invalid JSON names the spot', () => {
    const r = resolveRequest(req({ method: 'POST', body: json('{\n  "a": 1,\n  "b": \n}') }), {});
    expect(r).toMatchObject({ ok: false, problems: [{ field: 'body', message: expect.stringMatching(/line 4, column 1/) }] });
  });

  test('a Content-Type the user set is kept', () => {
    const r = ok(resolveRequest(req({ method: 'POST', headers: rows(['content-type', 'application/vnd.api+json']), body: json('{}') }), {}));
    expect(r.headers).toEqual([['content-type', 'application/vnd.api+json']]);
  });

  test('GET and DELETE send no body', () => {
    expect(ok(resolveRequest(req({ method: 'GET', body: json('{"a":1}') }), {})).body).toBeUndefined();
    expect(ok(resolveRequest(req({ method: 'DELETE', body: json('{"a":1}') }), {})).body).toBeUndefined();
  });
});

describe('resolveRequest: other bodies', () => {
  test('x-www-form-urlencoded rows', () => {
    const r = ok(
      resolveRequest(
        req({ method: 'POST', body: { ...emptyBody(), type: 'urlencoded', form: rows(['name', '{{n}}'], ['note', 'a b'], ['off', '1', false]) } }),
        { n: 'Ann & Bo' },
      ),
    );
    expect(r.body).toBe('name=Ann%20%26%20Bo&note=a%20b');
    expect(r.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
  });

  test('raw text with its content type, values inserted as text', () => {
    const r = ok(
      resolveRequest(req({ method: 'PUT', body: { ...emptyBody(), type: 'raw', raw: '<a>{{v}}</a>', rawContentType: 'application/xml' } }), { v: 5 }),
    );
    expect(r).toMatchObject({ body: '<a>5</a>', headers: [['Content-Type', 'application/xml']] });
  });

  test('multipart form data is deterministic and carries its boundary', () => {
    const config = req({ method: 'POST', body: { ...emptyBody(), type: 'formdata', form: rows(['purpose', '{{p}}']) } });
    const a = ok(resolveRequest(config, { p: 'fine-tune' }));
    expect(a).toEqual(ok(resolveRequest(config, { p: 'fine-tune' })));
    const boundary = a.headers[0]![1].split('boundary=')[1]!;
    expect(a.body).toBe(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nfine-tune\r\n--${boundary}--\r\n`);
  });
});

describe('IPv6 literal hosts', () => {
  const at = (url: string) => req({ url });
  test.each([
    ['http://[::1]:5302/orders?id={{id}}', 'http://[::1]:5302/orders?id=a%20b'],
    ['http://[2001:db8::1]/v1/x', 'http://[2001:db8::1]/v1/x'],
    ['https://user:pw@[::1]:8443/p q', 'https://user:pw@[::1]:8443/p%20q'],
  ])('%s is sent with its brackets', (url, sent) => {
    const r = resolveRequest(at(url), { id: 'a b' });
    expect(r).toMatchObject({ ok: true, request: { url: sent } });
  });
  test('brackets elsewhere in the path are still encoded', () => {
    expect(resolveRequest(at('https://x.example/a[1]'), {})).toMatchObject({ ok: true, request: { url: 'https://x.example/a%5B1%5D' } });
  });
  test('the Checklist agrees with Send', () => {
    const block = (url: string) => ({ ...defaultData('apiRequest'), configured: true, url }) as ApiRequestData;
    expect(apiRequestBlock.validate(block('http://[::1]:5302/x'), 'live')).toEqual([]);
    expect(apiRequestBlock.validate(block('{{base}}/x'), 'live')).toEqual([]);
    expect(apiRequestBlock.validate(block('https://{{tenant}}.example.com/x'), 'live')).toEqual([]);
    expect(apiRequestBlock.validate(block('http://[::1/x'), 'live')[0]).toMatch(/is not a valid URL/);
    expect(apiRequestBlock.validate(block('ftp://x.example/a'), 'live')).toEqual(['The URL must start with https:// (or http://)']);
    expect(resolveRequest(at('http://[::1/x'), {}).ok).toBe(false);
  });
});
