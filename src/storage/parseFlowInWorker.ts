import type { ParsedFlow } from '../domain/flow/parseFlowFile';

/** parseFlowFile for a dropped or chosen file, in a worker; on the page when workers are unavailable. */
export function parseFlowInWorker(file: File): Promise<ParsedFlow> {
  const onPage = async (): Promise<ParsedFlow> => {
    const [{ parseFlowFile }, text] = await Promise.all([import('../domain/flow/parseFlowFile'), file.text()]);
    return parseFlowFile(text);
  };
  if (typeof Worker === 'undefined') return onPage();
  return new Promise<ParsedFlow>((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./parseFlowWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      resolve(onPage());
      return;
    }
    worker.onmessage = (e: MessageEvent<ParsedFlow>) => {
      worker.terminate();
      resolve(e.data);
    };
    // A worker that cannot start (blocked by policy, a failed load): the page does the work.
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve(onPage());
    };
    worker.postMessage(file);
  });
}
