import type { TestAttempt, TestSend } from '../../domain/blocks/api-request/testRecord';
import type { ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import type { ResolvedRequest } from '../../domain/request/resolveRequest';
import { runAttempts } from '../../domain/request/runAttempts';
import { realClock } from '../../domain/engine/realClock';
import { proxyTransport } from '../../net/proxyTransport';

/**
 * The Test step's send: the block's own attempt loop (runAttempts, shared with the call engine and
 * the command-line runner) on the wall clock, through the proxy.
 */
export async function runTest(
  request: ResolvedRequest,
  data: ApiRequestData,
  signal: AbortSignal,
  onProgress: (attempts: TestAttempt[]) => void,
): Promise<TestSend> {
  const attempts: TestAttempt[] = [];
  const run = await runAttempts({
    request,
    settings: data,
    clock: realClock(),
    transport: proxyTransport,
    signal,
    newKey: () => crypto.randomUUID(),
    onAttempt: (a) => {
      attempts.push({ outcome: a.error ? a.error.code : `${a.status} ${a.statusText ?? ''}`.trim(), waitMs: a.waitMs });
      onProgress([...attempts]);
    },
  });
  return run.answer ? { attempts, answer: run.answer } : { attempts, error: run.error };
}
