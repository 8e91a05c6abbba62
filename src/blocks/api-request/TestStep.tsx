import { ClipboardCopy, Send, TriangleAlert } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { requestOf, type ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import { resolveRequest } from '../../domain/request/resolveRequest';
import { jsonTemplateTokens } from '../../domain/request/jsonTemplate';
import { findVariable, type VariableGroup } from '../../domain/variables/availableVariables';
import { VARIABLE_TYPES, type VariableType } from '../../domain/variables/VariableType';
import { variablesIn } from '../../domain/variables/variableTokens';
import { exportResolvedCurl } from '../../domain/curl/exportCurl';
import { inputClass } from '../../components/Field';
import { Section } from '../../components/Section';
import { primaryButton, secondaryButton } from '../../components/Modal';
import { useCopied } from '../../components/useCopied';
import { runTest } from './runTest';
import { TestResult } from './TestResult';
import { testIsStale } from '../../domain/blocks/api-request/testIsStale';
import { parseSample } from '../../domain/blocks/api-request/parseSample';
import { testRecord, type TestAttempt } from '../../domain/blocks/api-request/testRecord';
import { maskSecrets } from '../../domain/variables/maskSecrets';

const TYPES: readonly VariableType[] = VARIABLE_TYPES;

/**
 * The Test step: a sample value for every variable the request uses (kept with the block), the
 * resolved request, and a real test request through the proxy. A 2xx response publishes its
 * fields as the block's variables; the last result is saved with the block.
 */
export function TestStep({
  data,
  groups,
  update,
}: {
  data: ApiRequestData;
  groups: VariableGroup[];
  update(patch: Partial<ApiRequestData>, field?: string): void;
}) {
  const request = useMemo(() => requestOf(data), [data]);
  const names = useMemo(() => [...variablesIn(request)], [request]);
  const typed = useMemo(
    () =>
      new Set(
        data.body.type === 'json'
          ? jsonTemplateTokens(data.body.json)
              .filter((t) => !t.inString)
              .map((t) => t.name)
          : [],
      ),
    [data.body],
  );
  const samples = data.samples;
  const setSamples = (next: (s: typeof samples) => typeof samples) => update({ samples: next(samples) }, 'samples');
  const [running, setRunning] = useState<TestAttempt[] | null>(null);
  // A cancelled send leaves the earlier result on screen: it must not pass for the answer to this one.
  const [cancelled, setCancelled] = useState(false);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const [show, setShow] = useState(false);
  const [copied, copy] = useCopied();

  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  // Each variable's sample: what the user typed, else its known value (a Custom Variable, a test).
  const rows = names.map((name) => {
    const known = findVariable(name, groups);
    const fallback = {
      text: known?.value === undefined ? '' : typeof known.value === 'string' ? known.value : JSON.stringify(known.value),
      type: (typed.has(name) && known?.type) || ('string' as VariableType),
    };
    return { name, known, sample: samples[name] ?? fallback, given: !!samples[name] || known?.value !== undefined };
  });
  for (const { name, sample, given } of rows) {
    if (!given) continue;
    const parsed = parseSample(sample.text, sample.type);
    if (parsed.error) errors[name] = parsed.error;
    else values[name] = parsed.value;
  }
  const resolved = resolveRequest(request, values);
  const secrets = groups.flatMap((g) => g.variables.filter((v) => v.secret && typeof v.value === 'string' && v.value).map((v) => String(v.value)));
  const mask = (s: string) => maskSecrets(s, secrets);

  async function send() {
    if (!resolved.ok) return;
    const controller = new AbortController();
    abort.current = controller;
    setRunning([]);
    setCancelled(false);
    try {
      const run = await runTest(resolved.request, data, controller.signal, setRunning);
      update(testRecord(run, resolved.request, data, new Date()));
    } catch {
      // Cancelled: the block keeps its last result, marked as not answering this send.
      setCancelled(true);
    } finally {
      abort.current = null;
      setRunning(null);
    }
  }

  return (
    <div>
      <Section title="Sample values" hint={names.length ? 'Values to build the request with. Variables in the JSON body keep the type you choose.' : undefined}>
        {!names.length && <p className="text-xs text-zinc-500">This request uses no variables.</p>}
        {rows.map(({ name, known, sample }) => {
          const set = (patch: Partial<typeof sample>) => setSamples((s) => ({ ...s, [name]: { ...sample, ...patch } }));
          return (
            <div key={name} className="flex flex-col gap-1">
              <div className="flex items-center gap-1.5">
                <span className="var-chip">{name}</span>
                {typed.has(name) && (
                  <select
                    aria-label={`Type of ${name}`}
                    className={`${inputClass} ml-auto w-24 py-0.5 text-xs`}
                    value={sample.type}
                    onChange={(e) => set({ type: e.target.value as VariableType })}
                  >
                    {TYPES.map((t) => (
                      <option key={t}>{t}</option>
                    ))}
                  </select>
                )}
              </div>
              {sample.type === 'boolean' ? (
                <select
                  aria-label={`Sample value of ${name}`}
                  className={inputClass}
                  value={sample.text || 'false'}
                  onChange={(e) => set({ text: e.target.value })}
                >
                  <option>true</option>
                  <option>false</option>
                </select>
              ) : (
                sample.type !== 'null' && (
                  <input
                    aria-label={`Sample value of ${name}`}
                    type={known?.secret ? 'password' : 'text'}
                    className={inputClass}
                    value={sample.text}
                    onChange={(e) => set({ text: e.target.value })}
                  />
                )
              )}
              {errors[name] && <p className="text-[11px] text-rose-600">{errors[name]}</p>}
            </div>
          );
        })}
      </Section>
      <Section title="Request">
        <div className="flex gap-2">
          <button type="button" className={secondaryButton} aria-expanded={show} onClick={() => setShow(!show)}>
            {show ? 'Hide request' : 'Show request'}
          </button>
          <button
            type="button"
            className={`${secondaryButton} flex items-center gap-1.5`}
            disabled={!resolved.ok}
            onClick={() => resolved.ok && copy(exportResolvedCurl(resolved.request))}
          >
            <ClipboardCopy size={13} aria-hidden /> {copied ? 'Copied' : 'Copy as cURL'}
          </button>
        </div>
        {!resolved.ok && (
          <ul role="alert" aria-label="Request problems" className="list-disc rounded-md bg-rose-50 py-2 pl-7 pr-3 text-xs text-rose-700">
            {resolved.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        )}
        {show && resolved.ok && (
          <pre
            aria-label="Resolved request"
            className="max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-900 p-3 font-mono text-[11.5px] leading-relaxed text-zinc-100"
          >
            {mask(
              [
                `${resolved.request.method} ${resolved.request.url}`,
                ...resolved.request.headers.map(([k, v]) => `${k}: ${v}`),
                ...(resolved.request.body !== undefined ? ['', resolved.request.body] : []),
              ].join('\n'),
            )}
          </pre>
        )}
      </Section>
      <Section title="Send">
        <p className="flex items-start gap-1.5 text-[11px] text-amber-800">
          <TriangleAlert size={13} className="mt-px shrink-0" aria-hidden /> This is a real request: it may create, change or delete real data in the API.
        </p>
        {running ? (
          <div className="flex items-center gap-2">
            <span role="status" className="text-xs text-zinc-600">
              Sending… {running.length ? `(attempt ${running.length + 1}; last: ${running.at(-1)!.outcome})` : ''}
            </span>
            <button type="button" className={`${secondaryButton} ml-auto`} onClick={() => abort.current?.abort()}>
              Cancel
            </button>
          </div>
        ) : (
          <button
            type="button"
            className={`${primaryButton} flex items-center justify-center gap-1.5 self-start`}
            disabled={!resolved.ok}
            onClick={() => void send()}
          >
            <Send size={13} aria-hidden /> Send test request
          </button>
        )}
        {!resolved.ok && <p className="text-[11px] text-zinc-500">Fill in every sample value and fix the problems above to send.</p>}
        {data.lastTest && !running && (
          <TestResult
            test={data.lastTest}
            staleReason={
              cancelled
                ? 'The last send was cancelled: this result is from the test before it.'
                : testIsStale(data, resolved.ok ? resolved.request : undefined)
                  ? 'Request changed since this test: send it again to see what the API answers now.'
                  : undefined
            }
          />
        )}
      </Section>
    </div>
  );
}
