import type { ReactNode } from 'react';

/** A titled group of settings in the block panel. */
export function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="flex flex-col gap-2.5 border-t border-zinc-100 px-4 py-4 first:border-t-0" aria-label={title}>
      <div>
        <h3 className="text-[11px] font-semibold uppercase tracking-wide text-zinc-500">{title}</h3>
        {hint && <p className="mt-0.5 text-[11px] text-zinc-500">{hint}</p>}
      </div>
      {children}
    </section>
  );
}
