import type { VariableType } from '../variables/availableVariables';

export interface PublishedVariable {
  path: string;
  type: VariableType;
  /** Kept for primitives (strings shortened); objects and arrays are described by their paths. */
  value?: unknown;
}

const MAX_PATHS = 2000;
const MAX_STRING = 2000;

function typeOf(value: unknown): VariableType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

function stored(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  return value !== null && typeof value === 'object' ? undefined : value;
}

/**
 * What a 2xx test response publishes under the block's name (DESIGN.md §2.2): `response` (the
 * whole body) and every flattened path (`customer.id`, `items.0.sku`); a top-level array's items
 * go under `output`; a non-JSON body is `response` as text. Capped at 2000 paths so a huge list
 * does not flood the variable picker.
 */
export function responseVariables(bodyText: string | undefined, contentType: string): PublishedVariable[] {
  let parsed: unknown;
  let isJson = false;
  if (bodyText !== undefined && (/json/i.test(contentType) || /^\s*[[{]/.test(bodyText))) {
    try {
      parsed = JSON.parse(bodyText);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  if (!isJson) return [{ path: 'response', type: 'string', value: stored(bodyText ?? '') }];
  const out: PublishedVariable[] = [{ path: 'response', type: typeOf(parsed), value: stored(parsed) }];
  const walk = (value: unknown, path: string) => {
    if (out.length >= MAX_PATHS) return;
    if (path) out.push({ path, type: typeOf(value), value: stored(value) });
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [k, v] of entries) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(parsed, Array.isArray(parsed) ? 'output' : '');
  return out;
}

/**
 * The values a 2xx response gives a running call: the same names as responseVariables, with the
 * whole values (objects and long strings included), for the engine's `var.set`.
 */
export function responseValues(bodyText: string | undefined, contentType: string): Record<string, unknown> {
  let parsed: unknown;
  let isJson = false;
  if (bodyText !== undefined && (/json/i.test(contentType) || /^\s*[[{]/.test(bodyText))) {
    try {
      parsed = JSON.parse(bodyText);
      isJson = true;
    } catch {
      isJson = false;
    }
  }
  if (!isJson) return { response: bodyText ?? '' };
  const out: Record<string, unknown> = { response: parsed };
  let count = 1;
  // Iterative, and capped like the picker's list: a crafted response cannot exhaust the stack.
  const stack: [unknown, string][] = [[parsed, Array.isArray(parsed) ? 'output' : '']];
  while (stack.length && count < MAX_PATHS) {
    const [value, path] = stack.pop()!;
    if (path) {
      out[path] = value;
      count++;
    }
    if (value !== null && typeof value === 'object') {
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], path ? `${path}.${entries[i]![0]}` : entries[i]![0]]);
    }
  }
  return out;
}
