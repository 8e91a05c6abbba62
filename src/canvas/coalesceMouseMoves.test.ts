import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coalesceMouseMoves } from './coalesceMouseMoves';

// Node has EventTarget and Event but no MouseEvent: enough of one for the fields the replay copies.
beforeAll(() => {
  class TestMouseEvent extends Event {
    constructor(type: string, init: MouseEventInit & Record<string, unknown> = {}) {
      const { bubbles, cancelable, composed, ...fields } = init;
      super(type, { bubbles, cancelable, composed });
      Object.assign(this, fields);
    }
  }
  globalThis.MouseEvent ??= TestMouseEvent as unknown as typeof MouseEvent;
});

function setup() {
  const win = new EventTarget();
  const frames: (() => void)[] = [];
  const coalescer = coalesceMouseMoves(win as unknown as Window, (run) => frames.push(run));
  // What d3-zoom sees: it listens on the window too, from the start of a gesture (after ours).
  const seen: string[] = [];
  win.addEventListener('mousemove', (e) => seen.push(`move ${(e as MouseEvent).clientX}`), true);
  win.addEventListener('mouseup', () => seen.push('up'), true);
  const move = (x: number, buttons = 1) => win.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: 0, buttons }));
  const up = () => win.dispatchEvent(new MouseEvent('mouseup', { clientX: 0, clientY: 0 }));
  const frame = () => frames.splice(0).forEach((run) => run());
  return { coalescer, seen, move, up, frame, frames };
}

let dispose: (() => void) | null = null;
afterEach(() => dispose?.());

describe('coalesceMouseMoves', () => {
  it('lets moves through untouched when no pan holds them', () => {
    const { coalescer, seen, move, frames } = setup();
    dispose = coalescer.dispose;
    move(1);
    move(2);
    expect(seen).toEqual(['move 1', 'move 2']);
    expect(frames).toHaveLength(0);
  });

  it('during a pan, passes on one move per frame: the latest', () => {
    const { coalescer, seen, move, frame, frames } = setup();
    dispose = coalescer.dispose;
    coalescer.hold();
    move(1);
    move(2);
    move(3);
    expect(seen).toEqual([]);
    expect(frames).toHaveLength(1);
    frame();
    expect(seen).toEqual(['move 3']);
    move(4);
    frame();
    expect(seen).toEqual(['move 3', 'move 4']);
  });

  it('on release, passes on the move still held before the release itself, and stops holding', () => {
    const { coalescer, seen, move, up, frame } = setup();
    dispose = coalescer.dispose;
    coalescer.hold();
    move(1);
    move(2);
    up();
    expect(seen).toEqual(['move 2', 'up']);
    frame();
    expect(seen).toEqual(['move 2', 'up']);
    move(3);
    expect(seen).toEqual(['move 2', 'up', 'move 3']);
  });

  it('stops holding at a move with no button pressed (the release was missed, outside the window)', () => {
    const { coalescer, seen, move } = setup();
    dispose = coalescer.dispose;
    coalescer.hold();
    move(1);
    move(2, 0);
    expect(seen).toEqual(['move 1', 'move 2']);
    move(3, 0);
    expect(seen).toEqual(['move 1', 'move 2', 'move 3']);
  });

  it('once disposed, holds nothing', () => {
    const { coalescer, seen, move } = setup();
    coalescer.hold();
    coalescer.dispose();
    move(1);
    expect(seen).toEqual(['move 1']);
  });
});
