import { NodeResizer, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { STICKY_COLORS, type StickyNoteData } from '../domain/blocks/sticky-note/stickyNoteBlock';
import type { CanvasNode } from '../store/canvasModel';
import { useFlowStore } from '../store/useFlowStore';
import { download } from '../storage/download';
import '../components/panels.css';
import { cardRenders } from './cardRenders';

const paper: Record<StickyNoteData['color'], string> = {
  yellow: 'bg-yellow-100 border-yellow-200',
  pink: 'bg-pink-100 border-pink-200',
  blue: 'bg-sky-100 border-sky-200',
  green: 'bg-emerald-100 border-emerald-200',
  purple: 'bg-purple-100 border-purple-200',
};

/**
 * Past this, the browser spends seconds laying out a text box (a 19 MB note froze the tab for
 * 16 s on import): the note is shown, not edited, with ways out that lose nothing unasked.
 */
const EDITABLE_NOTE_CHARS = 100_000;

function TooLongNote({ id, text }: { id: string; text: string }) {
  const update = useFlowStore.getState().updateBlockData;
  const size = text.length > 1e6 ? `${(text.length / 1e6).toFixed(1)} million` : `${Math.round(text.length / 1000)} thousand`;
  return (
    <div className="nodrag nowheel flex min-h-0 flex-1 flex-col gap-1.5 overflow-hidden text-[12px] text-zinc-700">
      <p className="font-medium">This note is {size} characters long: too long to edit on the canvas.</p>
      <p className="line-clamp-3 break-all text-zinc-600">{text.slice(0, 400)}</p>
      <div className="mt-auto flex flex-wrap gap-1.5">
        <button
          type="button"
          className="rounded border border-zinc-400/60 bg-white/70 px-1.5 py-0.5 text-[11px] hover:bg-white"
          onClick={() => download('note.txt', text)}
        >
          Download the text
        </button>
        <button
          type="button"
          className="rounded border border-zinc-400/60 bg-white/70 px-1.5 py-0.5 text-[11px] hover:bg-white"
          onClick={() => update(id, { text: text.slice(0, EDITABLE_NOTE_CHARS) })}
        >
          Keep the first 100,000 characters
        </button>
      </div>
    </div>
  );
}

/** A resizable, coloured note. It has no handles: notes are never connected or run. */
const StickyNoteNode = memo(function StickyNoteNode({ id, selected }: NodeProps<CanvasNode>) {
  cardRenders(id);
  const note = useFlowStore((s) => s.blocks[id]) as unknown as StickyNoteData | undefined;
  const update = useFlowStore.getState().updateBlockData;
  if (!note) return null;
  return (
    <div className={`block-card flex h-full w-full flex-col rounded-lg border p-2 shadow-sm ${paper[note.color]}`}>
      <NodeResizer isVisible={selected} minWidth={160} minHeight={100} color="var(--color-accent)" />
      {selected && (
        <div className="mb-1 flex gap-1" role="radiogroup" aria-label="Note colour">
          {STICKY_COLORS.map((c) => (
            <button
              key={c}
              type="button"
              role="radio"
              aria-checked={note.color === c}
              aria-label={c}
              className={`nodrag h-4 w-4 rounded-full border ${paper[c]} ${note.color === c ? 'ring-2 ring-accent ring-offset-1' : ''}`}
              onClick={() => update(id, { color: c })}
            />
          ))}
        </div>
      )}
      {note.text.length > EDITABLE_NOTE_CHARS ? (
        <TooLongNote id={id} text={note.text} />
      ) : (
        <textarea
          aria-label="Sticky note text"
          className="nodrag nowheel min-h-0 flex-1 resize-none bg-transparent text-[13px] leading-snug text-zinc-800 outline-none placeholder:text-zinc-500"
          placeholder="Write a note…"
          value={note.text}
          onChange={(e) => update(id, { text: e.target.value }, 'text')}
        />
      )}
    </div>
  );
});

export default StickyNoteNode;
