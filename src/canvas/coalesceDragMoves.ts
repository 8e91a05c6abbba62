/** The part of a React Flow node change this needs: a drag's move is a position change while the pointer is down. */
interface Change {
  type: string;
  id?: string;
  dragging?: boolean;
}

const isDragMove = (c: Change) => c.type === 'position' && c.dragging === true;

/**
 * Applies a drag's moves at most once per animation frame, each block's latest position winning;
 * any other change (the drag's last position among them) is applied at once, after the moves
 * still held, so the order of changes is kept.
 *
 * Why: a mouse sends moves at its own rate (125 Hz and up), not the page's. Each move applied to
 * the store re-renders synchronously (zustand's subscription), so a slow laptop spent its frames
 * on moves nobody saw: at 4× CPU throttle a steady 125 Hz mouse got 6 drawn moves/s at 100
 * blocks against a bare React Flow page's 12.5, and 16 with this (README, issue 15).
 */
export function coalesceDragMoves<C extends Change>(apply: (changes: C[]) => void, nextFrame: (run: () => void) => unknown = requestAnimationFrame) {
  let held: Map<string, C> | null = null;
  const flush = () => {
    if (!held) return;
    const changes = [...held.values()];
    held = null;
    apply(changes);
  };
  return (changes: C[]) => {
    if (changes.length > 0 && changes.every(isDragMove)) {
      if (!held) {
        held = new Map();
        nextFrame(flush);
      }
      for (const c of changes) held.set(c.id ?? '', c);
      return;
    }
    flush();
    apply(changes);
  };
}
