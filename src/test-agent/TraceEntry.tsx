import { ChevronRight, CornerDownRight, LocateFixed } from 'lucide-react';
import type { TraceItem } from '../domain/engine/traceItems';
import { JsonTree } from '../components/JsonTree';
import { useFlowStore } from '../store/useFlowStore';
import { StoredList } from './StoredList';

type BlockItem = Extract<TraceItem, { kind: 'block' }>;

function statusLine(api: NonNullable<BlockItem['api']>): { text: string; ok: boolean } | null {
  const r = api.result;
  if (!r) return api.attempts.length ? { text: `Attempt ${api.attempts.length}…`, ok: true } : null;
  const last = api.attempts.at(-1);
  const head = r.status !== undefined ? `${r.status} ${last?.statusText ?? ''}`.trim() : (r.error ?? 'Failed');
  return { text: `${head} · ${r.ms} ms`, ok: r.ok };
}

function parsed(body: string | undefined): { json: true; value: unknown } | { json: false } {
  if (body === undefined) return { json: false };
  try {
    return { json: true, value: JSON.parse(body) };
  } catch {
    return { json: false };
  }
}

/** One block of the action trace: entered, what happened in it, values stored, route taken. Click selects the block. */
export function TraceEntry({ item }: { item: BlockItem }) {
  const status = item.api ? statusLine(item.api) : null;
  const reveal = () => useFlowStore.getState().revealBlock(item.blockId);
  const hasDetails = !!(item.api || item.filter || item.stored.length);
  const summary = (
    <span className="flex min-w-0 flex-1 items-center gap-1.5">
      <span className="truncate font-medium text-zinc-800">{item.blockName}</span>
      {status && <span className={`shrink-0 font-medium ${status.ok ? 'text-emerald-700' : 'text-rose-700'}`}>{status.text}</span>}
      {item.api?.attempts.some((a) => a.injected) && (
        <span className="shrink-0 rounded bg-amber-100 px-1 text-[10px] font-medium text-amber-900">injected</span>
      )}
      {item.filter && <span className="shrink-0 text-zinc-600">{item.filter.matched}</span>}
      {item.route && (
        <span className="flex min-w-0 items-center gap-0.5 truncate text-zinc-500">
          <CornerDownRight size={11} aria-hidden />
          {item.route.label ?? 'next'}
        </span>
      )}
    </span>
  );
  return (
    <li className="text-[11.5px]" data-trace-block={item.blockId}>
      <div className="flex items-start gap-1">
        {hasDetails ? (
          <details className="group min-w-0 flex-1 rounded-md border border-zinc-200 bg-zinc-50/70">
            {/* Opening an entry also selects its block on the canvas. */}
            <summary className="flex cursor-pointer list-none items-center gap-1 px-2 py-1 marker:hidden" onClick={reveal}>
              <ChevronRight size={12} className="shrink-0 text-zinc-400 transition group-open:rotate-90" aria-hidden />
              {summary}
            </summary>
            <div className="flex flex-col gap-2 border-t border-zinc-200 px-2 py-2">
              {item.api && (
                <>
                  <ol aria-label="Attempts" className="flex flex-col gap-0.5">
                    {item.api.attempts.map((a, i) => (
                      <li key={a.seq}>
                        {a.injected && (
                          <span
                            className="mr-1 rounded bg-amber-100 px-1 py-px text-[10px] font-medium text-amber-900"
                            title="Injected by the test: nothing was sent"
                          >
                            {a.injected}
                          </span>
                        )}
                        Attempt {a.attempt} of {a.of}:{' '}
                        <span className={a.status && a.status < 300 ? 'text-emerald-700' : 'text-rose-700'}>
                          {a.status !== undefined ? `${a.status} ${a.statusText ?? ''}` : a.error}
                        </span>{' '}
                        · {a.ms} ms
                        {item.api!.waits[i] && (
                          <span className="text-zinc-500">
                            {' '}
                            — waited {(item.api!.waits[i]!.ms / 1000).toFixed(1)} s ({item.api!.waits[i]!.reason === 'retry-after' ? 'Retry-After' : 'backoff'})
                          </span>
                        )}
                      </li>
                    ))}
                  </ol>
                  {item.api.attempts[0] && (
                    <details>
                      <summary className="cursor-pointer text-zinc-600">Request</summary>
                      <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded bg-zinc-900 p-2 font-mono text-[10.5px] text-zinc-100">
                        {[
                          `${item.api.attempts[0].request.method} ${item.api.attempts[0].request.url}`,
                          ...item.api.attempts[0].request.headers.map(([k, v]) => `${k}: ${v}`),
                          ...(item.api.attempts[0].request.body !== undefined ? ['', item.api.attempts[0].request.body] : []),
                        ].join('\n')}
                      </pre>
                    </details>
                  )}
                  {item.api.result?.body !== undefined && (
                    <details>
                      <summary className="cursor-pointer text-zinc-600">Response</summary>
                      <div className="mt-1 max-h-48 overflow-auto rounded border border-zinc-200 bg-white p-1.5 font-mono text-[10.5px]">
                        {(() => {
                          const p = parsed(item.api.result.body);
                          return p.json ? (
                            <JsonTree value={p.value} />
                          ) : (
                            <pre className="whitespace-pre-wrap break-all">{item.api.result.body.slice(0, 4000)}</pre>
                          );
                        })()}
                      </div>
                    </details>
                  )}
                </>
              )}
              {item.filter && item.filter.conditions.length > 0 && (
                <ul aria-label="Conditions" className="flex flex-col gap-0.5">
                  {item.filter.conditions.map((k, i) => (
                    <li key={i} className={k.ok ? 'text-emerald-800' : 'text-zinc-600'}>
                      {k.ok ? '✓' : '✗'} <span className="font-mono">{k.variable}</span> {k.operator}
                      {k.expected !== undefined ? ` “${k.expected}”` : ''} — saw <span className="font-mono">{JSON.stringify(k.seen)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {item.stored.length > 0 && <StoredList label="Values stored" stored={item.stored} limit={12} />}
              {item.outcome && (
                <p>
                  Outcome tag: <strong>{item.outcome}</strong>
                </p>
              )}
            </div>
          </details>
        ) : (
          <button
            type="button"
            className="flex min-w-0 flex-1 items-center gap-1 rounded-md border border-zinc-200 bg-zinc-50/70 px-2 py-1 pl-6 text-left hover:border-accent/40"
            onClick={reveal}
          >
            {summary}
          </button>
        )}
        <button
          type="button"
          aria-label={`Select ${item.blockName} on the canvas`}
          title="Show on the canvas"
          className="mt-1 rounded p-0.5 text-zinc-400 hover:bg-zinc-100 hover:text-accent"
          onClick={reveal}
        >
          <LocateFixed size={13} aria-hidden />
        </button>
      </div>
    </li>
  );
}
