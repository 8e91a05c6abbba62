import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { blockCatalog, outputsOf } from '../domain/blocks/blockCatalog';
import type { OutputHandle } from '../domain/blocks/BlockDefinition';
import type { CanvasNode } from '../store/canvasTypes';
import { connectedHandles } from '../store/selectConnectedHandles';
import { selectProblemCounts } from '../store/selectChecklist';
import { useFlowStore } from '../store/useFlowStore';
import { AddBlockButton } from './AddBlockButton';
import { blockIcons, blockTints } from './blockIcons';
import { useNodeStage } from './useNodeStage';

const NO_DATA: Record<string, unknown> = {};

function handleTitle(blockName: string, h: OutputHandle): string {
  if (h.id === 'post') return `Post-call: runs after the call if it reached “${blockName}”`;
  if (h.label) return `${h.label}: the route taken when “${blockName}” ends this way`;
  return `Next: the step after “${blockName}”`;
}

function addLabel(blockName: string, h: OutputHandle): string {
  if (h.id === 'post') return `Add post-call block after ${blockName}`;
  if (h.label) return `Add block to “${h.label}” of ${blockName}`;
  return `Add block after ${blockName}`;
}

/** The card of every block type except Sticky Note: icon, name, summary, input and outputs. */
export const BlockNode = memo(function BlockNode({ id, type }: NodeProps<CanvasNode>) {
  const stage = useNodeStage(id);
  // Undefined for one render while a deleted block unmounts.
  const stored = useFlowStore((s) => s.blocks[id]);
  const data = stored ?? NO_DATA;
  const definition = blockCatalog[type];
  const name = String(data.name ?? definition.label);
  const outputs = useMemo(() => (stored ? outputsOf({ type, stage, data: stored }) : []), [type, stage, stored]);
  const bottom = outputs.filter((h) => h.id !== 'post');
  const post = outputs.find((h) => h.id === 'post');
  // Everything else this card shows from the store, packed in one string: one cheap subscription
  // per node, and a re-render only when this node's own edges, dimming or problem count change.
  const status = useFlowStore((s) => {
    const set = connectedHandles(s.edges);
    const c = s.connecting;
    const dimmed = c !== null && c.nodeId !== id && (!definition.hasInput || c.stage !== stage);
    let key = dimmed ? 'd' : '-';
    for (const h of outputs) key += set.has(`${id} ${h.id}`) ? '1' : '0';
    return `${key}:${selectProblemCounts(s).get(id) ?? 0}`;
  });
  const dimmed = status[0] === 'd';
  const problems = Number(status.slice(status.indexOf(':') + 1));
  if (!stored) return null;
  const Icon = blockIcons[type];
  const summary = definition.summary(data);
  const isFree = (h: OutputHandle, i: number) => h.kind === 'post' || status[i + 1] !== '1';

  return (
    <div
      className={`block-card group/card relative w-[260px] rounded-xl border bg-white ${dimmed ? 'opacity-40' : ''} ${problems ? 'border-rose-300' : 'border-zinc-200'}`}
      data-testid={`block-${name}`}
    >
      {definition.hasInput && (
        <Handle
          type="target"
          id="in"
          position={Position.Top}
          isConnectable={!dimmed}
          className={stage === 'post' ? 'handle-post' : ''}
          title={`Input of “${name}”`}
        />
      )}
      <div className="flex items-center gap-2 px-3 pt-2.5">
        <span className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-md ${blockTints[type]}`}>
          <Icon size={14} aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-[13px] font-semibold leading-tight text-zinc-900">{name}</div>
          <div className="text-[11px] leading-tight text-zinc-500">
            {definition.label}
            {stage === 'post' && ' · Post-call'}
          </div>
        </div>
        {problems > 0 && (
          <span className="rounded-full bg-rose-50 px-1.5 text-[11px] font-medium text-rose-600" title={`${problems} problem(s) in the Flow Checklist`}>
            {problems}
          </span>
        )}
      </div>
      <p className={`line-clamp-2 px-3 pt-1 text-xs ${summary ? 'text-zinc-600' : 'italic text-zinc-400'}`}>{summary || 'Not set up yet'}</p>
      <div className="flex gap-1 px-2 pb-2 pt-2">
        {bottom.map((h, i) => (
          <div key={h.id} className="relative flex min-w-0 flex-1 justify-center">
            {h.label && (
              <span className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600" title={h.label}>
                {h.label}
              </span>
            )}
            <Handle
              type="source"
              id={h.id}
              position={Position.Bottom}
              className={h.kind === 'post' ? 'handle-post' : ''}
              style={{ bottom: -13 }}
              title={handleTitle(name, h)}
            />
            {isFree(h, i) && (
              <AddBlockButton nodeId={id} handleId={h.id} stage={h.kind} label={addLabel(name, h)} className="-bottom-10 left-1/2 -translate-x-1/2" />
            )}
          </div>
        ))}
      </div>
      {post && (
        <>
          <Handle type="source" id="post" position={Position.Right} className="handle-post" title={handleTitle(name, post)} />
          <AddBlockButton nodeId={id} handleId="post" stage="post" label={addLabel(name, post)} className="reveal-on-hover -right-9 top-1/2 -translate-y-1/2" />
        </>
      )}
    </div>
  );
});
