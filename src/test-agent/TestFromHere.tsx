import { Play } from 'lucide-react';
import { useMemo, useState } from 'react';
import { inputClass } from '../components/Field';
import { primaryButton } from '../components/Modal';
import { useFlowStore } from '../store/useFlowStore';
import { neededValues, readValue } from './neededValues';
import { startTest } from './testSession';

/** Test from here: the values blocks before this one would have set, prefilled from their last tests. */
export function TestFromHere({ startAt }: { startAt: string }) {
  const needed = useMemo(() => neededValues(useFlowStore.getState().toDocument(), startAt), [startAt]);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(needed.map((n) => [n.name, n.prefill])));
  const name = useFlowStore((s) => String(s.blocks[startAt]?.name ?? 'this block'));
  return (
    <form
      aria-label="Test from here"
      className="flex flex-col gap-3 px-4 py-4"
      onSubmit={(e) => {
        e.preventDefault();
        startTest(startAt, Object.fromEntries(needed.map((n) => [n.name, readValue(values[n.name] ?? '', n.type)])));
      }}
    >
      <p className="text-[13px] text-zinc-700">
        The test starts at <strong>{name}</strong>.
      </p>
      {needed.length ? (
        <>
          <p className="text-xs text-zinc-500">Values that blocks before it would have set:</p>
          {needed.map((n) => (
            <label key={n.name} className="flex flex-col gap-1 text-xs">
              <span className="flex items-center gap-1.5">
                <span className="var-chip">{n.name}</span>
                {n.type && n.type !== 'string' && <span className="text-zinc-500">{n.type}</span>}
              </span>
              <input
                aria-label={`Value of ${n.name}`}
                className={inputClass}
                value={values[n.name] ?? ''}
                onChange={(e) => setValues({ ...values, [n.name]: e.target.value })}
              />
            </label>
          ))}
        </>
      ) : (
        <p className="text-xs text-zinc-500">No variables needed for this block.</p>
      )}
      <button type="submit" className={`${primaryButton} flex items-center justify-center gap-1.5 self-start`}>
        <Play size={13} aria-hidden /> Start test
      </button>
    </form>
  );
}
