import { headerValue } from '../../domain/request/headerValue';
import { AlertTriangle, CheckCircle2, XCircle } from 'lucide-react';
import { useState } from 'react';
import type { ApiRequestData } from '../../domain/blocks/api-request/apiRequestBlock';
import { explainError } from '../../domain/request/explainError';
import { explainStatus } from '../../domain/request/explainStatus';
import { JsonTree } from '../../components/JsonTree';
import { MAX_STORED_BODY } from '../../domain/blocks/api-request/storedBody';
import { SegmentedControl } from '../../components/SegmentedControl';

type LastTest = NonNullable<ApiRequestData['lastTest']>;

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Body({ response }: { response: NonNullable<LastTest['response']> }) {
  const [raw, setRaw] = useState(false);
  const contentType = headerValue(response.headers, 'content-type') ?? '';
  if (response.text === undefined) {
    return (
      <p className="rounded-md bg-zinc-50 px-3 py-2 text-xs text-zinc-600">
        A binary response ({contentType || 'no content type'}, {size(response.bytes)}) is not shown.
      </p>
    );
  }
  let parsed: unknown;
  let json = false;
  try {
    parsed = JSON.parse(response.text);
    json = true;
  } catch {
    json = false;
  }
  const html = /html/i.test(contentType);
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center gap-2">
        <h4 className="text-xs font-medium text-zinc-700">Body</h4>
        {json && (
          <SegmentedControl
            label="Body view"
            className="ml-auto"
            value={raw ? 'raw' : 'tree'}
            options={[
              { value: 'tree', label: 'Tree' },
              { value: 'raw', label: 'Raw' },
            ]}
            onChange={(v) => setRaw(v === 'raw')}
          />
        )}
      </div>
      {html && <p className="text-[11px] text-amber-700">An HTML page came back (shown as text, never rendered). APIs usually answer JSON: check the URL.</p>}
      <div
        aria-label="Response body"
        className="max-h-80 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-2 font-mono text-[11.5px] leading-relaxed"
      >
        {json && !raw ? (
          <JsonTree value={parsed} />
        ) : (
          <pre className="whitespace-pre-wrap break-all">{json ? JSON.stringify(parsed, null, 2) : response.text}</pre>
        )}
      </div>
      {response.truncated && (
        <p className="text-[11px] text-amber-700">The response was larger than the proxy’s limit (10 MB unless set otherwise) and was cut off there.</p>
      )}
      {response.kept === 'sample' && (
        <p className="text-[11px] text-zinc-600">
          The response is {size(response.bytes)}. A {size(MAX_STORED_BODY)} sample is saved with the flow, long lists shortened to their first items; the tree
          shows what is kept. Its fields were all read for the variables.
        </p>
      )}
      {response.kept === 'start' && (
        <p className="text-[11px] text-zinc-600">
          The response is {size(response.bytes)}. Its first {size(MAX_STORED_BODY)} are saved with the flow.
        </p>
      )}
    </div>
  );
}

/** The outcome of the last test: status, time, size, attempts, headers and body, or why it failed. */
export function TestResult({ test, staleReason }: { test: LastTest; staleReason?: string }) {
  const r = test.response;
  const success = !!r && r.status >= 200 && r.status < 300;
  const hint = r ? explainStatus(r.status) : test.error ? explainError(test.error.code) : null;
  return (
    <section aria-label="Test result" className={`flex flex-col gap-2.5 ${staleReason ? 'rounded-md border border-dashed border-amber-300 p-2' : ''}`}>
      {staleReason && (
        <p
          role="note"
          aria-label="Result is out of date"
          className="flex items-center gap-1.5 rounded-md bg-amber-50 px-2.5 py-1.5 text-xs font-medium text-amber-900"
        >
          <AlertTriangle size={13} aria-hidden /> {staleReason}
        </p>
      )}
      {r ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span role="status" className={`flex items-center gap-1.5 text-[15px] font-semibold ${success ? 'text-emerald-700' : 'text-rose-700'}`}>
            {success ? <CheckCircle2 size={16} aria-hidden /> : <XCircle size={16} aria-hidden />}
            {r.status} {r.statusText}
          </span>
          <span className="text-xs text-zinc-500">
            {r.totalMs} ms · {size(r.bytes)}
          </span>
        </div>
      ) : (
        test.error && (
          <div role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-xs text-rose-800">
            <p className="flex items-center gap-1.5 font-semibold">
              <AlertTriangle size={13} aria-hidden /> {test.error.message}
            </p>
          </div>
        )
      )}
      {hint && <p className="rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900">{hint}</p>}
      {test.attempts.length > 1 && (
        <ol aria-label="Attempts" className="flex flex-col gap-0.5 text-xs text-zinc-600">
          {test.attempts.map((a, i) => (
            <li key={i}>
              Attempt {i + 1}: {a.outcome}
              {a.waitMs ? `, then waited ${(a.waitMs / 1000).toFixed(1)} s` : ''}
            </li>
          ))}
        </ol>
      )}
      {r && success && (
        <p className="text-[11px] text-zinc-500">
          {staleReason
            ? 'Its fields are variables of this block, with values from this earlier test.'
            : 'Its fields are now variables of this block for the blocks after it.'}
        </p>
      )}
      {r && (
        <details className="text-xs">
          <summary className="cursor-pointer font-medium text-zinc-700">Headers ({r.headers.length})</summary>
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 font-mono text-[11px]">
            {r.headers.map(([k, v], i) => (
              <div key={i} className="contents">
                <dt className="text-zinc-500">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
      {r && <Body response={r} />}
      <p className="text-[11px] text-zinc-400">Tested {new Date(test.at).toLocaleString()}</p>
    </section>
  );
}
