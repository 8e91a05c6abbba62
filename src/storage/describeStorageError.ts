/** What a failed IndexedDB write means for the user, in words they can act on. */
export function describeStorageError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  if (name === 'QuotaExceededError') {
    return 'Browser storage is full, so this flow is not saved. Your work is kept in this tab: export it, or delete flows you no longer need. Saving resumes by itself.';
  }
  if (name === 'InvalidStateError' || name === 'UnknownError') {
    return 'Browser storage stopped working, so this flow is not saved. Your work is kept in this tab: export it to be safe. Saving is retried every few seconds.';
  }
  return `This flow could not be saved (${name || 'storage error'}). Your work is kept in this tab; saving is retried every few seconds.`;
}
