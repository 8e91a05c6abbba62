import { useReactFlow } from '@xyflow/react';
import { Focus, Keyboard, LayoutGrid, Plus, Replace, StickyNote } from 'lucide-react';
import { useState } from 'react';
import { Popup } from '../components/Popup';
import { IconButton } from '../components/IconButton';
import { useFlowStore } from '../store/useFlowStore';
import { shortcuts } from '../components/shortcuts';
import { preloadable } from '../components/preloadable';
import { CHROME } from '../components/canvasSize';

// Outcome Focus is rarely opened: its code waits until it is.
const { Component: OutcomeFocusPanel } = preloadable(() => import('./OutcomeFocusPanel'));

/** The vertical toolbar on the canvas's left edge. */
export function CanvasToolbar() {
  const openPicker = useFlowStore((s) => s.openPicker);
  const toolbarPickerOpen = useFlowStore((s) => s.picker?.target.from === 'toolbar');
  const addBlock = useFlowStore((s) => s.addBlock);
  const organize = useFlowStore((s) => s.organize);
  const { screenToFlowPosition, fitView } = useReactFlow();
  const [helpAnchor, setHelpAnchor] = useState<HTMLButtonElement | null>(null);
  const [focusAnchor, setFocusAnchor] = useState<HTMLButtonElement | null>(null);
  const invalidCount = useFlowStore((s) => {
    let n = 0;
    for (const names of s.invalidRefs.values()) n += names.length;
    return n;
  });
  const focusOn = useFlowStore((s) => s.outcomeFocus.length > 0);

  const addSticky = () => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const centre = screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 });
    addBlock('sticky', { from: 'toolbar' }, 'live', { x: centre.x - 130, y: centre.y - 80 });
  };

  return (
    <nav
      aria-label="Canvas tools"
      style={{ width: CHROME.canvasToolbar }}
      className="z-10 flex shrink-0 flex-col items-center gap-1 border-r border-zinc-200 bg-white py-2"
    >
      <IconButton
        label="Add block"
        aria-haspopup="dialog"
        aria-expanded={toolbarPickerOpen}
        className={toolbarPickerOpen ? 'bg-accent-soft text-accent' : ''}
        onClick={(e) => openPicker({ target: { from: 'toolbar' }, anchor: e.currentTarget })}
      >
        <Plus size={18} aria-hidden />
      </IconButton>
      <IconButton label="Add Sticky Note" onClick={addSticky}>
        <StickyNote size={17} aria-hidden />
      </IconButton>
      <IconButton
        label="Organize blocks"
        onClick={async () => {
          await organize();
          // Let React Flow measure the new positions before framing them.
          requestAnimationFrame(() => fitView({ duration: 250, padding: 0.15 }));
        }}
      >
        <LayoutGrid size={17} aria-hidden />
      </IconButton>
      <IconButton label="Replace Invalid Variables" className="relative" onClick={() => useFlowStore.getState().openDialog({ kind: 'replace' })}>
        <Replace size={17} aria-hidden />
        {invalidCount > 0 && (
          <span
            className="absolute -right-0.5 -top-0.5 rounded-full bg-rose-600 px-1 text-[9px] font-semibold leading-[14px] text-white"
            aria-label={`${invalidCount} invalid`}
          >
            {invalidCount}
          </span>
        )}
      </IconButton>
      <IconButton
        label="Focus blocks by call outcome"
        aria-haspopup="dialog"
        aria-expanded={focusAnchor !== null}
        className={focusOn ? 'bg-accent-soft text-accent' : ''}
        onClick={(e) => setFocusAnchor(focusAnchor ? null : e.currentTarget)}
      >
        <Focus size={17} aria-hidden />
      </IconButton>
      <Popup open={focusAnchor !== null} anchor={focusAnchor} label="Outcome Focus" side="right" className="w-72 p-3" onClose={() => setFocusAnchor(null)}>
        <OutcomeFocusPanel />
      </Popup>
      <div className="my-1 h-px w-6 bg-zinc-200" aria-hidden />
      <IconButton
        label="Keyboard shortcuts"
        aria-haspopup="dialog"
        aria-expanded={helpAnchor !== null}
        onClick={(e) => setHelpAnchor(helpAnchor ? null : e.currentTarget)}
      >
        <Keyboard size={17} aria-hidden />
      </IconButton>
      <Popup open={helpAnchor !== null} anchor={helpAnchor} label="Keyboard shortcuts" side="right" className="w-80 p-3" onClose={() => setHelpAnchor(null)}>
        <h2 className="mb-2 text-[13px] font-semibold">Keyboard shortcuts</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-xs">
          {shortcuts.map((s) => (
            <div key={s.action} className="contents">
              <dt>
                <kbd className="rounded border border-zinc-200 bg-zinc-50 px-1.5 py-0.5 font-sans text-[11px] text-zinc-700">{s.keys}</kbd>
              </dt>
              <dd className="text-zinc-600">{s.action}</dd>
            </div>
          ))}
        </dl>
      </Popup>
    </nav>
  );
}
