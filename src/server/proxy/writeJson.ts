import type { ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Strings longer than this are written in slices of this many characters. */
const SLICE = 256 * 1024;

/** Whether any string in `value` is longer than a slice; iterative, so depth cannot overflow. */
function hasLongString(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.length > SLICE) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const child of Object.values(v)) stack.push(child);
    }
  }
  return false;
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Sends `value` as JSON without ever holding its whole serialization: a 10 MB response body in a
 * test answer would otherwise exist three times at once (the text, the JSON text, the bytes
 * written), which is most of the server's peak memory. Long strings are serialized slice by slice
 * and written as the client takes them. A slice may end between the two halves of a surrogate
 * pair; JSON.stringify writes each half as a \u escape, and JSON readers join them again.
 */
export async function writeJson(res: ServerResponse, status: number, headers: Record<string, string>, value: unknown): Promise<void> {
  // The common answer is small: plain JSON.stringify, whose fast path a replacer function leaves.
  if (!hasLongString(value)) {
    res.writeHead(status, headers).end(JSON.stringify(value));
    return;
  }
  const long: string[] = [];
  // A marker no user string can hold: it carries a fresh random id.
  const id = randomUUID();
  const head = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' && v.length > SLICE ? `${id}:${long.push(v) - 1}` : v));
  if (long.length === 0) {
    res.writeHead(status, headers).end(head);
    return;
  }
  res.writeHead(status, headers);
  const parts = head.split(new RegExp(`"${id}:(\\d+)"`));
  for (let i = 0; i < parts.length && !res.destroyed; i++) {
    if (i % 2 === 0) {
      if (!res.write(parts[i]!)) await drained(res);
      continue;
    }
    const text = long[Number(parts[i])]!;
    res.write('"');
    for (let at = 0; at < text.length && !res.destroyed; at += SLICE) {
      if (!res.write(JSON.stringify(text.slice(at, at + SLICE)).slice(1, -1))) await drained(res);
    }
    res.write('"');
  }
  res.end();
}
