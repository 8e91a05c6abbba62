type Pairs = readonly (readonly [string, string])[];

/** Where the header `name` is among [name, value] pairs, compared without case as HTTP does; -1 if absent. */
export function headerIndex(pairs: Pairs, name: string): number {
  const wanted = name.toLowerCase();
  return pairs.findIndex(([n]) => n.toLowerCase() === wanted);
}

/** The first value of header `name` among [name, value] pairs, compared without case as HTTP does. */
export function headerValue(pairs: Pairs, name: string): string | undefined {
  const i = headerIndex(pairs, name);
  return i < 0 ? undefined : pairs[i]![1];
}
