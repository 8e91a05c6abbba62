import { Braces, Download, PanelLeft, Workflow } from 'lucide-react';
import { IconButton } from '../components/IconButton';
import { useFlowStore } from '../store/useFlowStore';
import { FlowChecklist } from '../canvas/FlowChecklist';
import { runFlowAction } from '../storage/runFlowAction';
import { SaveIndicator } from './SaveIndicator';

export function TopBar() {
  const flowName = useFlowStore((s) => s.flowName);
  const flowsOpen = useFlowStore((s) => s.flowsOpen);
  const toggleFlows = useFlowStore((s) => s.toggleFlows);
  return (
    <header className="flex h-12 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-4">
      <IconButton label={flowsOpen ? 'Hide flows' : 'Show flows'} side="bottom-start" aria-pressed={flowsOpen} className="-ml-2" onClick={toggleFlows}>
        <PanelLeft size={16} aria-hidden />
      </IconButton>
      <div className="flex items-center gap-2 font-semibold text-accent">
        <Workflow size={18} aria-hidden />
        <span>Switchboard</span>
      </div>
      <span className="text-zinc-300" aria-hidden>/</span>
      <h1 className="truncate text-sm font-medium text-zinc-800">{flowName}</h1>
      <SaveIndicator />
      <div className="ml-auto flex items-center gap-2">
        <button type="button" onClick={() => useFlowStore.getState().openDialog({ kind: 'variables' })} className="flex h-8 items-center gap-1.5 rounded-lg border border-zinc-200 px-2.5 text-[13px] text-zinc-700 hover:bg-zinc-50">
          <Braces size={15} aria-hidden /> Variables
        </button>
        <button type="button" onClick={() => runFlowAction('exportOpenFlow')} className="flex h-8 items-center gap-1.5 rounded-lg border border-zinc-200 px-2.5 text-[13px] text-zinc-700 hover:bg-zinc-50">
          <Download size={15} aria-hidden /> Export
        </button>
        <FlowChecklist />
      </div>
    </header>
  );
}
