import { useState } from 'react';
import { blockCatalog } from '../domain/blocks/blockCatalog';
import { useFlowStore } from '../store/useFlowStore';
import '../components/panels.css';

/** Outcome Focus: pick call outcomes; blocks tagged with them stay bright, the rest dim. The flow is unchanged. */
export default function OutcomeFocusPanel() {
  const nodes = useFlowStore((s) => s.nodes);
  const blocks = useFlowStore((s) => s.blocks);
  const focus = useFlowStore((s) => s.outcomeFocus);
  const setFocus = useFlowStore((s) => s.setOutcomeFocus);
  const [query, setQuery] = useState('');
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const outcome = blockCatalog[n.type].outcome?.(blocks[n.id] ?? {});
    if (outcome) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  const outcomes = [...counts].filter(([o]) => o.toLowerCase().includes(query.trim().toLowerCase())).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div className="flex flex-col gap-2">
      <h2 className="text-[13px] font-semibold">Focus blocks by call outcome</h2>
      <input
        aria-label="Search outcomes"
        className="rounded-md border border-zinc-300 px-2 py-1 text-xs outline-none focus:border-accent"
        placeholder="Search outcomes…"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="flex max-h-60 flex-col gap-1 overflow-y-auto">
        {outcomes.map(([outcome, count]) => (
          <label key={outcome} className="flex items-center gap-2 rounded px-1 py-0.5 text-xs hover:bg-zinc-50">
            <input
              type="checkbox"
              className="h-3.5 w-3.5 accent-accent"
              checked={focus.includes(outcome)}
              onChange={(e) => setFocus(e.target.checked ? [...focus, outcome] : focus.filter((o) => o !== outcome))}
            />
            <span className="flex-1 truncate">{outcome}</span>
            <span className="text-[10px] text-zinc-500">{count}</span>
          </label>
        ))}
        {!counts.size && <p className="text-xs text-zinc-500">No block is tagged with an outcome yet (Advanced Settings → Call Outcome Tagging).</p>}
      </div>
      <button
        type="button"
        disabled={!focus.length}
        className="self-end rounded-md px-2 py-1 text-xs font-medium text-accent hover:bg-accent-soft disabled:opacity-40"
        onClick={() => setFocus([])}
      >
        Clear
      </button>
    </div>
  );
}
