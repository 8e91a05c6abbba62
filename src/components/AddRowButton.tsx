import { Plus } from 'lucide-react';

/** "+ Add …" under a list. */
export function AddRowButton({ children, onClick }: { children: string; onClick(): void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="flex items-center gap-1 self-start rounded-md px-1.5 py-1 text-xs font-medium text-accent hover:bg-accent-soft"
    >
      <Plus size={13} aria-hidden /> {children}
    </button>
  );
}
