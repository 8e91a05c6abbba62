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
export const BlockNode = memo(function BlockNode({ id, type, data }: NodeProps<CanvasNode>) {
  const stage = useNodeStage(id);
  const definition = blockCatalog[type];
  const name = String(data.name ?? definition.label);
  const outputs = useMemo(() => outputsOf({ type, stage, data }), [type, stage, data]);
  const bottom = outputs.filter((h) => h.id !== 'post');
  const post = outputs.find((h) => h.id === 'post');
  // One character per output: cheap to compare, so only this node re-renders when its edges change.
  const connectedKey = useFlowStore((s) => {
    const set = connectedHandles(s.edges);
    return outputs.map((h) => (set.has(`${id} ${h.id}`) ? '1' : '0')).join('');
  });
  const dimmed = useFlowStore((s) => {
    const c = s.connecting;
    return c !== null && c.nodeId !== id && (!definition.hasInput || c.stage !== stage);
  });
  const problems = useFlowStore((s) => selectProblemCounts(s).get(id) ?? 0);
  const Icon = blockIcons[type];
  const summary = definition.summary(data);
  const isFree = (h: OutputHandle, i: number) => h.kind === 'post' || connectedKey[i] !== '1';

  return (
    <div
      className={`block-card relative w-[260px] rounded-xl border bg-white shadow-sm ${dimmed ? 'opacity-40' : ''} ${problems ? 'border-rose-300' : 'border-zinc-200'}`}
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
          <AddBlockButton nodeId={id} handleId="post" stage="post" label={addLabel(name, post)} className="-right-9 top-1/2 -translate-y-1/2" />
        </>
      )}
    </div>
  );
});
