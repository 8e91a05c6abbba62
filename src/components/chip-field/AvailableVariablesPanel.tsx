import { Braces, Search } from 'lucide-react';
import { memo, useState } from 'react';
import type { VariableGroup } from '../../domain/variables/availableVariables';
import type { FocusedField } from './VariableFieldsContext';

/** A variable's test value as text for previews (secrets never shown). */
function valueText(v: { value?: unknown; secret?: boolean }): string {
  if (v.secret || v.value === undefined) return '';
  const text = typeof v.value === 'string' ? v.value : JSON.stringify(v.value);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

interface Props {
  groups: VariableGroup[];
  field: FocusedField;
}

/**
 * The variables a block may use, grouped, beside the panel while one of its fields has focus.
 * Entries keep the field focused (mousedown is cancelled) and insert a chip at its caret.
 */
export const AvailableVariablesPanel = memo(function AvailableVariablesPanel({ groups, field }: Props) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = groups
    .map((g) => ({ ...g, variables: g.variables.filter((v) => !q || v.name.toLowerCase().includes(q) || g.title.toLowerCase().includes(q)) }))
    .filter((g) => g.variables.length);
  return (
    <div
      role="region"
      aria-label="Available Variables"
      className="absolute right-full top-2 z-20 mr-2 flex max-h-[70vh] w-64 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-lg"
      onMouseDown={(e) => { if ((e.target as HTMLElement).tagName !== 'INPUT') e.preventDefault(); }}
    >
      <div className="border-b border-zinc-100 px-3 py-2">
        <p className="text-xs font-semibold text-zinc-800">Available Variables</p>
        <p className="text-[11px] text-zinc-500">Click to insert into {field.label}, or type @ in the field.</p>
        <label className="mt-1.5 flex items-center gap-1.5 rounded-md border border-zinc-200 px-2 py-1">
          <Search size={12} className="text-zinc-400" aria-hidden />
          <input aria-label="Search variables" className="w-full text-xs outline-none" placeholder="Search…" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto py-1">
        {shown.map((g) => (
          <section key={g.title} aria-label={g.title} className="py-1">
            <h4 className="px-3 pb-0.5 text-[10px] font-semibold uppercase tracking-wide text-zinc-500">{g.title}</h4>
            {g.variables.map((v) => (
              <button
                key={v.name}
                type="button"
                className="flex w-full items-center gap-2 px-3 py-1 text-left text-xs hover:bg-accent-soft focus-visible:bg-accent-soft"
                title={[v.description, valueText(v)].filter(Boolean).join('\n') || v.name}
                onClick={() => field.insert(v.name)}
              >
                <Braces size={11} className="shrink-0 text-accent" aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-mono text-[11.5px] text-zinc-800">{v.label}</span>
                  {v.value !== undefined && !v.secret && <span className="block truncate font-mono text-[10.5px] text-zinc-500">{valueText(v).slice(0, 80)}</span>}
                </span>
                {v.secret && <span className="text-[10px] text-amber-700">secret</span>}
                {v.type && v.type !== 'string' && <span className="text-[10px] text-zinc-500">{v.type}</span>}
              </button>
            ))}
          </section>
        ))}
        {!shown.length && <p className="px-3 py-2 text-xs text-zinc-500">No variables match “{query}”.</p>}
      </div>
    </div>
  );
});
