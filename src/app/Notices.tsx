import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useFlowStore, type FlowStore } from '../store/useFlowStore';
import '../components/panels.css';

const AUTO_DISMISS_MS = 10_000;

function Notice({ notice }: { notice: FlowStore['notices'][number] }) {
  const dismiss = useFlowStore((s) => s.dismissNotice);
  useEffect(() => {
    // Errors stay until dismissed: they carry something the user has to act on.
    if (notice.tone === 'error') return;
    const t = setTimeout(() => dismiss(notice.id), AUTO_DISMISS_MS);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    <li
      className={`pointer-events-auto flex max-w-md items-start gap-3 rounded-lg border px-3 py-2 text-[13px] shadow-lg ${notice.tone === 'error' ? 'border-rose-200 bg-rose-50 text-rose-900' : 'border-zinc-200 bg-white text-zinc-800'}`}
    >
      <span className="flex-1">{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          className="shrink-0 font-semibold text-accent hover:underline"
          onClick={() => {
            notice.action!.run();
            dismiss(notice.id);
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss" className="shrink-0 text-zinc-400 hover:text-zinc-700" onClick={() => dismiss(notice.id)}>
        <X size={14} aria-hidden />
      </button>
    </li>
  );
}

/** Messages about imports, deletions and storage, announced politely to screen readers. */
export function Notices() {
  const notices = useFlowStore((s) => s.notices);
  return (
    <ol
      aria-live="polite"
      aria-label="Notifications"
      className="pointer-events-none fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 flex-col items-center gap-2"
    >
      {notices.map((n) => (
        <Notice key={n.id} notice={n} />
      ))}
    </ol>
  );
}
