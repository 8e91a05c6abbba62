import { AlertTriangle } from 'lucide-react';
import { runFlowAction } from '../storage/runFlowAction';
import { useFlowStore } from '../store/useFlowStore';
import '../components/panels.css';

const button = 'rounded-md border px-2.5 py-1 text-xs font-medium';

/** A storage problem the user must know about now: a conflict with another tab, or saving failing. */
export default function StatusBanner() {
  const save = useFlowStore((s) => s.save);
  if (save.status === 'conflict') {
    return (
      <div role="alert" className="flex flex-wrap items-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-2 text-[13px] text-amber-900">
        <AlertTriangle size={15} aria-hidden />
        <span className="mr-auto">This flow was also changed in another tab. Your changes here are kept but not saved. Choose which version to keep.</span>
        <button type="button" className={`${button} border-amber-300 bg-white hover:bg-amber-100`} onClick={() => runFlowAction('saveMineAsCopy')}>
          Save mine as a copy
        </button>
        <button type="button" className={`${button} border-amber-300 bg-white hover:bg-amber-100`} onClick={() => runFlowAction('loadTheirs')}>
          Use the other version
        </button>
        <button type="button" className={`${button} border-amber-600 bg-amber-600 text-white hover:bg-amber-700`} onClick={() => runFlowAction('keepMine')}>
          Keep mine
        </button>
      </div>
    );
  }
  if (save.status === 'unsaved') {
    return (
      <div role="alert" className="flex items-center gap-2 border-b border-rose-200 bg-rose-50 px-4 py-2 text-[13px] text-rose-900">
        <AlertTriangle size={15} aria-hidden />
        <span className="mr-auto">{save.reason}</span>
        <button type="button" className={`${button} border-rose-300 bg-white hover:bg-rose-100`} onClick={() => runFlowAction('exportOpenFlow')}>
          Export flow
        </button>
      </div>
    );
  }
  return null;
}
