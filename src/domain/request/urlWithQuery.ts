import type { KeyValueRow } from './ApiRequestConfig';

/** The URL as the URL field shows it: the path plus the enabled Query Parameters rows. */
export function composeUrl(url: string, query: readonly KeyValueRow[]): string {
  const pairs = query.filter((r) => r.enabled).map((r) => (r.value ? `${r.key}=${r.value}` : r.key));
  return pairs.length ? `${url}?${pairs.join('&')}` : url;
}

/** Raw `a=1&b=2` into rows, repeated keys and encoding kept as written. */
export function queryRows(query: string, newId: () => string): KeyValueRow[] {
  return query.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return { id: newId(), key: eq < 0 ? pair : pair.slice(0, eq), value: eq < 0 ? '' : pair.slice(eq + 1), enabled: true };
  });
}

/**
 * What the user typed into the URL field, split back into the path and the rows. Enabled rows are
 * replaced by the typed query (keeping their ids in order, so a row being edited keeps its focus);
 * disabled rows are not in the URL and stay as they are.
 */
export function splitUrl(text: string, query: readonly KeyValueRow[], newId: () => string): { url: string; query: KeyValueRow[] } {
  const q = text.indexOf('?');
  const url = q < 0 ? text : text.slice(0, q);
  const typed = q < 0 || q === text.length - 1 ? [] : queryRows(text.slice(q + 1), newId);
  const enabled = query.filter((r) => r.enabled);
  const rows = typed.map((r, i) => (enabled[i] ? { ...r, id: enabled[i].id } : r));
  return { url, query: [...rows, ...query.filter((r) => !r.enabled)] };
}
