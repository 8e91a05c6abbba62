import { AlertTriangle, Braces, PhoneOff, Timer } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { traceItems, type TraceItem } from '../domain/engine/traceItems';
import { StoredList } from './StoredList';
import { TraceEntry } from './TraceEntry';
import { useTestSession } from './testSession';

const END: Record<Extract<TraceItem, { kind: 'end' }>['reason'], string> = {
  'end-block': 'The agent ended the call.',
  hangup: 'The caller hung up.',
  problem: 'The call stopped on a problem.',
  'no-route': 'The call stopped: a route leads nowhere.',
};

function AgentBubble({ item }: { item: Extract<TraceItem, { kind: 'agent' }> }) {
  return (
    <li className="flex max-w-[88%] flex-col items-start gap-0.5">
      <div
        className={`rounded-2xl rounded-tl-sm px-3 py-2 text-[13px] leading-snug ${item.speech === 'interim' ? 'bg-zinc-100 text-zinc-700' : 'bg-accent-soft text-zinc-900'}`}
      >
        {item.promptable && <span className="mb-0.5 block text-[10px] font-semibold uppercase tracking-wide text-accent">The agent is told</span>}
        {item.speech === 'interim' && <span className="mb-0.5 block text-[10px] font-semibold uppercase tracking-wide text-zinc-500">Interim message</span>}
        <span data-testid="agent-text" className={item.promptable ? 'italic' : ''}>
          {item.text || '…'}
        </span>
      </div>
      {item.stored.length > 0 && (
        <div className="group relative">
          <button
            type="button"
            className="flex items-center gap-1 rounded-full border border-zinc-200 bg-white px-1.5 py-px text-[10.5px] text-zinc-600 hover:border-accent hover:text-accent"
          >
            <Braces size={10} aria-hidden /> {item.stored.length} value{item.stored.length === 1 ? '' : 's'} stored
          </button>
          <div
            role="tooltip"
            className="invisible absolute left-0 top-full z-30 mt-1 w-72 rounded-lg border border-zinc-200 bg-white p-2 shadow-lg group-focus-within:visible group-hover:visible"
          >
            <StoredList label="Values stored in this turn" stored={item.stored} limit={20} />
          </div>
        </div>
      )}
    </li>
  );
}

/** The conversation with the action trace between its bubbles; follows the newest entry. */
export function ChatView() {
  const trace = useTestSession((s) => s.trace);
  const items = useMemo(() => traceItems(trace), [trace]);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [items.length, trace.length]);
  return (
    <ol aria-label="Conversation" className="flex flex-col gap-2 px-3 py-3">
      {items.map((item) => {
        switch (item.kind) {
          case 'agent':
            return <AgentBubble key={item.seq} item={item} />;
          case 'caller':
            return (
              <li
                key={item.seq}
                className="max-w-[85%] self-end rounded-2xl rounded-tr-sm bg-accent px-3 py-2 text-[13px] text-white"
                data-testid="caller-text"
              >
                {item.text}
              </li>
            );
          case 'block':
            return <TraceEntry key={item.seq} item={item} />;
          case 'silence':
            return (
              <li key={item.seq} role="note" className="flex items-center gap-1.5 text-[11px] text-amber-800">
                <Timer size={12} aria-hidden /> The caller heard {(item.ms / 1000).toFixed(1)} s of silence before this turn.
              </li>
            );
          case 'problem':
            return (
              <li
                key={item.seq}
                role="alert"
                className={`flex items-start gap-1.5 rounded-md px-2 py-1.5 text-[11.5px] ${item.fatal ? 'bg-rose-50 text-rose-800' : 'bg-amber-50 text-amber-900'}`}
              >
                <AlertTriangle size={12} className="mt-0.5 shrink-0" aria-hidden /> {item.message}
              </li>
            );
          case 'end':
            return (
              <li key={item.seq} className="flex items-center justify-center gap-1.5 py-1 text-[11px] text-zinc-500">
                <PhoneOff size={12} aria-hidden /> {END[item.reason]}
              </li>
            );
          case 'postcall':
            return (
              <li key={item.seq} className="text-center text-[11px] text-zinc-500">
                Post-call work: {item.blocks.length} block{item.blocks.length === 1 ? '' : 's'}
              </li>
            );
        }
      })}
      <li ref={end} aria-hidden className="h-px" />
    </ol>
  );
}
