/** How much of a test response is saved with the flow (it travels in every save and export). */
export const MAX_STORED_BODY = 200 * 1024;

export type StoredBody = { text: string; kept: 'whole' | 'sample' | 'start' };

/** Lists, long strings and objects shortened to at most `n` items / characters, recursively. */
function shorten(value: unknown, n: number, depth = 0): unknown {
  if (depth > 64) return null;
  if (typeof value === 'string') return value.length > n * 8 ? `${value.slice(0, n * 8)}…` : value;
  if (Array.isArray(value)) return value.slice(0, n).map((v) => shorten(v, n, depth + 1));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .slice(0, Math.max(n, 50))
        .map(([k, v]) => [k, shorten(v, n, depth + 1)]),
    );
  return value;
}

/**
 * What of a test response body is saved with the block: all of it when it fits; for a larger JSON
 * body a sample that is still JSON (lists cut to their first items, so the tree and the fields
 * stay usable); otherwise the start of the text.
 */
export function storedBody(text: string, max = MAX_STORED_BODY): StoredBody {
  if (text.length <= max) return { text, kept: 'whole' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { text: text.slice(0, max), kept: 'start' };
  }
  for (let n = 1000; n >= 1; n = Math.floor(n / 2)) {
    const sample = JSON.stringify(shorten(value, n), null, 1);
    if (sample.length <= max) return { text: sample, kept: 'sample' };
  }
  return { text: text.slice(0, max), kept: 'start' };
}
