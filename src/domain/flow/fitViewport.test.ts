import { describe, expect, it } from 'vitest';
import { fitViewport } from './fitViewport';

describe('fitViewport', () => {
  it('centres a small flow at zoom 1 at most', () => {
    expect(fitViewport([{ x: 0, y: 0, width: 200, height: 100 }], 1000, 800)).toEqual({ x: 400, y: 350, zoom: 1 });
  });
  it('zooms out to fit a wide flow, with padding', () => {
    const v = fitViewport(
      [
        { x: 0, y: 0, width: 100, height: 100 },
        { x: 4900, y: 0, width: 100, height: 100 },
      ],
      1200,
      800,
    );
    expect(v.zoom).toBeCloseTo(1200 / (5000 * 1.2));
    expect(v.x + 2500 * v.zoom).toBeCloseTo(600);
  });
  it('never goes below the minimum zoom', () => {
    expect(fitViewport([{ x: 0, y: 0, width: 100000, height: 10 }], 1000, 800).zoom).toBe(0.1);
  });
  it('handles an empty flow or a hidden canvas', () => {
    expect(fitViewport([], 1000, 800)).toEqual({ x: 0, y: 0, zoom: 1 });
    expect(fitViewport([{ x: 5, y: 5, width: 1, height: 1 }], 0, 0)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
