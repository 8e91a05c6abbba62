import type { KeyValueRow } from '../domain/request/ApiRequestConfig';
import { ChipField } from './chip-field/ChipField';
import { AddRowButton } from './AddRowButton';
import { RemoveButton } from './RemoveButton';
import { shortId } from './shortId';

interface Props {
  /** Names the rows for screen readers: “Header”, “Query parameter”… */
  itemLabel: string;
  rows: KeyValueRow[];
  onChange(rows: KeyValueRow[]): void;
  keySuggestions?: readonly string[];
  keyPlaceholder?: string;
  valuePlaceholder?: string;
}

/** Key–value rows that can be switched off without being deleted; values take variables. */
export function KeyValueTable({ itemLabel, rows, onChange, keySuggestions, keyPlaceholder = 'Key', valuePlaceholder = 'Value' }: Props) {
  const listId = keySuggestions ? `kv-${itemLabel.replace(/\W/g, '')}` : undefined;
  const patch = (id: string, change: Partial<KeyValueRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <div className="flex flex-col gap-1.5">
      {rows.map((row, i) => (
        <div key={row.id} className={`flex items-center gap-1.5 ${row.enabled ? '' : 'opacity-60'}`}>
          <input
            type="checkbox"
            aria-label={`Send ${itemLabel.toLowerCase()} ${i + 1}`}
            className="h-3.5 w-3.5 shrink-0 accent-accent"
            checked={row.enabled}
            onChange={(e) => patch(row.id, { enabled: e.target.checked })}
          />
          <input
            aria-label={`${itemLabel} ${i + 1} name`}
            list={listId}
            className="w-[38%] min-w-0 shrink-0 rounded-md border border-zinc-300 px-2 py-[5px] text-[13px] outline-none focus:border-accent focus:ring-2 focus:ring-accent/15"
            placeholder={keyPlaceholder}
            value={row.key}
            onChange={(e) => patch(row.id, { key: e.target.value })}
          />
          <div className="min-w-0 flex-1">
            <ChipField label={`${itemLabel} ${i + 1} value`} placeholder={valuePlaceholder} value={row.value} onChange={(value) => patch(row.id, { value })} />
          </div>
          <RemoveButton label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`} onClick={() => onChange(rows.filter((r) => r.id !== row.id))} />
        </div>
      ))}
      {listId && (
        <datalist id={listId}>
          {keySuggestions!.map((k) => (
            <option key={k} value={k} />
          ))}
        </datalist>
      )}
      <AddRowButton onClick={() => onChange([...rows, { id: shortId(), key: '', value: '', enabled: true }])}>{`Add ${itemLabel.toLowerCase()}`}</AddRowButton>
    </div>
  );
}
