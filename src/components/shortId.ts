/** Ids for list items inside a block (exit conditions, cases): unique within the block is enough. */
export function shortId(): string {
  return crypto.randomUUID().slice(0, 8);
}
