import { ClipboardCopy } from 'lucide-react';
import { useMemo, useState } from 'react';
import { requestOf, type ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import { resolveRequest } from '../../domain/request/resolveRequest';
import { jsonTemplateTokens } from '../../domain/request/jsonTemplate';
import { findVariable, type VariableGroup, type VariableType } from '../../domain/variables/availableVariables';
import { variablesIn } from '../../domain/variables/variableTokens';
import { exportResolvedCurl } from '../../domain/curl/exportCurl';
import { inputClass } from '../../components/Field';
import { Section } from '../../components/Section';
import { secondaryButton } from '../../components/Modal';
import { useCopied } from './useCopied';

const TYPES: VariableType[] = ['string', 'number', 'boolean', 'null', 'object', 'array'];

function parseSample(text: string, type: VariableType): { value?: unknown; error?: string } {
  switch (type) {
    case 'string': return { value: text };
    case 'number': return text.trim() && Number.isFinite(Number(text)) ? { value: Number(text) } : { error: 'Enter a number' };
    case 'boolean': return { value: text === 'true' };
    case 'null': return { value: null };
    default:
      try {
        const v: unknown = JSON.parse(text);
        return (type === 'array') === Array.isArray(v) && v !== null && typeof v === 'object' ? { value: v } : { error: `Enter a JSON ${type}` };
      } catch { return { error: `Enter a JSON ${type}` }; }
  }
}

/** Sample values for the variables the request uses, the resolved request and its cURL. */
export function TestStep({ data, groups }: { data: ApiRequestData; groups: VariableGroup[] }) {
  const request = requestOf(data);
  const names = useMemo(() => [...variablesIn(request)], [request]);
  const typed = useMemo(() => new Set(data.body.type === 'json' ? jsonTemplateTokens(data.body.json).filter((t) => !t.inString).map((t) => t.name) : []), [data.body]);
  const [samples, setSamples] = useState<Record<string, { text: string; type: VariableType }>>({});
  const [show, setShow] = useState(false);
  const [copied, copy] = useCopied();

  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const name of names) {
    const known = findVariable(name, groups);
    const sample = samples[name] ?? { text: known?.value !== undefined ? String(known.value) : '', type: typed.has(name) && known?.type ? known.type : 'string' };
    if (!samples[name] && known?.value === undefined) continue;
    const parsed = parseSample(sample.text, sample.type);
    if (parsed.error) errors[name] = parsed.error;
    else values[name] = parsed.value;
  }
  const resolved = resolveRequest(request, values);
  const secrets = groups.flatMap((g) => g.variables.filter((v) => v.secret && typeof v.value === 'string' && v.value).map((v) => String(v.value)));
  const mask = (s: string) => secrets.reduce((out, secret) => out.split(secret).join('••••••'), s);

  return (
    <div>
      <Section title="Sample values" hint={names.length ? 'Values to build the request with. Variables in the JSON body keep the type you choose.' : undefined}>
        {!names.length && <p className="text-xs text-zinc-500">This request uses no variables.</p>}
        {names.map((name) => {
          const known = findVariable(name, groups);
          const sample = samples[name] ?? { text: known?.value !== undefined ? String(known.value) : '', type: 'string' as VariableType };
          const set = (patch: Partial<typeof sample>) => setSamples((s) => ({ ...s, [name]: { ...sample, ...patch } }));
          return (
            <div key={name} className="flex flex-col gap-1">
              <div className="flex items-center gap-1.5">
                <span className="var-chip">{name}</span>
                {typed.has(name) && (
                  <select aria-label={`Type of ${name}`} className={`${inputClass} ml-auto w-24 py-0.5 text-xs`} value={sample.type} onChange={(e) => set({ type: e.target.value as VariableType })}>
                    {TYPES.map((t) => <option key={t}>{t}</option>)}
                  </select>
                )}
              </div>
              {sample.type === 'boolean'
                ? <select aria-label={`Sample value of ${name}`} className={inputClass} value={sample.text || 'false'} onChange={(e) => set({ text: e.target.value })}><option>true</option><option>false</option></select>
                : sample.type !== 'null' && <input aria-label={`Sample value of ${name}`} type={known?.secret ? 'password' : 'text'} className={inputClass} value={sample.text} onChange={(e) => set({ text: e.target.value })} />}
              {errors[name] && <p className="text-[11px] text-rose-600">{errors[name]}</p>}
            </div>
          );
        })}
      </Section>
      <Section title="Request">
        <div className="flex gap-2">
          <button type="button" className={secondaryButton} aria-expanded={show} onClick={() => setShow(!show)}>{show ? 'Hide request' : 'Show request'}</button>
          <button type="button" className={`${secondaryButton} flex items-center gap-1.5`} disabled={!resolved.ok} onClick={() => resolved.ok && copy(exportResolvedCurl(resolved.request))}>
            <ClipboardCopy size={13} aria-hidden /> {copied ? 'Copied' : 'Copy as cURL'}
          </button>
        </div>
        {!resolved.ok && (
          <ul role="alert" aria-label="Request problems" className="list-disc rounded-md bg-rose-50 py-2 pl-7 pr-3 text-xs text-rose-700">
            {resolved.problems.map((p, i) => <li key={i}>{p.message}</li>)}
          </ul>
        )}
        {show && resolved.ok && (
          <pre aria-label="Resolved request" className="max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-md bg-zinc-900 p-3 font-mono text-[11.5px] leading-relaxed text-zinc-100">
            {mask([`${resolved.request.method} ${resolved.request.url}`, ...resolved.request.headers.map(([k, v]) => `${k}: ${v}`), ...(resolved.request.body !== undefined ? ['', resolved.request.body] : [])].join('\n'))}
          </pre>
        )}
        <p className="text-[11px] text-zinc-500">Sending a test request from here arrives with the Switchboard proxy (the next step of this block); until then, Copy as cURL runs the same request in a terminal.</p>
      </Section>
    </div>
  );
}
