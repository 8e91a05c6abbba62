import { headerIndex } from './headerValue';
import { HEADER_NAME } from './headerName';
import { BODY_METHODS, type ApiRequestConfig, type KeyValueRow } from './ApiRequestConfig';
import { encodeLiteral, encodeUrlLiteral } from './percentEncode';
import { urlProblem } from './urlProblem';
import { jsonTemplateTokens } from './jsonTemplate';
import { jsonTemplateErrors } from './jsonTemplateErrors';
import { splitTokens } from '../variables/variableTokens';
import { multipartBody } from './multipartBody';

export interface ResolvedRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body?: string;
}

export interface RequestProblem {
  field: string;
  message: string;
  variable?: string;
}

export type Resolved = { ok: true; request: ResolvedRequest } | { ok: false; problems: RequestProblem[] };

/** Builds one request; problems are collected rather than thrown so the user sees all at once. */
class Builder {
  problems: RequestProblem[] = [];
  constructor(private values: Record<string, unknown>) {}

  problem(field: string, message: string, variable?: string) {
    this.problems.push(variable ? { field, message, variable } : { field, message });
  }

  /** A variable's value as text, or undefined (and a problem) when it cannot be text. */
  textOf(name: string, field: string): string | undefined {
    if (!Object.hasOwn(this.values, name) || this.values[name] === undefined) {
      this.problem(field, `The variable “${name}” has no value`, name);
      return undefined;
    }
    const v = this.values[name];
    if (v === null) return '';
    if (typeof v === 'object') {
      this.problem(field, `“${name}” is ${Array.isArray(v) ? 'an array' : 'an object'} and cannot be placed in text; pick one of its fields`, name);
      return undefined;
    }
    return String(v);
  }

  /** Field text with variables inserted; `encode` applies to literal text and values differently. */
  text(template: string, field: string, literal: (s: string, first: boolean) => string, value: (s: string) => string, rawFirst = false): string {
    return splitTokens(template)
      .map((part, i) => {
        if ('text' in part) return literal(part.text, i === 0);
        const v = this.textOf(part.variable, field);
        if (v === undefined) return '';
        // A token that opens the URL is its scheme and host ({{base_url}}/orders): inserted as is.
        return rawFirst && i === 0 ? v : value(v);
      })
      .join('');
  }

  json(template: string): string | undefined {
    const errors = jsonTemplateErrors(template);
    if (errors.length) {
      this.problem('body', `The JSON body is not valid: ${errors[0]!.message}`);
      return undefined;
    }
    let out = '';
    let last = 0;
    for (const t of jsonTemplateTokens(template)) {
      out += template.slice(last, t.start);
      last = t.end;
      if (t.inString) {
        const v = this.textOf(t.name, 'body');
        if (v !== undefined) out += JSON.stringify(v).slice(1, -1);
      } else if (!Object.hasOwn(this.values, t.name) || this.values[t.name] === undefined) {
        this.problem('body', `The variable “${t.name}” has no value`, t.name);
      } else {
        out += JSON.stringify(this.values[t.name]);
      }
    }
    return out + template.slice(last);
  }

  rows(rows: readonly KeyValueRow[], field: string, encode: (s: string, extra: string) => string): string {
    return rows
      .filter((r) => r.enabled && (r.key || r.value))
      .map((r, i) => {
        const key = this.text(r.key, `${field}[${i}]`, (s) => encode(s, '&=#'), encodeURIComponent);
        const value = this.text(r.value, `${field}[${i}]`, (s) => encode(s, '&#'), encodeURIComponent);
        return r.value ? `${key}=${value}` : key;
      })
      .join('&');
  }
}

function hasHeader(headers: [string, string][], name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/**
 * The exact request a block sends for these variable values (DESIGN.md §2.1, §2.2). The Test
 * panel, Show request, Copy as cURL, the proxy client and the flow engine all build requests
 * here, so what is tested is what runs.
 */
export function resolveRequest(request: ApiRequestConfig, values: Record<string, unknown>): Resolved {
  const b = new Builder(values);

  let url = '';
  if (!request.url.trim()) b.problem('url', 'Server URL cannot be empty');
  else {
    const base = b.text(
      request.url.trim().replace(/#.*$/, ''),
      'url',
      (s, first) => (first ? encodeUrlLiteral(s) : encodeLiteral(s)),
      encodeURIComponent,
      true,
    );
    const query = b.rows(request.query, 'query', encodeLiteral);
    url = query ? `${base}${base.includes('?') ? '&' : '?'}${query}` : base;
    const problem = b.problems.length ? null : urlProblem(url);
    if (problem) b.problem('url', problem);
  }

  const headers: [string, string][] = [];
  request.headers.forEach((row, i) => {
    if (!row.enabled || (!row.key.trim() && !row.value)) return;
    const field = `headers[${i}]`;
    const name = b.text(
      row.key.trim(),
      field,
      (s) => s,
      (s) => s,
    );
    const value = b.text(
      row.value,
      field,
      (s) => s,
      (s) => s,
    );
    if (!HEADER_NAME.test(name)) b.problem(field, `“${name}” is not a valid header name: use letters, digits and -`);
    else if (/[\r\n\0]/.test(value)) b.problem(field, `The value of header “${name}” contains a line break, which would let it forge other headers`);
    else headers.push([name, value]);
  });

  let body: string | undefined;
  const bodyType = BODY_METHODS.includes(request.method) ? request.body.type : 'none';
  const contentType = (type: string) => {
    if (!hasHeader(headers, 'content-type')) headers.push(['Content-Type', type]);
  };
  if (bodyType === 'json') {
    body = b.json(request.body.json);
    contentType('application/json');
  } else if (bodyType === 'urlencoded') {
    body = b.rows(request.body.form, 'form', encodeLiteral);
    contentType('application/x-www-form-urlencoded');
  } else if (bodyType === 'raw') {
    body = b.text(
      request.body.raw,
      'body',
      (s) => s,
      (s) => s,
    );
    contentType(request.body.rawContentType || 'text/plain');
  } else if (bodyType === 'formdata') {
    const fields = request.body.form
      .filter((r) => r.enabled && r.key)
      .map(
        (r, i) =>
          [
            b.text(
              r.key,
              `form[${i}]`,
              (s) => s,
              (s) => s,
            ),
            b.text(
              r.value,
              `form[${i}]`,
              (s) => s,
              (s) => s,
            ),
          ] as [string, string],
      );
    const multipart = multipartBody(fields);
    body = multipart.body;
    if (hasHeader(headers, 'content-type')) {
      // A Content-Type without our boundary would make the parts unreadable for the server.
      const i = headerIndex(headers, 'content-type');
      headers.splice(i, 1);
    }
    headers.push(['Content-Type', multipart.contentType]);
  }

  if (b.problems.length) return { ok: false, problems: b.problems };
  return { ok: true, request: { method: request.method, url, headers, ...(body !== undefined ? { body } : {}) } };
}
