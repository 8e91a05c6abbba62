/** What a secret's value is shown as. */
export const MASK = '••••••';

/**
 * `text` with every occurrence of a secret value replaced by the mask: what the Test step shows
 * and what the call engine traces. Values shorter than three characters are left alone: masking
 * every "a" or "1" in a trace would hide far more than the secret and tell its value anyway.
 */
export function maskSecrets(text: string, secrets: Iterable<unknown>): string {
  let out = text;
  for (const v of secrets) if (typeof v === 'string' && v.length >= 3) out = out.split(v).join(MASK);
  return out;
}
