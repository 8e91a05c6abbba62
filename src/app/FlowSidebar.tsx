import { FileUp, Plus } from 'lucide-react';
import { useRef } from 'react';
import { IconButton } from '../components/IconButton';
import { runFlowAction } from '../storage/runFlowAction';
import { useFlowStore } from '../store/useFlowStore';
import { preloadable } from '../components/preloadable';
import { CHROME } from '../components/canvasSize';

const { Component: FlowList } = preloadable(() => import('./FlowList'), { idleMs: 1000 });

/** The flows saved in this browser: open, create, rename, duplicate, delete (with Undo), import. */
export function FlowSidebar() {
  const flows = useFlowStore((s) => s.flows);
  const openId = useFlowStore((s) => s.flowId);
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <nav aria-label="Flows" style={{ width: CHROME.flowsSidebar }} className="flex shrink-0 flex-col border-r border-zinc-200 bg-zinc-50/60">
      <div className="flex items-center justify-between px-3 pb-1 pt-3">
        <h2 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">Flows</h2>
        <div className="flex">
          <IconButton label="Import flow" side="bottom" className="h-7 w-7" onClick={() => fileInput.current?.click()}>
            <FileUp size={14} aria-hidden />
          </IconButton>
          <IconButton label="New flow" side="bottom" className="h-7 w-7" onClick={() => runFlowAction('createFlow')}>
            <Plus size={15} aria-hidden />
          </IconButton>
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
        <FlowList flows={flows} openId={openId} />
      </ul>
    </nav>
  );
}
