import { variablesIn } from '../variables/variableTokens';
import { applyEdits, format } from 'jsonc-parser';
import { BODY_METHODS, emptyBody, HTTP_METHODS, type ApiRequestConfig, type HttpMethod, type KeyValueRow } from '../request/ApiRequestConfig';
import { withPlaceholders } from '../request/jsonTemplate';
import { jsonTemplateErrors } from '../request/jsonTemplateErrors';
import { queryRows } from '../request/urlWithQuery';
import { jsonToFields } from '../request/jsonFields';
import { commandArgv } from './commandArgv';
import { curlOptions, type CurlOptions } from './curlOptions';

export type CurlImport = { ok: true; request: ApiRequestConfig; warnings: string[] } | { ok: false; error: string };

function idMaker() {
  let n = 0;
  return () => `r${++n}`;
}

/** Latin-1 safe base64 of UTF-8 text (btoa alone rejects “é”). */
function base64(text: string): string {
  return btoa(Array.from(new TextEncoder().encode(text), (b) => String.fromCharCode(b)).join(''));
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `$NAME` and `${NAME}` left literal by single quotes are placeholders in API docs, too. */
function shellPlaceholders(text: string): string {
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Z_][A-Z0-9_]{1,})\b/g, (_, a: string | undefined, b: string | undefined) => `{{${a ?? b}}}`);
}

const JSON_TYPE = /^application\/(.+\+)?json\s*(;.*)?$/i;

function prettyJson(text: string): string {
  if (text.includes('\n') || jsonTemplateErrors(text).length) return text;
  // Formatting edits only whitespace, so edits computed on the placeholder text fit the template.
  return applyEdits(text, format(withPlaceholders(text), undefined, { tabSize: 2, insertSpaces: true, eol: '\n' }));
}

function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text) && !jsonTemplateErrors(text).length;
}

