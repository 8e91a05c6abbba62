import { useId, type ReactNode } from 'react';

interface Props {
  label: string;
  hint?: string;
  error?: string;
  children: (id: string, describedBy: string | undefined) => ReactNode;
}

/** A label, a control and its hint or error, tied together for screen readers. */
export function Field({ label, hint, error, children }: Props) {
  const id = useId();
  const noteId = `${id}-note`;
  const note = error ?? hint;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-700">
        {label}
      </label>
      {children(id, note ? noteId : undefined)}
      {note && (
        <p id={noteId} className={`text-[11px] ${error ? 'text-rose-600' : 'text-zinc-500'}`}>
          {note}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  'w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-[13px] text-zinc-900 outline-none transition placeholder:text-zinc-400 focus:border-accent focus:ring-2 focus:ring-accent/15';
