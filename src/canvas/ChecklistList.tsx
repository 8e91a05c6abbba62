import { CheckCircle2, LocateFixed, Plus } from 'lucide-react';
import type { BlockProblems } from '../domain/flow/flowChecklist';
import '../components/panels.css';

/** The Flow Checklist's contents (its own chunk: shown only when opened). */
export default function ChecklistList({
  problems,
  goTo,
  firstRun,
  pending,
  unavailable,
}: {
  problems: BlockProblems[];
  goTo(nodeId: string): void;
  firstRun?: boolean;
  pending?: boolean;
  unavailable?: boolean;
}) {
  return (
    <>
      <div className="border-b border-zinc-100 px-4 py-3">
        <h2 className="text-[13px] font-semibold">Flow Checklist</h2>
        <p className="text-xs text-zinc-500">Checks the blocks a call can reach from Start.</p>
      </div>
      {firstRun ? (
        <p className="flex items-start gap-2 px-4 py-5 text-[13px] text-zinc-600">
          <Plus size={16} className="mt-0.5 shrink-0 text-accent" aria-hidden />
          <span>
            Nothing to check yet. Click <strong className="font-semibold">+</strong> under Start to add the first block; anything that still needs attention
            will be listed here.
          </span>
        </p>
      ) : unavailable ? (
        <p role="alert" className="px-4 py-5 text-[13px] text-zinc-700">
          The checker could not load, so this flow has not been checked. Your work is not affected. Reload the page to check it.
        </p>
      ) : pending ? (
        <p role="status" className="px-4 py-5 text-[13px] text-zinc-600">
          Checking the flow…
        </p>
      ) : problems.every((p) => !p.messages.length && !p.warnings.length) ? (
        <p className="flex items-center gap-2 px-4 py-5 text-[13px] text-emerald-700">
          <CheckCircle2 size={16} aria-hidden /> All issues are resolved
        </p>
      ) : (
        <div className="max-h-[420px] overflow-y-auto px-2 py-2">
          <p className="px-2 pb-1 text-xs font-medium">
            {(() => {
              const blocks = problems.filter((p) => p.messages.length).length;
              const warnings = problems.reduce((n, p) => n + p.warnings.length, 0);
              const warned = (
                <span className={warnings ? 'text-amber-700' : 'text-zinc-500'}>
                  {warnings} warning{warnings === 1 ? '' : 's'}
                </span>
              );
              if (!blocks)
                return (
                  <>
                    <span className="text-emerald-700">No errors</span> · {warned}
                    <span className="text-zinc-500"> — warnings never block anything</span>
                  </>
                );
              const errors = problems.reduce((n, p) => n + p.messages.length, 0);
              return (
                <>
                  <span className="text-rose-600">
                    {blocks} block{blocks === 1 ? '' : 's'} with errors
                  </span>{' '}
                  · {errors} error{errors === 1 ? '' : 's'} · {warned}
                </>
              );
            })()}
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
                    onClick={() => goTo(p.nodeId)}
                  >
                    <LocateFixed size={12} aria-hidden /> Go to
                  </button>
                </div>
                <ul className="mt-0.5 list-disc pl-4 text-xs">
                  {p.messages.map((m) => (
                    <li key={m} className="text-rose-700 marker:text-rose-400">
                      {m}
                    </li>
                  ))}
                  {p.warnings.map((m) => (
                    <li key={m} className="text-amber-800 marker:text-amber-400">
                      <span className="sr-only">Warning: </span>
                      {m}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