function build(o: CurlOptions, warnings: string[]): CurlImport {
  const id = idMaker();
  if (!o.urls.length) return { ok: false, error: 'The command has no URL. Check that the address (https://…) was copied too.' };
  if (o.urls.length > 1) warnings.push(`The command names ${o.urls.length} URLs; only the first was imported.`);

  let url = o.urls[0]!.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('{{')) {
    url = `http://${url}`;
    warnings.push('The URL had no scheme; curl assumes http://, so that was added. Use https:// if the API supports it.');
  }
  if (!/^(https?:\/\/|\{\{)/i.test(url)) {
    return { ok: false, error: `Only http:// and https:// URLs can be called; this one is “${url.slice(0, 60)}”.` };
  }
  url = url.replace(/#.*$/, '');

  const headers: KeyValueRow[] = [];
  let authorization: string | undefined;
  const creds = /^(https?:\/\/)([^/?#@]*)@/i.exec(url);
  if (creds) {
    url = creds[1] + url.slice(creds[0].length);
    const [user = '', pass = ''] = creds[2]!.split(/:(.*)/s);
    authorization = `Basic ${base64(`${decode(user)}:${decode(pass)}`)}`;
  }
  if (o.user !== undefined) {
    if (!o.user.includes(':')) warnings.push('-u gave a user without a password; curl would ask for it. Add the password to the Authorization header.');
    authorization = `Basic ${base64(o.user.includes(':') ? o.user : `${o.user}:`)}`;
  }
  if (o.bearer !== undefined) authorization = `Bearer ${o.bearer}`;

  const q = url.indexOf('?');
  const query = q >= 0 && q < url.length - 1 ? queryRows(url.slice(q + 1), id) : [];
  if (q >= 0) url = url.slice(0, q);
  for (const extra of o.urlQuery) query.push(...queryRows(extra, id));

  for (const [name, value] of o.headers) {
    if (value === null) {
      // `-H 'Name:'` tells curl not to send that header.
      for (let i = headers.length - 1; i >= 0; i--) if (headers[i]!.key.toLowerCase() === name.toLowerCase()) headers.splice(i, 1);
      continue;
    }
    headers.push({ id: id(), key: name, value, enabled: true });
  }
  if (authorization && !headers.some((h) => h.key.toLowerCase() === 'authorization'))
    headers.unshift({ id: id(), key: 'Authorization', value: authorization, enabled: true });
  if (o.cookies.length) headers.push({ id: id(), key: 'Cookie', value: o.cookies.join('; '), enabled: true });

  const hasBody = o.data.length > 0 || o.json.length > 0 || o.form.length > 0;
  let method: string = o.method ?? (o.head ? 'HEAD' : o.get ? 'GET' : hasBody ? 'POST' : 'GET');
  if (o.get && !o.method) method = 'GET';
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    return { ok: false, error: `The method ${method} is not supported. Use one of ${HTTP_METHODS.join(', ')}.` };
  }
  const body = emptyBody();
  const contentTypeAt = () => headers.findIndex((h) => h.key.toLowerCase() === 'content-type');
  // The body type sends this Content-Type by itself; the header row would only repeat it. Say so:
  // a header that vanishes without a word looks like a lost header.
  const dropContentType = (when: (v: string) => boolean, bodyName: string) => {
    const i = contentTypeAt();
    if (i < 0 || !when(headers[i]!.value.trim())) return;
    warnings.push(`The header “Content-Type: ${headers[i]!.value.trim()}” was taken out: the ${bodyName} body sends it by itself.`);
    headers.splice(i, 1);
  };
  const data = o.data.join('&');
  // A JSON type with a body that is not JSON (comments, trailing commas, single quotes, a template
  // placeholder): sent byte for byte as curl would, never refused and never dropped.
  const asRaw = (text: string, type: string) => {
    body.type = 'raw';
    body.raw = text;
    body.rawContentType = type;
    warnings.push(
      `The body is not valid JSON (${jsonTemplateErrors(text)[0]!.message}), so it was kept exactly as written, as a Raw body sent with “Content-Type: ${type}”. Fix it there, or switch the Body to JSON once it is valid.`,
    );
  };

  if ((o.get || !BODY_METHODS.includes(method as HttpMethod)) && o.data.length) {
    if (!o.get) warnings.push(`${method} requests carry no body here, so the data was moved to Query Parameters (as curl -G would send it).`);
    query.push(...queryRows(data, id));
  } else if (o.form.length) {
    body.type = 'formdata';
    body.form = o.form.map(([key, value]) => ({ id: id(), key, value, enabled: true }));
    dropContentType((v) => /^multipart\/form-data/i.test(v), 'Form data');
  } else if (o.json.length && jsonTemplateErrors(o.json.join('')).length) {
    asRaw(o.json.join(''), 'application/json');
    if (!headers.some((h) => h.key.toLowerCase() === 'accept')) headers.push({ id: id(), key: 'Accept', value: 'application/json', enabled: true });
  } else if (o.json.length) {
    body.type = 'json';
    body.json = prettyJson(o.json.join(''));
    if (contentTypeAt() < 0) {
      // curl --json also asks for JSON back; keep that, the API may rely on it.
      if (!headers.some((h) => h.key.toLowerCase() === 'accept')) headers.push({ id: id(), key: 'Accept', value: 'application/json', enabled: true });
    }
    dropContentType((v) => /^application\/json$/i.test(v), 'JSON');
  } else if (o.data.length) {
    const i = contentTypeAt();
    const type = i >= 0 ? headers[i]!.value.trim() : '';
    if (JSON_TYPE.test(type) && jsonTemplateErrors(data).length) {
      headers.splice(i, 1);
      asRaw(data, type);
    } else if (JSON_TYPE.test(type) || (!type && looksLikeJson(data))) {
      if (!type) warnings.push('The body is JSON but the command sets no Content-Type; it will be sent as application/json.');
      body.type = 'json';
      body.json = prettyJson(data);
      dropContentType((v) => /^application\/json$/i.test(v), 'JSON');
    } else if (!type || /^application\/x-www-form-urlencoded\s*(;.*)?$/i.test(type)) {
      body.type = 'urlencoded';
      body.form = queryRows(data, id);
      dropContentType((v) => /^application\/x-www-form-urlencoded$/i.test(v), 'x-www-form-urlencoded');
    } else {
      body.type = 'raw';
      body.raw = data;
      body.rawContentType = type;
      headers.splice(i, 1);
    }
  }
  if (body.type === 'json') {
    const manual = jsonToFields(body.json, id);
    body.jsonMode = manual.ok ? 'manual' : 'code';
    if (!manual.ok && jsonTemplateErrors(body.json).length) warnings.push('The JSON body is not valid JSON; fix it in the Body before testing.');
  }
  if (o.ignored.length)
    warnings.push(
      `Ignored ${o.ignored.join(' ')}: ${o.ignored.length > 1 ? 'these only change' : 'it only changes'} how curl itself transfers, not what is sent.`,
    );
  warnings.push(...o.warnings);
  return { ok: true, request: { method: method as HttpMethod, url, headers, query, body }, warnings };
}

function placeholderHint(request: ApiRequestConfig): string | null {
  const { url, headers, query, body } = request;
  const names = variablesIn([url, headers, query, body.form, body.json, body.raw]);
  if (!names.size) return null;
  const list = [...names].join(', ');
  return `The command uses ${names.size > 1 ? 'variables' : 'a variable'} (${list}). Define ${names.size > 1 ? 'them' : 'it'} under Custom Variables, or replace ${names.size > 1 ? 'them' : 'it'} with variables from earlier blocks.`;
}

/**
 * A pasted cURL command as an API Request (DESIGN.md §2.1). Never throws: anything that is not a
 * usable cURL command comes back as `{ ok: false, error }` saying what to paste instead.
 */
export async function importCurl(command: string): Promise<CurlImport> {
  try {
    if (typeof command !== 'string') return { ok: false, error: 'Paste a cURL command first: it starts with “curl”.' };
    if (command.length > 1_000_000)
      return { ok: false, error: 'This command is over 1 MB; paste a shorter one (large bodies can be added in the Body after importing).' };
    const argv = await commandArgv(command);
    if (!argv.ok) return argv;
    const words = argv.argv.map(shellPlaceholders);
    const result = build(curlOptions(words, argv.stdin), [...argv.warnings]);
    if (result.ok) {
      const hint = placeholderHint(result.request);
      if (hint) result.warnings.push(hint);
    }
    return result;
  } catch (e) {
    return { ok: false, error: `This command could not be imported (${e instanceof Error ? e.message : String(e)}). Check that it was copied in full.` };
  }
}
