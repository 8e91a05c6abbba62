import { parseFlowFile } from '../domain/flow/parseFlowFile';

/**
 * Reads and validates a flow file off the page's thread: a 20 MB file takes a few hundred ms
 * to read, parse and check, time the page would otherwise be frozen for.
 */
const scope = self as unknown as { onmessage: ((e: MessageEvent<File>) => void) | null; postMessage(message: unknown): void };
scope.onmessage = async (e) => {
  let text: string;
  try {
    text = await e.data.text();
  } catch {
    scope.postMessage({ ok: false, error: 'the file could not be read.' });
    return;
  }
  scope.postMessage(parseFlowFile(text));
};
