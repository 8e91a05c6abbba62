import { describe, expect, it } from 'vitest';
import { placeNewBlock } from './placeNewBlock';
import { rectsOverlap } from './Rect';

const size = { width: 260, height: 90 };

describe('placeNewBlock', () => {
  it('uses the preferred spot when free', () => {
    expect(placeNewBlock({ x: 0, y: 200 }, size, [{ x: 0, y: 0, width: 260, height: 90 }])).toEqual({ x: 0, y: 200 });
  });
  it('moves sideways, then down, never overlapping', () => {
    const occupied = [
      { x: 0, y: 200, width: 260, height: 90 },
      { x: 300, y: 200, width: 260, height: 90 },
    ];
    const spot = placeNewBlock({ x: 0, y: 200 }, size, occupied);
    expect(occupied.some((r) => rectsOverlap({ ...spot, ...size }, r))).toBe(false);
    expect(spot).toEqual({ x: -300, y: 200 });
  });
  it('always finds a free spot on a crowded canvas', () => {
    const occupied = Array.from({ length: 400 }, (_, i) => ({ x: (i % 20) * 300 - 3000, y: Math.floor(i / 20) * 130, width: 260, height: 90 }));
    const spot = placeNewBlock({ x: 0, y: 0 }, size, occupied);
    expect(occupied.some((r) => rectsOverlap({ ...spot, ...size }, r))).toBe(false);
  });
});
