import { Plus } from 'lucide-react';
import type { Stage } from '../domain/flow/FlowDocument';
import { useFlowStore } from '../store/useFlowStore';

interface Props {
  nodeId: string;
  handleId: string;
  stage: Stage;
  label: string;
  open: boolean;
  /** The axis on which the button is centred on the point its className places it at. */
  centerOn: 'x' | 'y';
  className?: string;
}

// Centred by a negative margin of half its size (h-5 w-5), not a translate: a transform per button
// is one more paint property Chromium processes on every frame of a pan (see the handles in index.css).
const CENTER = { x: '-ml-2.5', y: '-mt-2.5' };

/** The "+" beside a free output: opens the add-block picker for that output. */
export function AddBlockButton({ nodeId, handleId, stage, label, open, centerOn, className = '' }: Props) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-haspopup="dialog"
      aria-expanded={open}
      className={`nodrag nopan absolute z-10 flex h-5 w-5 items-center justify-center rounded-full border bg-white shadow-sm transition hover:border-accent hover:text-accent ${open ? 'border-accent text-accent' : 'border-zinc-300 text-zinc-500'} ${CENTER[centerOn]} ${className}`}
      onClick={(e) => {
        e.stopPropagation();
        useFlowStore.getState().openPicker({ target: { from: 'handle', nodeId, handleId, stage }, anchor: e.currentTarget });
      }}
    >
      <Plus size={12} strokeWidth={2.5} aria-hidden />
    </button>
  );
}
