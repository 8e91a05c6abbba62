import { rectsOverlap, type Rect } from './Rect';
import type { XY } from './FlowDocument';

const GAP = 40;

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
