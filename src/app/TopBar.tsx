import { Braces, Download, MessageSquareText, PanelLeft, Workflow } from 'lucide-react';
import { useState } from 'react';
import { IconButton } from '../components/IconButton';
import { Popup } from '../components/Popup';
import { useFlowStore } from '../store/useFlowStore';
import { FlowChecklist } from '../canvas/FlowChecklist';
import { runFlowAction } from '../storage/runFlowAction';
import { SaveIndicator } from './SaveIndicator';
import { CHROME } from '../components/canvasSize';

export function TopBar() {
  const flowName = useFlowStore((s) => s.flowName);
  const flowsOpen = useFlowStore((s) => s.flowsOpen);
  const toggleFlows = useFlowStore((s) => s.toggleFlows);
  const testing = useFlowStore((s) => s.testAgent !== null);
  const hasSecrets = useFlowStore((s) => s.variables.some((v) => v.secret && v.value));
  const [exportAnchor, setExportAnchor] = useState<HTMLButtonElement | null>(null);
  return (
    <header style={{ height: CHROME.topBar }} className="flex shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4">
      <IconButton label={flowsOpen ? 'Hide flows' : 'Show flows'} side="bottom-start" aria-pressed={flowsOpen} className="-ml-2" onClick={toggleFlows}>
        <PanelLeft size={16} aria-hidden />
      </IconButton>
      <div className="flex items-center gap-2 font-semibold text-accent">
        <Workflow size={18} aria-hidden />
        <span>Switchboard</span>
      </div>
      <span className="text-zinc-300" aria-hidden>
        /
      </span>
      <h1 className="truncate text-sm font-medium text-zinc-800">{flowName}</h1>
      <SaveIndicator />
      <div className="ml-auto flex items-center gap-2">
        <button
          type="button"
          aria-pressed={testing}
          onClick={() => (testing ? useFlowStore.getState().closeTestAgent() : useFlowStore.getState().openTestAgent())}
          className={`flex h-8 items-center gap-1.5 rounded-lg border px-2.5 text-[13px] ${testing ? 'border-accent bg-accent-soft text-accent' : 'border-zinc-200 text-zinc-700 hover:bg-zinc-50'}`}
        >
          <MessageSquareText size={15} aria-hidden /> Test agent
        </button>
        <button
          type="button"
          onClick={() => useFlowStore.getState().openDialog({ kind: 'variables' })}
          className="flex h-8 items-center gap-1.5 rounded-lg border border-zinc-200 px-2.5 text-[13px] text-zinc-700 hover:bg-zinc-50"
        >
          <Braces size={15} aria-hidden /> Variables
        </button>
        <button
          type="button"
          aria-haspopup={hasSecrets ? 'dialog' : undefined}
          onClick={(e) => (hasSecrets ? setExportAnchor(exportAnchor ? null : e.currentTarget) : runFlowAction('exportOpenFlow'))}
          className="flex h-8 items-center gap-1.5 rounded-lg border border-zinc-200 px-2.5 text-[13px] text-zinc-700 hover:bg-zinc-50"
        >
          <Download size={15} aria-hidden /> Export
        </button>
        <Popup open={exportAnchor !== null} anchor={exportAnchor} label="Export" side="bottom" className="w-72 p-3" onClose={() => setExportAnchor(null)}>
          <p className="mb-2 text-xs text-zinc-600">This flow has secret Custom Variables. They are left out of the file unless you include them.</p>
          <div className="flex flex-col gap-1.5">
            <button
              type="button"
              className="rounded-md bg-accent px-3 py-1.5 text-[13px] font-medium text-white"
              onClick={() => {
                setExportAnchor(null);
                runFlowAction('exportOpenFlow', false);
              }}
            >
              Export without secrets
            </button>
            <button
              type="button"
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-[13px] text-zinc-700 hover:bg-zinc-50"
              onClick={() => {
                setExportAnchor(null);
                runFlowAction('exportOpenFlow', true);
              }}
            >
              Include secret values
            </button>
          </div>
        </Popup>
        <FlowChecklist />
      </div>
    </header>
  );
}
