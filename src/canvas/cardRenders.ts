/**
 * How many times each card has rendered, by block id. A browser test reads it (a drag must
 * re-render no card but the dragged one); counting costs a map update per render.
 */
const counts = new Map<string, number>();
(globalThis as { __switchboardCardRenders?: Map<string, number> }).__switchboardCardRenders = counts;

export function cardRenders(id: string): void {
  counts.set(id, (counts.get(id) ?? 0) + 1);
}
