import { ChevronRight } from 'lucide-react';
import { Collapsible } from 'radix-ui';
import { memo, useState } from 'react';
import {
  ATTEMPTS_RANGE,
  FIRST_WAIT_RANGE,
  INTERIM_DELAY_MAX,
  LONG_WAIT_MS,
  timeoutRange,
  type ApiRequestData,
} from '../../domain/blocks/api-request/apiRequestBlock';
import { worstCaseWaitMs } from '../../domain/request/worstCaseWait';
import type { Stage } from '../../domain/flow/FlowDocument';
import { ChipField } from '../../components/chip-field/ChipField';
import { Toggle } from '../../components/Toggle';
import { SegmentedControl } from '../../components/SegmentedControl';
import { inputClass } from '../../components/Field';
import { useFlowStore } from '../../store/useFlowStore';

interface Props {
  data: ApiRequestData;
  stage: Stage;
  update(patch: Partial<ApiRequestData>, field?: string): void;
}

function clamp(n: number, min: number, max: number) {
  return Math.min(max, Math.max(min, Math.round(n)));
}

function NumberInput({
  label,
  value,
  min,
  max,
  unit,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  unit: string;
  onChange(n: number): void;
}) {
  const [text, setText] = useState<string | null>(null);
  // A typed value outside the range is stored clamped: say so, rather than change it silently.
  const typed = text === null || text === '' ? NaN : Number(text);
  const clamped = Number.isFinite(typed) && clamp(typed, min, max) !== Math.round(typed);
  return (
    <div className="flex flex-col gap-0.5">
      <label className="flex items-center justify-between gap-3 text-[13px] text-zinc-800">
        <span>{label}</span>
        <span className="flex items-center gap-1.5">
          <input
            type="number"
            aria-label={label}
            aria-invalid={clamped || undefined}
            min={min}
            max={max}
            className={`${inputClass} w-20 text-right`}
            value={text ?? String(value)}
            onChange={(e) => {
              setText(e.target.value);
              const n = Number(e.target.value);
              if (e.target.value !== '' && Number.isFinite(n)) onChange(clamp(n, min, max));
            }}
            onBlur={() => setText(null)}
          />
          <span className="w-6 text-xs text-zinc-500">{unit}</span>
        </span>
      </label>
      {clamped && (
        <p role="status" className="text-right text-[11px] text-amber-700">
          {label} is {min}–{max}
          {unit ? ` ${unit}` : ''}: {value}
          {unit ? ` ${unit}` : ''} is used.
        </p>
      )}
    </div>
  );
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <label className="flex items-center gap-2 text-xs text-zinc-700">
      <input type="checkbox" className="h-3.5 w-3.5 accent-accent" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** Call Outcome Tagging: pick an outcome used elsewhere in the flow, or type a new one. */
function OutcomeField({ value, onChange }: { value: string; onChange(outcome: string): void }) {
  // Read when the field renders (Advanced Settings open), not subscribed: typing elsewhere in the
  // panel should not walk every block of the flow.
  const outcomes = [
    ...new Set(
      Object.values(useFlowStore.getState().blocks)
        .map((b) => String(b.outcome ?? ''))
        .filter(Boolean),
    ),
  ].sort();
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-zinc-700">
      Call Outcome Tagging
      <input
        aria-label="Call outcome"
        list="call-outcomes"
        className={inputClass}
        placeholder="Pick or type a new outcome"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      <datalist id="call-outcomes">
        {outcomes.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <span className="font-normal text-zinc-500">Affects reporting only; the last tagged block a call reaches wins.</span>
    </label>
  );
}

const FIELDS = ['method', 'timeoutSeconds', 'retry', 'interim', 'errorHandling', 'outcome'] as const;

/** Timeout, retries, interim message, error handling and outcome tag (post-call: timeout and retry only). */
export const AdvancedSettings = memo(
  function AdvancedSettings({ data, stage, update }: Props) {
    const [open, setOpen] = useState(false);
    const live = stage !== 'post';
    const wait = worstCaseWaitMs(data, live);
    const retry = data.retry;
    const setRetry = (patch: Partial<ApiRequestData['retry']>) => update({ retry: { ...retry, ...patch } });
    const interim = data.interim;
    const setInterim = (patch: Partial<ApiRequestData['interim']>, field?: string) => update({ interim: { ...interim, ...patch } }, field);
    // Only a caller on the line hangs up: post-call blocks are not warned about a long wait.
    const long = live && wait > LONG_WAIT_MS;
    const idempotent = data.method === 'POST' || data.method === 'PATCH';

    return (
      <Collapsible.Root open={open} onOpenChange={setOpen} className="border-t border-zinc-100">
        <Collapsible.Trigger className="flex w-full items-center gap-1.5 px-4 py-3 text-left text-[11px] font-semibold uppercase tracking-wide text-zinc-500 hover:text-zinc-800">
          <ChevronRight size={13} className={`transition ${open ? 'rotate-90' : ''}`} aria-hidden /> Advanced Settings
          <span className={`ml-auto normal-case tracking-normal ${long ? 'text-amber-700' : 'text-zinc-500'}`}>worst case {(wait / 1000).toFixed(1)} s</span>
        </Collapsible.Trigger>
        <Collapsible.Content className="flex flex-col gap-4 px-4 pb-4">
          <NumberInput
            label="Timeout Duration"
            value={data.timeoutSeconds}
            min={timeoutRange(stage).min}
            max={timeoutRange(stage).max}
            unit="s"
            onChange={(timeoutSeconds) => update({ timeoutSeconds }, 'timeout')}
          />

          <div className="flex flex-col gap-2.5">
            <Toggle
              label="Retry on Failure"
              checked={retry.enabled}
              onChange={(enabled) => setRetry({ enabled })}
              hint={retry.enabled ? 'Retries repeat side effects: make sure repeating this request is safe.' : undefined}
            />
            {retry.enabled && (
              <div className="ml-10 flex flex-col gap-2">
                <NumberInput
                  label="Max Attempts"
                  value={retry.maxAttempts}
                  min={ATTEMPTS_RANGE.min}
                  max={ATTEMPTS_RANGE.max}
                  unit=""
                  onChange={(maxAttempts) => setRetry({ maxAttempts })}
                />
                <label className="flex items-center justify-between gap-3 text-[13px] text-zinc-800">
                  Backoff
                  <select
                    aria-label="Backoff"
                    className={`${inputClass} w-32`}
                    value={retry.backoff}
                    onChange={(e) => setRetry({ backoff: e.target.value as 'exponential' | 'fixed' })}
                  >
                    <option value="exponential">Exponential</option>
                    <option value="fixed">Fixed</option>
                  </select>
                </label>
                <NumberInput
                  label="First wait"
                  value={retry.initialDelayMs}
                  min={FIRST_WAIT_RANGE.min}
                  max={FIRST_WAIT_RANGE.max}
                  unit="ms"
                  onChange={(initialDelayMs) => setRetry({ initialDelayMs })}
                />
                <fieldset className="flex flex-col gap-1">
                  <legend className="pb-1 text-xs font-medium text-zinc-700">Retry when</legend>
                  <Check label="The request times out" checked={retry.onTimeout} onChange={(onTimeout) => setRetry({ onTimeout })} />
                  <Check label="The connection fails" checked={retry.onNetworkError} onChange={(onNetworkError) => setRetry({ onNetworkError })} />
                  <Check label="The server answers 5xx" checked={retry.on5xx} onChange={(on5xx) => setRetry({ on5xx })} />
                  <Check label="The server answers 429 (honouring Retry-After)" checked={retry.on429} onChange={(on429) => setRetry({ on429 })} />
                </fieldset>
                {idempotent && (
                  <Check
                    label="Send an Idempotency-Key header with retried requests"
                    checked={retry.idempotencyKey}
                    onChange={(idempotencyKey) => setRetry({ idempotencyKey })}
                  />
                )}
              </div>
            )}
          </div>

          {live && (
            <>
              <div className="flex flex-col gap-2.5">
                <Toggle
                  label="Interim Message"
                  checked={interim.enabled}
                  onChange={(enabled) => setInterim({ enabled })}
                  hint="What the agent says while the request runs."
                />
                {interim.enabled && (
                  <div className="ml-10 flex flex-col gap-2">
                    <SegmentedControl
                      label="Interim message type"
                      value={interim.mode}
                      options={[
                        { value: 'fixed', label: 'Fixed' },
                        { value: 'promptable', label: 'Promptable' },
                      ]}
                      onChange={(mode) => setInterim({ mode })}
                    />
                    <ChipField
                      label="Interim message"
                      multiline
                      invalid={!interim.text.trim()}
                      placeholder={interim.mode === 'fixed' ? 'One moment while I look that up…' : 'Tell the caller you are checking their order'}
                      value={interim.text}
                      onChange={(text) => setInterim({ text }, 'interim')}
                    />
                    {!interim.text.trim() && <p className="text-[11px] text-rose-600">Interim message cannot be empty</p>}
                    <Toggle label="Post Interim Message Delay" checked={interim.delayEnabled} onChange={(delayEnabled) => setInterim({ delayEnabled })} />
                    {interim.delayEnabled && (
                      <NumberInput
                        label="Delay"
                        value={interim.delaySeconds}
                        min={0}
                        max={INTERIM_DELAY_MAX}
                        unit="s"
                        onChange={(delaySeconds) => setInterim({ delaySeconds }, 'delay')}
                      />
                    )}
                  </div>
                )}
              </div>

              <Toggle
                label="Enable Error Handling"
                checked={data.errorHandling}
                onChange={(errorHandling) => update({ errorHandling })}
                hint={data.errorHandling ? 'The block has Success and Error routes; failures take Error.' : 'On failure the flow continues on the same route.'}
              />

              <OutcomeField value={data.outcome} onChange={(outcome) => update({ outcome }, 'outcome')} />
            </>
          )}
          <p role="status" className={`rounded-md px-3 py-2 text-xs ${long ? 'bg-amber-50 text-amber-800' : 'bg-zinc-50 text-zinc-600'}`}>
            {/* After the call nobody is waiting on the line: it is how long the block can take. */}
            {stage === 'pre' ? 'Worst-case wait before the greeting' : live ? 'Worst-case wait for the caller' : 'Longest this block can take'}:{' '}
            <strong>{(wait / 1000).toFixed(1)} s</strong>
            {retry.enabled
              ? ` (${retry.maxAttempts} attempts × ${data.timeoutSeconds} s + waits between them${live && interim.enabled && interim.delayEnabled ? ' + interim delay' : ''})`
              : ` (one attempt of up to ${data.timeoutSeconds} s)`}
            .{long && ` Over 15 s callers often hang up: lower the timeout or the attempts${interim.enabled ? '' : ', or add an interim message'}.`}
          </p>
        </Collapsible.Content>
      </Collapsible.Root>
    );
  },
  (a, b) => a.stage === b.stage && a.update === b.update && FIELDS.every((k) => a.data[k] === b.data[k]),
);
