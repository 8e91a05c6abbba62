import { Braces, Search } from 'lucide-react';
import { useState } from 'react';
import type { VariableGroup, VariableInfo } from '../../domain/variables/availableVariables';
import { previewText } from './previewText';

interface Props {
  groups: VariableGroup[];
  onPick(variable: VariableInfo): void;
  /** The search box takes focus (a picker opened by a click), or not (a panel beside a field). */
  autoFocus?: boolean;
  /** The name currently chosen, marked in the list. */
  selected?: string;
}

/**
 * Variables grouped as PRODUCT.md §3 lists them (nearest blocks first, then Call, Custom and Collect),
 * searchable, each with its type and test value. The Available Variables panel and the Filter's
 * variable picker both use it, so choosing a variable looks the same everywhere.
 */
export function VariableList({ groups, onPick, autoFocus, selected }: Props) {
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const shown = groups
    .map((g) => ({ ...g, variables: g.variables.filter((v) => !q || v.name.toLowerCase().includes(q) || g.title.toLowerCase().includes(q)) }))
    .filter((g) => g.variables.length);
  return (
    <>
      <label className="mx-3 my-1.5 flex items-center gap-1.5 rounded-md border border-zinc-200 px-2 py-1">
        <Search size={12} className="text-zinc-400" aria-hidden />
        <input
          aria-label="Search variables"
          autoFocus={autoFocus}
          className="w-full text-xs outline-none"
          placeholder="Search…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <div className="min-h-0 flex-1 overflow-y-auto py-1">
        {shown.map((g) => (
          <section key={g.title} aria-label={g.title} className="py-1">
            <h4 className="px-3 pb-0.5 text-[10px] font-semibold uppercase tracking-wide text-zinc-500">{g.title}</h4>
            {g.note && <p className="mx-3 mb-1 rounded bg-amber-50 px-1.5 py-0.5 text-[10.5px] text-amber-800">{g.note}</p>}
            {g.variables.map((v) => (
              <button
                key={v.name}
                type="button"
                aria-pressed={selected === undefined ? undefined : selected === v.name}
                className={`flex w-full items-center gap-2 px-3 py-1 text-left text-xs hover:bg-accent-soft focus-visible:bg-accent-soft ${selected === v.name ? 'bg-accent-soft' : ''}`}
                title={[v.description, previewText(v, 500)].filter(Boolean).join('\n') || v.name}
                onClick={() => onPick(v)}
              >
                <Braces size={11} className="shrink-0 text-accent" aria-hidden />
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-mono text-[11.5px] text-zinc-800">{v.label}</span>
                  {v.value !== undefined && !v.secret && <span className="block truncate font-mono text-[10.5px] text-zinc-500">{previewText(v, 80)}</span>}
                </span>
                {v.secret && <span className="text-[10px] text-amber-700">secret</span>}
                {v.type && v.type !== 'string' && <span className="text-[10px] text-zinc-500">{v.type}</span>}
              </button>
            ))}
          </section>
        ))}
        {!shown.length && <p className="px-3 py-2 text-xs text-zinc-500">{q ? `No variables match “${query}”.` : 'No variables are available here yet.'}</p>}
      </div>
    </>
  );
}
