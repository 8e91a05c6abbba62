import { headerValue } from '../domain/request/headerValue';
import { useState } from 'react';
import { Field, inputClass } from '../components/Field';
import { SelectField } from '../components/SelectField';
import type { Behaviour, FaultStep } from '../domain/testing/flowTestSchema';
import { formatSequence, parseSequence } from '../domain/testing/faultSequence';
import { setBehaviour } from './testSession';

type Mode = Behaviour['mode'];
const MODES: { value: Mode; label: string }[] = [
  { value: 'live', label: 'Live' },
  { value: 'last', label: 'Last test response' },
  { value: 'mock', label: 'Mock' },
  { value: 'fault', label: 'Fault' },
];

/** The faults offered by name; anything else is written as a sequence. */
const FAULTS: { value: string; label: string; steps?: FaultStep[] }[] = [
  { value: 'timeout', label: 'Timeout (the block’s timeout elapses)', steps: [{ fault: 'timeout' }] },
  { value: 'refused', label: 'Connection refused', steps: [{ fault: 'refused' }] },
  { value: 'reset', label: 'Connection reset', steps: [{ fault: 'reset' }] },
  { value: 'dns', label: 'DNS failure', steps: [{ fault: 'dns' }] },
  ...[500, 502, 503].map((s) => ({ value: String(s), label: `HTTP ${s}`, steps: [{ fault: 'status' as const, status: s }] })),
  { value: '503-retry', label: 'HTTP 503 with Retry-After 2 s', steps: [{ fault: 'status', status: 503, retryAfter: '2' }] },
  ...[429, 401, 404].map((s) => ({ value: String(s), label: `HTTP ${s}`, steps: [{ fault: 'status' as const, status: s }] })),
  { value: 'invalid-json', label: 'Invalid JSON with a 200', steps: [{ fault: 'invalid-json' }] },
  { value: 'slow', label: 'Slow answer…' },
  { value: 'sequence', label: 'Sequence…' },
];

function faultKind(steps: readonly FaultStep[]): string {
  if (steps.length === 1 && steps[0]!.fault === 'slow') return 'slow';
  const text = formatSequence(steps);
  return FAULTS.find((f) => f.steps && formatSequence(f.steps) === text)?.value ?? 'sequence';
}

const DEFAULTS: Record<Mode, Behaviour> = {
  live: { mode: 'live' },
  last: { mode: 'last' },
  mock: { mode: 'mock', status: 200, headers: [['Content-Type', 'application/json']], body: '{\n  "status": "ok"\n}', latencyMs: 0 },
  fault: { mode: 'fault', steps: [{ fault: 'timeout' }] },
};

function MockEditor({ blockId, blockName, behaviour }: { blockId: string; blockName: string; behaviour: Extract<Behaviour, { mode: 'mock' }> }) {
  const [body, setBody] = useState(behaviour.body);
  const json = /json/i.test(headerValue(behaviour.headers, 'content-type') ?? '');
  let error: string | undefined;
  if (json && body.trim()) {
    try {
      JSON.parse(body);
    } catch (e) {
      error = `Not valid JSON: ${(e as Error).message}`;
    }
  }
  return (
    <div className="grid grid-cols-2 gap-2">
      <Field label="Status">
        {(id) => (
          <input
            id={id}
            aria-label={`Mock status for ${blockName}`}
            type="number"
            min={100}
            max={599}
            className={inputClass}
            value={behaviour.status}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (n >= 100 && n <= 599) setBehaviour(blockId, { ...behaviour, status: n });
            }}
          />
        )}
      </Field>
      <Field label="Latency (ms)">
        {(id) => (
          <input
            id={id}
            aria-label={`Mock latency for ${blockName}`}
            type="number"
            min={0}
            step={100}
            className={inputClass}
            value={behaviour.latencyMs}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (n >= 0) setBehaviour(blockId, { ...behaviour, latencyMs: n });
            }}
          />
        )}
      </Field>
      <div className="col-span-2">
        <Field label="Body" error={error} hint={json ? 'JSON, checked as you type.' : undefined}>
          {(id, describedBy) => (
            <textarea
              id={id}
              aria-label={`Mock body for ${blockName}`}
              aria-describedby={describedBy}
              aria-invalid={!!error}
              rows={4}
              spellCheck={false}
              className={`${inputClass} font-mono text-[11.5px]`}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setBehaviour(blockId, { ...behaviour, body: e.target.value });
              }}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

