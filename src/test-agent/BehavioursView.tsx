import { useShallow } from 'zustand/react/shallow';
import { Toggle } from '../components/Toggle';
import type { ApiRequestData } from '../domain/blocks/api-request/apiRequestBlock';
import { testIsStale } from '../domain/blocks/api-request/testIsStale';
import { useFlowStore } from '../store/useFlowStore';
import { BehaviourEditor } from './BehaviourEditor';
import { useTestSession } from './testSession';

/**
 * API behaviour tab: per API Request block, what it does in test runs (never saved into the
 * block's settings), and Skip waits. The trace marks every answer that was not a real one.
 */
export function BehavioursView() {
  const blocks = useFlowStore(useShallow((s) => s.nodes.filter((n) => n.type === 'apiRequest').map((n) => n.id)));
  const data = useFlowStore((s) => s.blocks);
  const behaviours = useTestSession((s) => s.behaviours);
  const skipWaits = useTestSession((s) => s.skipWaits);
  return (
    <div className="flex flex-col gap-3 px-4 py-3">
      <Toggle
        label="Skip waits"
        checked={skipWaits}
        onChange={(on) => useTestSession.setState({ skipWaits: on })}
        hint="Backoffs, Retry-After, interim delays and mock latency pass at once (from the next Restart). Live requests still get their whole timeout."
      />
      {blocks.length === 0 && <p className="text-xs text-zinc-500">This flow has no API Request blocks.</p>}
      <ul aria-label="API Request blocks" className="flex flex-col gap-2">
        {blocks.map((id) => {
          const d = data[id] as ApiRequestData | undefined;
          if (!d) return null;
          const name = String(d.name ?? 'API Request');
          const behaviour = behaviours[id] ?? { mode: 'live' as const };
          return (
            <li
              key={id}
              aria-label={name}
              className={`rounded-lg border px-3 py-2.5 ${behaviour.mode === 'live' ? 'border-zinc-200' : 'border-amber-300 bg-amber-50/40'}`}
            >
              <div className="mb-1.5 flex items-baseline gap-2">
                <span className="flex-1 truncate text-[13px] font-medium text-zinc-800">{name}</span>
                <span className="truncate font-mono text-[10.5px] text-zinc-500">{d.method}</span>
              </div>
              <BehaviourEditor
                blockId={id}
                blockName={name}
                behaviour={behaviour}
                lastTest={!d.lastTest?.response ? 'none' : testIsStale(d) ? 'stale' : 'fresh'}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
