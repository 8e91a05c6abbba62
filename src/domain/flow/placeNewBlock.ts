import { rectsOverlap, type Rect } from './Rect';
import type { XY } from './FlowDocument';

const GAP = 40;
/** Between a block and one added from its handle: room for the edge and its label. */
const HANDLE_GAP = 80;

/**
 * Where a block added from a handle of `source` would like to go: below it for an output, to its
 * right for the post-call handle, and above it for its input (the "+" above Start: a pre-call
 * block goes just before it). placeNewBlock then moves it off any block there.
 */
export function spotFromHandle(source: Rect, handleId: string, size: { width: number; height: number }): XY {
  if (handleId === 'in') return { x: source.x, y: source.y - size.height - HANDLE_GAP };
  if (handleId === 'post') return { x: source.x + source.width + HANDLE_GAP, y: source.y };
  return { x: source.x, y: source.y + source.height + HANDLE_GAP };
}

/**
 * Where a new block goes: at `preferred` if that is free, else the nearest free slot found by
 * stepping sideways (alternating right and left), then further down. Never on top of a block.
 */
export function placeNewBlock(preferred: XY, size: { width: number; height: number }, occupied: readonly Rect[]): XY {
  const stepX = size.width + GAP;
  const stepY = size.height + GAP;
  for (let row = 0; row < 50; row++) {
    for (let i = 0; i < 21; i++) {
      const offset = i === 0 ? 0 : (i % 2 === 1 ? 1 : -1) * Math.ceil(i / 2);
      const candidate = { x: preferred.x + offset * stepX, y: preferred.y + row * stepY, ...size };
      if (!occupied.some((r) => rectsOverlap(candidate, r, GAP / 2))) return { x: candidate.x, y: candidate.y };
    }
  }
  // A canvas this crowded is not worth searching further: go below everything.
  const bottom = Math.max(preferred.y, ...occupied.map((r) => r.y + r.height));
  return { x: preferred.x, y: bottom + GAP };
}
