import { Trash2 } from 'lucide-react';

/** The small bin at the end of a list row. */
export function RemoveButton({ label, onClick, disabled }: { label: string; onClick(): void; disabled?: boolean }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className="flex h-7 w-7 shrink-0 items-center justify-center rounded-md text-zinc-400 hover:bg-rose-50 hover:text-rose-600 disabled:pointer-events-none disabled:opacity-30"
    >
      <Trash2 size={14} aria-hidden />
    </button>
  );
}
