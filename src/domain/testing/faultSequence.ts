import type { FaultStep } from './flowTestSchema';

const WORDS: Record<string, FaultStep> = {
  timeout: { fault: 'timeout' },
  refused: { fault: 'refused' },
  'connection refused': { fault: 'refused' },
  reset: { fault: 'reset' },
  'connection reset': { fault: 'reset' },
  dns: { fault: 'dns' },
  'dns failure': { fault: 'dns' },
  'invalid json': { fault: 'invalid-json' },
  'invalid-json': { fault: 'invalid-json' },
  ok: { fault: 'ok' },
  '200': { fault: 'ok' },
};

/** How a step reads in the trace and in the sequence field ("503 Retry-After 2", "slow 1500 ms"). */
export function describeStep(step: FaultStep): string {
  switch (step.fault) {
    case 'timeout':
      return 'timeout';
    case 'refused':
      return 'connection refused';
    case 'reset':
      return 'connection reset';
    case 'dns':
      return 'DNS failure';
    case 'invalid-json':
      return 'invalid JSON';
    case 'ok':
      return '200';
    case 'slow':
      return `slow ${step.ms} ms`;
    case 'status':
      return step.retryAfter ? `${step.status} Retry-After ${step.retryAfter}` : String(step.status);
  }
}

export function formatSequence(steps: readonly FaultStep[]): string {
  return steps.map(describeStep).join(', ');
}

/**
 * Reads a fault sequence as people write it: "503, 503, 200", "timeout, ok", "429 retry-after 2",
 * "slow 1500". Each part is one attempt's answer; the last repeats.
 */
export function parseSequence(text: string): { ok: true; steps: FaultStep[] } | { ok: false; error: string } {
  const parts = text
    .split(/[,;]|\bthen\b/i)
    .map((p) => p.trim().toLowerCase().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (!parts.length) return { ok: false, error: 'Write at least one answer, such as “503, 503, 200”.' };
  const steps: FaultStep[] = [];
  for (const part of parts) {
    const word = WORDS[part];
    if (word) {
      steps.push(word);
      continue;
    }
    const slow = /^slow(?: answer)?\s*(\d+)\s*(ms|s)?$/.exec(part);
    if (slow) {
      steps.push({ fault: 'slow', ms: Number(slow[1]) * (slow[2] === 's' ? 1000 : 1) });
      continue;
    }
    const status = /^(\d{3})(?:\s*retry-after\s*(\S+))?$/.exec(part);
    if (status && Number(status[1]) >= 100 && Number(status[1]) <= 599) {
      const code = Number(status[1]);
      if (code >= 200 && code < 300 && !status[2]) steps.push({ fault: 'ok' });
      else steps.push({ fault: 'status', status: code, ...(status[2] ? { retryAfter: status[2] } : {}) });
      continue;
    }
    return {
      ok: false,
      error: `“${part}” is not an answer a fault can give. Use a status (503, 429 retry-after 2), timeout, refused, reset, dns, invalid json, slow 2000 or ok.`,
    };
  }
  return { ok: true, steps };
}
