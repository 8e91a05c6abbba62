import type { ProxyAnswer } from '../../request/ProxyAnswer';
import type { ResolvedRequest } from '../../request/resolveRequest';
import { headerValue } from '../../request/headerValue';
import { responseVariables } from '../../request/responseVariables';
import type { ApiRequestData } from './apiRequestBlock';
import { storedBody } from './storedBody';
import { resolvedKey, settingsKey } from './testIsStale';

/** One attempt of a test send, as the Test step lists it. */
export interface TestAttempt {
  outcome: string;
  /** The wait after this attempt, before the next one. */
  waitMs: number;
}

export interface TestSend {
  attempts: TestAttempt[];
  answer?: ProxyAnswer;
  error?: { code: string; message: string };
}

/**
 * What a finished test send changes in the block: the last result, saved with the flow (the body
 * cut to what storage keeps), and, for a 2xx answer only, the response's fields as the block's
 * variables; a failure leaves the last shape alone.
 */
export function testRecord(
  run: TestSend,
  request: ResolvedRequest,
  data: ApiRequestData,
  now: Date,
): Pick<ApiRequestData, 'lastTest'> & Partial<Pick<ApiRequestData, 'published'>> {
  const answer = run.answer;
  const text = answer?.body.text;
  const stored = text !== undefined ? storedBody(text) : undefined;
  const lastTest: NonNullable<ApiRequestData['lastTest']> = {
    at: now.toISOString(),
    resolvedKey: resolvedKey(request),
    settingsKey: settingsKey(data),
    attempts: run.attempts,
    ...(answer
      ? {
          response: {
            status: answer.status,
            statusText: answer.statusText,
            totalMs: answer.timings.totalMs,
            bytes: answer.body.bytes,
            // truncated: the proxy cut the body; kept: how much of what came is saved with the flow.
            truncated: answer.body.truncated,
            headers: answer.headers,
            url: answer.url,
            ...(stored ? { text: stored.text, kept: stored.kept } : {}),
          },
        }
      : {}),
    ...(run.error ? { error: run.error } : {}),
  };
  const success = !!answer && answer.status >= 200 && answer.status < 300;
  return success ? { lastTest, published: responseVariables(text, headerValue(answer.headers, 'content-type') ?? '') } : { lastTest };
}
