import { describe, expect, it } from 'vitest';
import { placeNewBlock, spotFromHandle } from './placeNewBlock';
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

describe('spotFromHandle', () => {
  const source = { x: 100, y: 100, width: 260, height: 88 };
  it('puts a block below an output, right of the post-call handle and above the input', () => {
    expect(spotFromHandle(source, 'next', size)).toEqual({ x: 100, y: 268 });
    expect(spotFromHandle(source, 'post', size)).toEqual({ x: 440, y: 100 });
    expect(spotFromHandle(source, 'in', size)).toEqual({ x: 100, y: -70 });
  });
});
