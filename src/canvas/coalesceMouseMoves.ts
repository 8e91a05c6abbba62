/** What a replayed move keeps of the mouse's last one (what d3's pan reads, and the rest of MouseEventInit). */
function copyOf(e: MouseEvent): MouseEvent {
  return new MouseEvent('mousemove', {
    bubbles: true,
    cancelable: true,
    composed: true,
    view: e.view,
    detail: e.detail,
    screenX: e.screenX,
    screenY: e.screenY,
    clientX: e.clientX,
    clientY: e.clientY,
    movementX: e.movementX,
    movementY: e.movementY,
    button: e.button,
    buttons: e.buttons,
    relatedTarget: e.relatedTarget,
    ctrlKey: e.ctrlKey,
    shiftKey: e.shiftKey,
    altKey: e.altKey,
    metaKey: e.metaKey,
  });
}

export interface MouseMoveCoalescer {
  /** From now until the mouse button is released, moves reach the page at most once per frame. */
  hold(): void;
  dispose(): void;
}

/**
 * Passes a pan's mouse moves on to the page at most once per animation frame: the latest one,
 * replayed on `target` (the window, where d3-zoom listens during a pan). A listener on the window
 * in the capture phase, added before any gesture's, sees each move first and stops it.
 *
 * Why: React Flow pans by d3-zoom, which updates its store on every mousemove, and every update
 * runs every node's, handle's and edge's selector. A mouse sends moves at its own rate, not the
 * page's: on a slow CPU the page spent its frames on moves nobody saw (README, issue 15).
 * The button's release first replays the move still held, so the pan ends where the mouse did.
 */
export function coalesceMouseMoves(target: Window = window, nextFrame: (run: () => void) => unknown = requestAnimationFrame): MouseMoveCoalescer {
  let holding = false;
  let held: MouseEvent | null = null;
  let asked = false;
  const replayed = new WeakSet<Event>();
  const replay = () => {
    asked = false;
    if (!held) return;
    const copy = copyOf(held);
    held = null;
    replayed.add(copy);
    target.dispatchEvent(copy);
  };
  const onMove = (e: MouseEvent) => {
    if (!holding || replayed.has(e)) return;
    // No button pressed: the release happened where this page did not see it (outside the
    // window). Stop holding; this move and the ones after go through as they come.
    if (e.buttons === 0) {
      onUp();
      return;
    }
    e.stopImmediatePropagation();
    held = e;
    if (!asked) {
      asked = true;
      nextFrame(replay);
    }
  };
  const onUp = () => {
    if (!holding) return;
    replay();
    holding = false;
  };
  // Capture as an object, not `true`: Node's EventTarget (the unit tests) removes only that form.
  const capture = { capture: true };
  target.addEventListener('mousemove', onMove, capture);
  target.addEventListener('mouseup', onUp, capture);
  return {
    hold: () => {
      holding = true;
    },
    dispose: () => {
      target.removeEventListener('mousemove', onMove, capture);
      target.removeEventListener('mouseup', onUp, capture);
    },
  };
}
