import { describe, expect, it } from 'vitest';
import { canvasSize } from './canvasSize';

describe('canvasSize', () => {
  it('is the window less the top bar, the canvas toolbar and, when shown, the flows sidebar', () => {
    expect(canvasSize({ width: 1280, height: 800 }, true)).toEqual({ width: 1280 - 48 - 208, height: 752 });
    expect(canvasSize({ width: 1280, height: 800 }, false)).toEqual({ width: 1280 - 48, height: 752 });
  });
});
