import { describe, expect, it } from 'vitest';
import { coalesceDragMoves } from './coalesceDragMoves';

type C = { type: string; id?: string; dragging?: boolean; position?: { x: number; y: number } };
const move = (id: string, x: number, dragging = true): C => ({ type: 'position', id, dragging, position: { x, y: 0 } });

function setup() {
  const applied: C[][] = [];
  const frames: (() => void)[] = [];
  const onChange = coalesceDragMoves<C>(
    (changes) => applied.push(changes),
    (run) => frames.push(run),
  );
  const frame = () => frames.splice(0).forEach((run) => run());
  return { applied, frames, onChange, frame };
}

describe('coalesceDragMoves', () => {
  it('applies the moves of one frame once, with each block at its latest position', () => {
    const { applied, frames, onChange, frame } = setup();
    onChange([move('a', 1)]);
    onChange([move('a', 2), move('b', 5)]);
    onChange([move('a', 3)]);
    expect(applied).toEqual([]);
    expect(frames).toHaveLength(1);
    frame();
    expect(applied).toEqual([[move('a', 3), move('b', 5)]]);
    onChange([move('a', 4)]);
    frame();
    expect(applied[1]).toEqual([move('a', 4)]);
  });

  it('applies the moves held before the drag ends, then the end, at once', () => {
    const { applied, onChange, frame } = setup();
    onChange([move('a', 1)]);
    onChange([move('a', 2, false)]);
    expect(applied).toEqual([[move('a', 1)], [move('a', 2, false)]]);
    // The frame that was asked for finds nothing left to apply.
    frame();
    expect(applied).toHaveLength(2);
  });

  it('keeps the order of other changes: held moves first', () => {
    const { applied, onChange } = setup();
    onChange([move('a', 1)]);
    const select: C = { type: 'select', id: 'b' };
    onChange([select]);
    expect(applied).toEqual([[move('a', 1)], [select]]);
  });

  it('applies a position change outside a drag (keyboard, layout) at once', () => {
    const { applied, onChange } = setup();
    const nudge: C = { type: 'position', id: 'a', position: { x: 9, y: 0 } };
    onChange([nudge]);
    expect(applied).toEqual([[nudge]]);
  });
});
