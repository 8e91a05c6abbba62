import { describe, expect, it } from 'vitest';
import { organizeLayout } from './organizeLayout';
import { rectsOverlap } from './Rect';

describe('organizeLayout', () => {
  it('puts targets below sources, without overlaps', () => {
    const boxes = ['a', 'b', 'c', 'd'].map((id) => ({ id, width: 260, height: 90 }));
    const edges = [
      { id: '1', source: 'a', sourceHandle: 'next', target: 'b', targetHandle: 'in' as const },
      { id: '2', source: 'a', sourceHandle: 'post', target: 'c', targetHandle: 'in' as const },
      { id: '3', source: 'b', sourceHandle: 'next', target: 'd', targetHandle: 'in' as const },
    ];
    const pos = organizeLayout(boxes, edges);
    expect(pos.get('b')!.y).toBeGreaterThan(pos.get('a')!.y);
    expect(pos.get('d')!.y).toBeGreaterThan(pos.get('b')!.y);
    const rects = boxes.map((b) => ({ ...pos.get(b.id)!, width: b.width, height: b.height }));
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(rectsOverlap(rects[i]!, rects[j]!)).toBe(false);
  });
});
