import { Plus } from 'lucide-react';
import type { Stage } from '../domain/flow/FlowDocument';
import { useFlowStore } from '../store/useFlowStore';

interface Props {
  nodeId: string;
  handleId: string;
  stage: Stage;
  label: string;
  open: boolean;
  className?: string;
}

/** The "+" beside a free output: opens the add-block picker for that output. */
export function AddBlockButton({ nodeId, handleId, stage, label, open, className = '' }: Props) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-haspopup="dialog"
      aria-expanded={open}
      className={`nodrag nopan absolute z-10 flex h-5 w-5 items-center justify-center rounded-full border bg-white shadow-sm transition hover:border-accent hover:text-accent ${open ? 'border-accent text-accent' : 'border-zinc-300 text-zinc-500'} ${className}`}
      onClick={(e) => {
        e.stopPropagation();
        useFlowStore.getState().openPicker({ target: { from: 'handle', nodeId, handleId, stage }, anchor: e.currentTarget });
      }}
    >
      <Plus size={12} strokeWidth={2.5} aria-hidden />
    </button>
  );
}
