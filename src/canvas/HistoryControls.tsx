import { buttonShortcuts } from '../components/shortcuts';
import { Panel, useReactFlow } from '@xyflow/react';
import { Map as MapIcon, Maximize, Minus, Plus, Redo2, Undo2 } from 'lucide-react';
import { IconButton } from '../components/IconButton';
import { useFlowStore } from '../store/useFlowStore';

/** Bottom-left: Undo and Redo, then zoom and fit. */
export function HistoryControls() {
  const canUndo = useFlowStore((s) => s.past.length > 0);
  const canRedo = useFlowStore((s) => s.future.length > 0);
  const undo = useFlowStore((s) => s.undo);
  const redo = useFlowStore((s) => s.redo);
  const { zoomIn, zoomOut, fitView } = useReactFlow();
  const miniMap = useFlowStore((s) => s.miniMap);
  const toggleMiniMap = useFlowStore((s) => s.toggleMiniMap);
  return (
    <Panel position="bottom-left" className="flex items-center gap-0.5 rounded-lg border border-zinc-200 bg-white p-0.5 shadow-sm">
      <IconButton label="Undo" shortcut={buttonShortcuts.undo} side="top" disabled={!canUndo} onClick={undo}>
        <Undo2 size={15} aria-hidden />
      </IconButton>
      <IconButton label="Redo" shortcut={buttonShortcuts.redo} side="top" disabled={!canRedo} onClick={redo}>
        <Redo2 size={15} aria-hidden />
      </IconButton>
      <div className="mx-1 h-5 w-px bg-zinc-200" aria-hidden />
      <IconButton label="Zoom out" side="top" onClick={() => zoomOut({ duration: 150 })}>
        <Minus size={15} aria-hidden />
      </IconButton>
      <IconButton label="Zoom in" side="top" onClick={() => zoomIn({ duration: 150 })}>
        <Plus size={15} aria-hidden />
      </IconButton>
      <IconButton label="Fit view" shortcut={buttonShortcuts.fit} side="top" onClick={() => fitView({ duration: 200, padding: 0.15 })}>
        <Maximize size={14} aria-hidden />
      </IconButton>
      <IconButton
        label={miniMap ? 'Hide mini map' : 'Show mini map'}
        side="top"
        aria-pressed={miniMap}
        className={miniMap ? 'bg-accent-soft text-accent' : ''}
        onClick={toggleMiniMap}
      >
        <MapIcon size={14} aria-hidden />
      </IconButton>
    </Panel>
  );
}
