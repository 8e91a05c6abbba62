import { ViewportPortal } from '@xyflow/react';
import { ArrowUp } from 'lucide-react';
import { blockCatalog } from '../domain/blocks/blockCatalog';
import { BLOCK_SIZE } from '../domain/blocks/BlockDefinition';
import { useFlowStore } from '../store/useFlowStore';
import { selectFirstRun } from '../store/selectFirstRun';
import '../components/panels.css';

/** On a flow that is only Start, a hint under its "+" says where to begin. */
export default function EmptyFlowHint() {
  const start = useFlowStore((s) => (selectFirstRun(s) ? s.nodes.find((n) => blockCatalog[n.type].kind === 'trigger') : undefined));
  if (!start) return null;
  const { x, y } = start.position;
  return (
    <ViewportPortal>
      <div
        role="note"
        aria-label="Getting started"
        className="pointer-events-none absolute flex w-[260px] flex-col items-center gap-1 text-center text-xs text-zinc-500"
        style={{ transform: `translate(${x}px, ${y + (start.measured?.height ?? BLOCK_SIZE.height) + 56}px)` }}
      >
        <ArrowUp size={14} className="text-accent" aria-hidden />
        <p className="rounded-lg border border-dashed border-zinc-300 bg-white/80 px-3 py-2">
          Click <strong className="font-semibold text-accent">+</strong> under Start to add the first block
        </p>
      </div>
    </ViewportPortal>
  );
}
