import { useState } from 'react';
import { openFlow } from '../storage/flowLibrary';
import { runFlowAction } from '../storage/runFlowAction';
import type { FlowSummary } from '../store/workspaceSlice';
import { useFlowStore } from '../store/useFlowStore';
import { preloadable } from '../components/preloadable';
import '../components/panels.css';

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

/** The list of flows (its own chunk: it shows once the flows are read from storage, after first paint). */
export default function FlowList({ flows, openId }: { flows: FlowSummary[]; openId: string }) {
  return (
    <>
      {flows.map((f) => (
        <FlowRow key={f.id} flow={f} active={f.id === openId} />
      ))}
    </>
  );
}
