import { AlertTriangle, Check, Loader2 } from 'lucide-react';
import { useFlowStore } from '../store/useFlowStore';

/** Saved / Saving… / Not saved (with the reason), beside the flow's title. */
export function SaveIndicator() {
  const save = useFlowStore((s) => s.save);
  if (save.status === 'loading') return null;
  const [icon, text, tone] =
    save.status === 'saved'
      ? [<Check key="i" size={13} aria-hidden />, 'Saved', 'text-zinc-500']
      : save.status === 'saving'
        ? [<Loader2 key="i" size={13} className="animate-spin" aria-hidden />, 'Saving…', 'text-zinc-500']
        : save.status === 'conflict'
          ? [<AlertTriangle key="i" size={13} aria-hidden />, 'Not saved: changed in another tab', 'text-amber-700']
          : [<AlertTriangle key="i" size={13} aria-hidden />, 'Not saved', 'text-rose-600'];
  return (
    <span role="status" className={`flex items-center gap-1 text-xs ${tone}`} title={save.status === 'unsaved' ? save.reason : undefined}>
      {icon}
      {text}
      {save.status === 'unsaved' && <span className="sr-only">: {save.reason}</span>}
    </span>
  );
}
