import type { Stored } from '../domain/engine/traceItems';

function shown(v: Stored): string {
  if (v.secret) return '••••••';
  const text = v.value === null ? 'null' : typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** Variable names with their values (secrets masked), as a definition list. */
export function StoredList({ stored, label, limit = Infinity }: { stored: Stored[]; label: string; limit?: number }) {
  const list = stored.slice(0, limit);
  return (
    <dl aria-label={label} className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-2 gap-y-0.5 font-mono text-[10.5px]">
      {list.map((v) => (
        <div key={v.name} className="contents">
          <dt className="truncate text-accent">{v.name}</dt>
          <dd className="truncate text-zinc-700" title={shown(v)}>
            {shown(v)}
          </dd>
        </div>
      ))}
      {stored.length > list.length && <p className="col-span-2 text-zinc-500">…and {stored.length - list.length} more</p>}
    </dl>
  );
}
