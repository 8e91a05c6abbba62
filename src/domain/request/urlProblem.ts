/** Why a fully built URL cannot be sent, or null. One check for Send, the Checklist and the engine. */
export function urlProblem(url: string): string | null {
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    /* reported below */
  }
  if (!parsed) return `“${url}” is not a valid URL: it should look like https://api.example.com/path`;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'The URL must start with https:// (or http://)';
  return null;
}
