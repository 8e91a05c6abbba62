import { fingerprint } from '../../request/fingerprint';
import { requestOf, type ApiRequestData } from './apiRequestBlock';

/** The digest of a block's request settings as the Test step records it. */
export function settingsKey(data: ApiRequestData): string {
  return fingerprint(requestOf(data));
}

/** The digest of a resolved request (what would be sent). */
export function resolvedKey(request: { method: string; url: string; headers: [string, string][]; body?: string }): string {
  return fingerprint([request.method, request.url, request.headers, request.body ?? null]);
}

/**
 * Whether the block's last test no longer shows what Send would do: its settings changed, or
 * (when the resolved request is known, in the Test step) the request it resolves to did.
 * Tests saved before these digests existed are not called stale: we cannot know.
 */
export function testIsStale(data: ApiRequestData, resolved?: Parameters<typeof resolvedKey>[0]): boolean {
  const test = data.lastTest;
  if (!test) return false;
  if (resolved && test.resolvedKey) return test.resolvedKey !== resolvedKey(resolved);
  return !!test.settingsKey && test.settingsKey !== settingsKey(data);
}
