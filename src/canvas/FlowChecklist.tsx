import { ClipboardList } from 'lucide-react';
import { useState } from 'react';
import { Popup } from '../components/Popup';
import { preloadable } from '../components/preloadable';

const { Component: ChecklistList, preload } = preloadable(() => import('./ChecklistList'));
export const preloadChecklist = () => void preload();
import { selectChecklist } from '../store/selectChecklist';
import { useFlowStore } from '../store/useFlowStore';
import { selectFirstRun } from '../store/selectFirstRun';

/** The clipboard icon with a problem count; its panel lists each block's problems with Go to. */
export function FlowChecklist() {
  const problems = useFlowStore(selectChecklist);
  const goToBlock = useFlowStore((s) => s.goToBlock);
  const [anchor, setAnchor] = useState<HTMLButtonElement | null>(null);
  const setOpen = (open: boolean, el: HTMLButtonElement | null = null) => setAnchor(open ? el : null);
  const count = problems.reduce((n, p) => n + p.messages.length, 0);
  const warnings = problems.reduce((n, p) => n + p.warnings.length, 0);
  const warned = warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : '';
  // A new flow (Start alone) is not an error to greet people with: a neutral badge and a hint.
  const firstRun = useFlowStore(selectFirstRun);
  // Just opened and not checked yet: a "✓" here would be a claim nobody has made.
  const pending = useFlowStore((s) => s.checklistPending) && !firstRun;
  const unavailable = useFlowStore((s) => s.checklistUnavailable) && pending;
  const neutral = firstRun || pending;

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-expanded={anchor !== null}
        onClick={(e) => setOpen(anchor === null, e.currentTarget)}
        aria-label={
          firstRun
            ? 'Flow Checklist: add the first block'
            : unavailable
              ? 'Flow Checklist: could not check the flow, reload the page'
              : pending
                ? 'Flow Checklist: checking the flow'
                : count
                  ? `Flow Checklist: ${count} problem${count === 1 ? '' : 's'}${warned}`
                  : `Flow Checklist: all issues resolved${warned}`
        }
        className="relative flex h-8 items-center gap-1.5 rounded-lg border border-zinc-200 px-2.5 text-[13px] text-zinc-700 hover:bg-zinc-50"
      >
        <ClipboardList size={16} aria-hidden />
        Checklist
        <span
          aria-hidden
          className={`min-w-5 rounded-full px-1.5 text-center text-[11px] font-semibold ${neutral ? 'bg-zinc-100 text-zinc-500' : count ? 'bg-rose-500 text-white' : 'bg-emerald-100 text-emerald-700'}`}
        >
          {neutral ? '–' : count || '✓'}
        </span>
        {/* Warnings never block: a separate, amber count. */}
        {!neutral && warnings > 0 && (
          <span aria-hidden className="min-w-5 rounded-full bg-amber-100 px-1.5 text-center text-[11px] font-semibold text-amber-800">
            {warnings}
          </span>
        )}
      </button>
      <Popup open={anchor !== null} anchor={anchor} label="Flow Checklist" align="end" className="w-[380px]" onClose={() => setOpen(false)}>
        <ChecklistList
          problems={problems}
          firstRun={firstRun}
          pending={pending}
          unavailable={unavailable}
          goTo={(nodeId) => {
            setOpen(false);
            goToBlock(nodeId);
          }}
        />
      </Popup>
    </>
  );
}
