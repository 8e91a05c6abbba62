import { memo } from 'react';

function preview(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  if (value && typeof value === 'object') return `{${Object.keys(value).length} field${Object.keys(value).length === 1 ? '' : 's'}}`;
  return JSON.stringify(value);
}

const leafClass = (v: unknown) => (typeof v === 'string' ? 'text-emerald-700' : typeof v === 'number' ? 'text-sky-700' : 'text-violet-700');

/** A JSON value as a collapsible tree (text only: nothing from the response is ever rendered as HTML). */
export const JsonTree = memo(function JsonTree({ value, name, depth = 0 }: { value: unknown; name?: string; depth?: number }) {
  const label = name !== undefined && <span className="text-zinc-500">{name}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="whitespace-pre-wrap break-all pl-3">
        {label}
        <span className={leafClass(value)}>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return (
    <details open={depth < 2 && entries.length <= 50} className="pl-3">
      <summary className="cursor-pointer select-none text-zinc-700 marker:text-zinc-400">
        {label}
        <span className="text-zinc-500">{preview(value)}</span>
      </summary>
      {entries.slice(0, 500).map(([k, v]) => (
        <JsonTree key={k} name={k} value={v} depth={depth + 1} />
      ))}
      {entries.length > 500 && <div className="pl-3 text-zinc-500">… {entries.length - 500} more (see Raw)</div>}
    </details>
  );
});
