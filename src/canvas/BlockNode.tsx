import { Play } from 'lucide-react';
import { Handle, Position, useStoreApi, useUpdateNodeInternals, type NodeProps } from '@xyflow/react';
import { memo, useContext, useEffect, useMemo, useRef } from 'react';
import { blockCatalog, outputsOf } from '../domain/blocks/blockCatalog';
import type { OutputHandle } from '../domain/blocks/BlockDefinition';
import { DEFAULT_BLOCK_SIZE, type CanvasNode } from '../store/canvasModel';
import { selectNodeViews } from '../store/selectNodeViews';
import { useFlowStore } from '../store/useFlowStore';
import { AddBlockButton } from './AddBlockButton';
import { blockIcons, blockTints } from '../blocks/blockIcons';
import { CompactContext } from './CompactContext';
import { VariableText } from '../components/VariableText';
import { cardRenders } from './cardRenders';
import { bottomHandleLeft } from './bottomHandleLeft';

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

/**
 * A card shows its block's id and type and reads the rest from the store (selectNodeViews); React
 * Flow's other props (position, dragging, selected) change on every frame of a drag and would
 * re-render the dragged card each time for nothing.
 */
const sameCard = (a: NodeProps<CanvasNode>, b: NodeProps<CanvasNode>) => a.id === b.id && a.type === b.type;

