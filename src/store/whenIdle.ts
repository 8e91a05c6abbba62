/**
 * Runs `task` once the page has nothing better to do, or after `timeoutMs` at the latest. Safari
 * has no requestIdleCallback: there the task runs after the current work, on a timer.
 */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(task, 1);
  return () => clearTimeout(handle);
}