function FaultEditor({ blockId, blockName, behaviour }: { blockId: string; blockName: string; behaviour: Extract<Behaviour, { mode: 'fault' }> }) {
  const [kind, setKind] = useState(() => faultKind(behaviour.steps));
  const [sequence, setSequence] = useState(() => formatSequence(behaviour.steps));
  const [slowMs, setSlowMs] = useState(() => (behaviour.steps[0]?.fault === 'slow' ? String(behaviour.steps[0].ms) : '3000'));
  const parsed = parseSequence(sequence);
  const choose = (value: string) => {
    setKind(value);
    const preset = FAULTS.find((f) => f.value === value)?.steps;
    if (preset) {
      setBehaviour(blockId, { mode: 'fault', steps: preset });
      setSequence(formatSequence(preset));
    }
    if (value === 'slow') setBehaviour(blockId, { mode: 'fault', steps: [{ fault: 'slow', ms: Number(slowMs) || 0 }] });
    if (value === 'sequence' && parsed.ok) setBehaviour(blockId, { mode: 'fault', steps: parsed.steps });
  };
  return (
    <div className="flex flex-col gap-2">
      <SelectField label={`Fault for ${blockName}`} hideLabel value={kind} options={FAULTS} onChange={choose} />
      {kind === 'slow' && (
        <Field label="Answers after (ms)" hint="A 200 with the last test response; slower than the block’s timeout is a timeout.">
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              type="number"
              min={0}
              step={500}
              className={inputClass}
              value={slowMs}
              onChange={(e) => {
                setSlowMs(e.target.value);
                const n = Number(e.target.value);
                if (n >= 0) setBehaviour(blockId, { mode: 'fault', steps: [{ fault: 'slow', ms: n }] });
              }}
            />
          )}
        </Field>
      )}
      {kind === 'sequence' && (
        <Field
          label="Answers, one per attempt"
          error={parsed.ok ? undefined : parsed.error}
          hint="Such as “503, 503, 200” or “timeout, ok”: the last one repeats."
        >
          {(id, describedBy) => (
            <input
              id={id}
              aria-describedby={describedBy}
              aria-invalid={!parsed.ok}
              className={inputClass}
              value={sequence}
              onChange={(e) => {
                setSequence(e.target.value);
                const p = parseSequence(e.target.value);
                if (p.ok) setBehaviour(blockId, { mode: 'fault', steps: p.steps });
              }}
            />
          )}
        </Field>
      )}
    </div>
  );
}

/** What one API Request block does in this test run: Live, its last test response, a mock or a fault. */
export function BehaviourEditor({
  blockId,
  blockName,
  behaviour,
  lastTest,
}: {
  blockId: string;
  blockName: string;
  behaviour: Behaviour;
  lastTest: 'none' | 'fresh' | 'stale';
}) {
  return (
    <div className="flex flex-col gap-2">
      <SelectField
        label={`Behaviour of ${blockName}`}
        hideLabel
        value={behaviour.mode}
        options={MODES}
        onChange={(mode) => setBehaviour(blockId, DEFAULTS[mode])}
      />
      {behaviour.mode === 'last' && (
        <p className={`text-[11px] ${lastTest === 'fresh' ? 'text-zinc-500' : 'text-amber-800'}`}>
          {lastTest === 'none'
            ? 'No test response is saved: test the block in its Test step first, or use a mock.'
            : lastTest === 'stale'
              ? 'Stale: the request changed since the last test. The old response is replayed; nothing is sent.'
              : 'The response saved by the block’s Test step is replayed; nothing is sent.'}
        </p>
      )}
      {behaviour.mode === 'mock' && <MockEditor key={blockId} blockId={blockId} blockName={blockName} behaviour={behaviour} />}
      {behaviour.mode === 'fault' && <FaultEditor key={blockId} blockId={blockId} blockName={blockName} behaviour={behaviour} />}
    </div>
  );
}