/** The card of every block type except Sticky Note: icon, name, summary, input and outputs. */
export const BlockNode = memo(function BlockNode({ id, type }: NodeProps<CanvasNode>) {
  cardRenders(id);
  // One subscription per card; undefined for one render while a deleted block unmounts.
  const view = useFlowStore((s) => selectNodeViews(s).get(id));
  const compact = useContext(CompactContext);
  const definition = blockCatalog[type];
  const outputs = useMemo(() => (view ? outputsOf({ type, stage: view.stage, data: view.data }) : []), [type, view]);
  const connected = useMemo(() => new Set(view?.connected.split('|')), [view?.connected]);
  const updateNodeInternals = useUpdateNodeInternals();
  const flow = useStoreApi<CanvasNode>();
  // Handles sit in the same places in both forms; still, let React Flow re-measure them when the
  // form changes (not on mount: that would hold up the first fit of a big flow).
  const shownCompact = useRef(compact);
  useEffect(() => {
    if (shownCompact.current === compact) return;
    shownCompact.current = compact;
    updateNodeInternals(id);
  }, [compact, id, updateNodeInternals]);
  if (!view) return null;

  const { data, stage, problems } = view;
  const dimmed = view.dimmed || view.unfocused;
  const name = String(data.name ?? definition.label);
  const bottom = outputs.filter((h) => h.id !== 'post');
  const post = outputs.find((h) => h.id === 'post');
  if (compact) {
    // As tall as the card was when React Flow last measured it (the full card, just before the
    // switch), so bottom handles and their edges stay put as the zoom crosses 0.5. Read, not
    // subscribed to: a card re-rendering on every measurement would cost frames while panning.
    const height = flow.getState().nodeLookup.get(id)?.measured.height ?? DEFAULT_BLOCK_SIZE.height;
    return <CompactBlock name={name} height={height} hasInput={definition.hasInput} bottom={bottom} hasPost={!!post} problems={problems} dimmed={dimmed} />;
  }

  const Icon = blockIcons[type];
  const summary = definition.summary(data);
  const badge = definition.badge?.(data);
  return (
    <div
      className={`block-card relative w-[260px] rounded-xl border ${stage === 'pre' ? 'stage-pre' : 'bg-white'} ${dimmed ? 'opacity-40' : ''} ${view.run === 'current' ? 'run-current' : view.run === 'visited' ? 'run-visited' : ''} ${problems ? 'border-rose-300' : 'border-zinc-200'}`}
      data-testid={`block-${name}`}
      data-run={view.run || undefined}
    >
      {definition.hasInput && (
        <Handle
          type="target"
          id="in"
          position={Position.Top}
          isConnectable={!view.dimmed}
          className={stage === 'post' ? 'handle-post' : stage === 'pre' || definition.kind === 'trigger' ? 'handle-pre' : ''}
          title={definition.kind === 'trigger' ? `Pre-call chain into “${name}”: runs before the greeting` : `Input of “${name}”`}
        />
      )}
      {definition.kind === 'trigger' && (
        <AddBlockButton
          nodeId={id}
          handleId="in"
          stage="pre"
          label={`Add pre-call block before ${name}`}
          open={view.pickerHandle === 'in'}
          centerOn="x"
          className="-top-9 left-1/2"
        />
      )}
      <div className="flex items-center gap-2 px-3 pt-2.5">
        <span className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-md ${blockTints[type]}`}>
          <Icon size={14} aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-[13px] font-semibold leading-tight text-zinc-900">{name}</div>
          <div className="text-[11px] leading-tight text-zinc-500">
            {definition.kind === 'trigger' ? 'Trigger' : definition.label}
            {stage === 'post' && ' · Post-call'}
            {stage === 'pre' && ' · Pre-call'}
          </div>
        </div>
        {stage === 'live' && (
          <button
            type="button"
            aria-label={`Test from ${name}`}
            title="Test from here"
            className="reveal-on-hover nodrag flex h-6 w-6 shrink-0 items-center justify-center rounded-md text-zinc-500 hover:bg-emerald-50 hover:text-emerald-700"
            onClick={(e) => {
              e.stopPropagation();
              useFlowStore.getState().openTestAgent(id);
            }}
          >
            <Play size={13} aria-hidden />
          </button>
        )}
        {problems > 0 && (
          <span className="rounded-full bg-rose-50 px-1.5 text-[11px] font-medium text-rose-600" title={`${problems} problem(s) in the Flow Checklist`}>
            {problems}
          </span>
        )}
      </div>
      <p className={`line-clamp-2 break-words px-3 pt-1 text-xs ${summary ? 'text-zinc-600' : 'italic text-zinc-400'}`}>
        {badge && <span className="mr-1.5 rounded bg-zinc-800 px-1 py-px font-mono text-[10px] font-semibold text-white">{badge}</span>}
        {summary ? <VariableText text={summary} invalid={view.invalid} /> : 'Not set up yet'}
      </p>
      <div className="flex gap-1 px-2 pb-2 pt-2">
        {bottom.map((h) => (
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
            {(h.kind === 'post' || !connected.has(h.id)) && (
              <AddBlockButton
                nodeId={id}
                handleId={h.id}
                stage={h.kind}
                label={addLabel(name, h)}
                open={view.pickerHandle === h.id}
                centerOn="x"
                className="-bottom-10 left-1/2"
              />
            )}
          </div>
        ))}
      </div>
      {post && (
        <>
          <Handle type="source" id="post" position={Position.Right} className="handle-post" title={handleTitle(name, post)} />
          <AddBlockButton
            nodeId={id}
            handleId="post"
            stage="post"
            label={addLabel(name, post)}
            open={view.pickerHandle === 'post'}
            centerOn="y"
            className="reveal-on-hover -right-9 top-1/2"
          />
        </>
      )}
    </div>
  );
}, sameCard);

interface CompactProps {
  name: string;
  height: number;
  hasInput: boolean;
  bottom: OutputHandle[];
  hasPost: boolean;
  problems: number;
  dimmed: boolean;
}

/**
 * The block zoomed far out: its name in large type and its handles (laid out as in the full card,
 * so edges stay put), nothing else. A big flow seen whole is a map, and every element not drawn
 * makes panning and dragging smoother.
 */
function CompactBlock({ name, height, hasInput, bottom, hasPost, problems, dimmed }: CompactProps) {
  return (
    <div
      style={{ height }}
      className={`block-card compact-block relative flex w-[260px] items-center rounded-lg border bg-white px-4 ${dimmed ? 'opacity-40' : ''} ${problems ? 'border-rose-400' : 'border-zinc-300'}`}
      data-testid={`block-${name}`}
    >
      {hasInput && <Handle type="target" id="in" position={Position.Top} />}
      {/* `overflow: clip`, not `truncate`'s `hidden`: the same ellipsis without a scroll container per card. */}
      <span className="min-w-0 overflow-clip text-ellipsis whitespace-nowrap text-[26px] font-semibold text-zinc-800">{name}</span>
      {bottom.map((h, i) => (
        <Handle
          key={h.id}
          type="source"
          id={h.id}
          position={Position.Bottom}
          // Where the full card's column puts it (its `bottom: -13px` from a row 8 px above the edge).
          style={{ left: bottomHandleLeft(i, bottom.length), bottom: -5 }}
          isConnectable={false}
          aria-hidden
        />
      ))}
      {hasPost && <Handle type="source" id="post" position={Position.Right} isConnectable={false} />}
    </div>
  );
}
