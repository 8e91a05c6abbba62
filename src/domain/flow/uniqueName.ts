/** The first of `base`, `base 2`, `base 3`… not already taken (case- and space-insensitive). */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(normalizeName));
  const stem = base.trim().replace(/\s+\d+$/, '') || 'Block';
  if (!used.has(normalizeName(base)) && base.trim()) return base.trim();
  for (let i = 2; ; i++) {
    const candidate = `${stem} ${i}`;
    if (!used.has(normalizeName(candidate))) return candidate;
  }
}

/** Names compare like this everywhere: "API request" and "api  Request" would name the same variables. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}
