import { CheckCircle2, ClipboardList, LocateFixed } from 'lucide-react';
import { useState } from 'react';
import { Popup } from '../components/Popup';
import { selectChecklist } from '../store/selectChecklist';
import { useFlowStore } from '../store/useFlowStore';

/** The clipboard icon with a problem count; its panel lists each block's problems with Go to. */
export function FlowChecklist() {
  const problems = useFlowStore(selectChecklist);
  const goToBlock = useFlowStore((s) => s.goToBlock);
  const [anchor, setAnchor] = useState<HTMLButtonElement | null>(null);
  const setOpen = (open: boolean, el: HTMLButtonElement | null = null) => setAnchor(open ? el : null);
  const count = problems.reduce((n, p) => n + p.messages.length, 0);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(e) => setOpen(anchor === null, e.currentTarget)}
        aria-label={count ? `Flow Checklist: ${count} problem${count === 1 ? '' : 's'}` : 'Flow Checklist: all issues resolved'}
        className="relative flex h-8 items-center gap-1.5 rounded-lg border border-zinc-200 px-2.5 text-[13px] text-zinc-700 hover:bg-zinc-50"
      >
        <ClipboardList size={16} aria-hidden />
        Checklist
        <span
          aria-hidden
          className={`min-w-5 rounded-full px-1.5 text-center text-[11px] font-semibold ${count ? 'bg-rose-500 text-white' : 'bg-emerald-100 text-emerald-700'}`}
        >
          {count || '✓'}
        </span>
      </button>
      <Popup open={anchor !== null} anchor={anchor} label="Flow Checklist" align="end" className="w-[380px]" onClose={() => setOpen(false)}>
          <div className="border-b border-zinc-100 px-4 py-3">
            <h2 className="text-[13px] font-semibold">Flow Checklist</h2>
            <p className="text-xs text-zinc-500">Checks the blocks a call can reach from Start.</p>
          </div>
          {problems.length === 0 ? (
            <p className="flex items-center gap-2 px-4 py-5 text-[13px] text-emerald-700">
              <CheckCircle2 size={16} aria-hidden /> All issues are resolved
            </p>
          ) : (
            <div className="max-h-[420px] overflow-y-auto px-2 py-2">
              <p className="px-2 pb-1 text-xs font-medium text-rose-600">
                {problems.length} block{problems.length === 1 ? '' : 's'} with errors
              </p>
              <ul>
                {problems.map((p) => (
                  <li key={p.nodeId} className="group rounded-lg px-2 py-1.5 hover:bg-zinc-50">
                    <div className="flex items-center justify-between gap-2">
                      <span className="truncate text-[13px] font-medium text-zinc-900">{p.blockName}</span>
                      <button
                        type="button"
                        aria-label={`Go to ${p.blockName}`}
                        className="flex shrink-0 items-center gap-1 rounded px-1.5 py-0.5 text-xs text-accent opacity-60 hover:bg-accent-soft group-hover:opacity-100 focus-visible:opacity-100"
                        onClick={() => {
                          setOpen(false);
                          goToBlock(p.nodeId);
                        }}
                      >
                        <LocateFixed size={12} aria-hidden /> Go to
                      </button>
                    </div>
                    <ul className="mt-0.5 list-disc pl-4 text-xs text-zinc-600">
                      {p.messages.map((m) => <li key={m}>{m}</li>)}
                    </ul>
                  </li>
                ))}
              </ul>
            </div>
          )}
      </Popup>
    </>
  );
}
