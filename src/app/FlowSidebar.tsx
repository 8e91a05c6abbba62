import { FileUp, Plus } from 'lucide-react';
import { useRef, useState } from 'react';
import { IconButton } from '../components/IconButton';
import { runFlowAction } from '../storage/runFlowAction';
import { openFlow } from '../storage/flowLibrary';
import type { FlowSummary } from '../store/librarySlice';
import { useFlowStore } from '../store/useFlowStore';
import { preloadable } from '../components/preloadable';

const { Component: FlowRowMenu } = preloadable(() => import('./FlowRowMenu'));

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function FlowRow({ flow, active }: { flow: FlowSummary; active: boolean }) {
  const [editing, setEditing] = useState(false);
  const openName = useFlowStore((s) => s.flowName);
  const name = active ? openName : flow.name;
  return (
    <li className={`group relative rounded-lg ${active ? 'bg-accent-soft' : 'hover:bg-zinc-100'}`}>
      {editing ? (
        <input
          aria-label={`Rename ${name}`}
          defaultValue={name}
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          className="w-full rounded-lg border border-accent bg-white px-2 py-1.5 text-[13px] outline-none"
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setEditing(false);
          }}
          onBlur={(e) => {
            setEditing(false);
            if (e.currentTarget.value.trim() && e.currentTarget.value !== name) runFlowAction('renameFlow', flow.id, e.currentTarget.value);
          }}
        />
      ) : (
        <button
          type="button"
          aria-current={active ? 'page' : undefined}
          className="block w-full truncate rounded-lg py-1.5 pl-2 pr-8 text-left"
          onClick={() => void openFlow(flow.id)}
          onDoubleClick={() => setEditing(true)}
        >
          <span className={`block truncate text-[13px] ${active ? 'font-semibold text-accent' : 'text-zinc-800'}`}>{name}</span>
          <span className="block text-[11px] text-zinc-500">{timeFormat.format(flow.updatedAt)}</span>
        </button>
      )}
      {!editing && (
        <div className="absolute right-1 top-1/2 -translate-y-1/2">
          <FlowRowMenu flowId={flow.id} name={name} onRename={() => setEditing(true)} />
        </div>
      )}
    </li>
  );
}

/** The flows saved in this browser: open, create, rename, duplicate, delete (with Undo), import. */
export function FlowSidebar() {
  const flows = useFlowStore((s) => s.flows);
  const openId = useFlowStore((s) => s.flowId);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <nav aria-label="Flows" className="flex w-52 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50/60">
      <div className="flex items-center justify-between px-3 pb-1 pt-3">
        <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Flows</h2>
        <div className="flex">
          <IconButton label="Import flow" side="bottom" className="h-7 w-7" onClick={() => fileInput.current?.click()}><FileUp size={14} aria-hidden /></IconButton>
          <IconButton label="New flow" side="bottom" className="h-7 w-7" onClick={() => runFlowAction('createFlow')}><Plus size={15} aria-hidden /></IconButton>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="Flow file to import"
          className="hidden"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) runFlowAction('importFlowFile', file);
          }}
        />
      </div>
      <ul className="flex min-h-0 flex-1 flex-col gap-0.5 overflow-y-auto px-2 pb-2">
        {flows.map((f) => <FlowRow key={f.id} flow={f} active={f.id === openId} />)}
      </ul>
    </nav>
  );
}
