import { describe, expect, test } from 'vitest';
import { roundedPath, routeEdge, type Rect } from './routeEdge';
import { organizeLayout } from './organizeLayout';
import type { FlowEdge } from './FlowDocument';

const card = (x: number, y: number): Rect => ({ x, y, width: 260, height: 88 });
/** Whether any segment of the route passes through a card (the ends' own stubs excepted). */
function crosses(points: { x: number; y: number }[], cards: Rect[]): boolean {
  for (let i = 2; i < points.length - 1; i++) {
    const a = points[i - 1]!,
      b = points[i]!;
    for (const r of cards) {
      if (Math.max(a.x, b.x) > r.x && Math.min(a.x, b.x) < r.x + r.width && Math.max(a.y, b.y) > r.y && Math.min(a.y, b.y) < r.y + r.height) return true;
    }
  }
  return false;
}
const bottom = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height + 13 });
const top = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y - 5 });

describe('routeEdge', () => {
  test('a straight run when nothing is in the way', () => {
    const a = card(0, 0),
      b = card(0, 240);
    expect(routeEdge(bottom(a), top(b), [a, b])).toEqual([bottom(a), top(b)]);
  });

  test('an edge that skips a row goes around the card in between, not under it', () => {
    // API Request → (Success) Talk directly below; (Error) End Call two rows down, same column.
    const api = card(0, 0),
      talk = card(0, 200),
      end = card(0, 400);
    const route = routeEdge(bottom(api), top(end), [api, talk, end]);
    expect(crosses(route, [talk])).toBe(false);
    expect(route.length).toBeGreaterThan(2);
    expect(route[0]).toEqual(bottom(api));
    expect(route.at(-1)).toEqual(top(end));
  });

  test('a route back up to an earlier block detours beside the cards', () => {
    const a = card(0, 0),
      b = card(0, 200),
      c = card(0, 400);
    const route = routeEdge(bottom(c), top(a), [a, b, c]);
    expect(crosses(route, [a, b, c])).toBe(false);
  });

  test('the path is drawn with rounded corners', () => {
    const { path, labelX, labelY } = roundedPath([
      { x: 0, y: 0 },
      { x: 0, y: 50 },
      { x: 100, y: 50 },
      { x: 100, y: 100 },
    ]);
    expect(path).toBe('M 0 0 L 0 40 Q 0 50 10 50 L 90 50 Q 100 50 100 60 L 100 100');
    expect([labelX, labelY]).toEqual([50, 50]);
  });

  test('after Organize blocks, no edge of a branching flow runs under a card', () => {
    const ids = ['start', 'api', 'talk', 'filter', 'a', 'b', 'end', 'err'];
    const edges: FlowEdge[] = [
      ['start', 'api'],
      ['api', 'talk'],
      ['api', 'err'],
      ['talk', 'filter'],
      ['filter', 'a'],
      ['filter', 'b'],
      ['a', 'end'],
      ['b', 'end'],
      ['err', 'end'],
    ].map(([source, target], i) => ({ id: `e${i}`, source: source!, sourceHandle: `h${i}`, target: target!, targetHandle: 'in' }));
    const positions = organizeLayout(
      ids.map((id) => ({ id, width: 260, height: 88 })),
      edges,
    );
    const rects = new Map(ids.map((id) => [id, card(positions.get(id)!.x, positions.get(id)!.y)]));
    for (const e of edges) {
      const others = [...rects].filter(([id]) => id !== e.source && id !== e.target).map(([, r]) => r);
      const route = routeEdge(bottom(rects.get(e.source)!), top(rects.get(e.target)!), [...rects.values()]);
      expect(crosses(route, others), `${e.source} → ${e.target}`).toBe(false);
    }
  });
});

describe('routeEdge between close rows', () => {
  test('two cards a short gap apart get the plain down–across–down shape, not a detour', () => {
    const a = card(0, 0),
      b = card(120, 130); // 42 px between a's bottom and b's top
    const route = routeEdge(bottom(a), top(b), [a, b]);
    expect(route).toHaveLength(4);
    expect(route[1]!.y).toBe(route[2]!.y);
    expect(route[1]!.y).toBeGreaterThan(bottom(a).y);
    expect(route[1]!.y).toBeLessThan(top(b).y);
  });
});
