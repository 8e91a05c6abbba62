import type { XY } from './FlowDocument';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room kept between a route and any card it passes, and the length of the stubs at each end. */
const CLEARANCE = 12;
const STUB = 18;

function hits(a: XY, b: XY, r: Rect): boolean {
  const x1 = Math.min(a.x, b.x),
    x2 = Math.max(a.x, b.x),
    y1 = Math.min(a.y, b.y),
    y2 = Math.max(a.y, b.y);
  return x2 > r.x - CLEARANCE && x1 < r.x + r.width + CLEARANCE && y2 > r.y - CLEARANCE && y1 < r.y + r.height + CLEARANCE;
}

function clear(points: readonly XY[], obstacles: readonly Rect[]): boolean {
  for (let i = 1; i < points.length; i++) for (const r of obstacles) if (hits(points[i - 1]!, points[i]!, r)) return false;
  return true;
}

/** The same points without repeats and without corners that do not turn. */
function simplify(points: XY[]): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (before && last && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) out.pop();
    out.push(p);
  }
  return out;
}

/** Whether a handle point belongs to a card: on it, or just outside its top or bottom edge. */
function isEndOf(p: XY, r: Rect): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y - 2 * CLEARANCE && p.y <= r.y + r.height + 2 * CLEARANCE;
}

/**
 * An orthogonal route from an output at the bottom of a card (`from`) to an input at the top of
 * another (`to`) that passes no other card: edges drawn under a card looked as if they entered it.
 * Tries the usual down–across–down shape at every free height between the two, then a detour by
 * a free vertical channel beside the cards in the way (also the way back up to an earlier block).
 * `cards` may include the two ends. When nothing is clear, the usual shape.
 */
export function routeEdge(from: XY, to: XY, cards: readonly Rect[]): XY[] {
  const near = cards.filter((r) => r.y + r.height + CLEARANCE > Math.min(from.y, to.y) - 2 * STUB && r.y - CLEARANCE < Math.max(from.y, to.y) + 2 * STUB);
  const others = near.filter((r) => !isEndOf(from, r) && !isEndOf(to, r));
  const middle = Math.round((from.y + to.y) / 2);

  if (to.y - from.y >= 8) {
    // Down, across at some height, down: below the source and above the target by construction,
    // so only the other cards can be in the way. Heights: the middle first, then beside each card.
    const heights = [middle];
    for (const r of others) heights.push(r.y - CLEARANCE - 1, r.y + r.height + CLEARANCE + 1);
    const fits = heights.filter((h) => h >= from.y + 4 && h <= to.y - 4).sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle));
    for (const y of fits) {
      const points = [from, { x: from.x, y }, { x: to.x, y }, to];
      if (clear(points, others)) return simplify(points);
    }
  }
  // A detour: a stub out of the source, across to a free column, along it, across above the target.
  const start = { x: from.x, y: from.y + STUB },
    end = { x: to.x, y: to.y - STUB };
  const centre = (from.x + to.x) / 2;
  const columns: number[] = [];
  for (const r of near) columns.push(r.x - CLEARANCE - 1, r.x + r.width + CLEARANCE + 1);
  columns.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre));
  for (const x of columns) {
    const points = [start, { x, y: start.y }, { x, y: end.y }, end];
    if (clear(points, near)) return simplify([from, ...points, to]);
  }
  return simplify([from, { x: from.x, y: middle }, { x: to.x, y: middle }, to]);
}

/** An SVG path along the points with rounded corners, and the middle of its longest horizontal run (for the ✕). */
export function roundedPath(points: readonly XY[], radius = 10): { path: string; labelX: number; labelY: number } {
  let path = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i - 1]!,
      c = points[i]!,
      n = points[i + 1]!;
    const r = Math.min(radius, Math.hypot(c.x - p.x, c.y - p.y) / 2, Math.hypot(n.x - c.x, n.y - c.y) / 2);
    const a = { x: c.x - Math.sign(c.x - p.x) * r, y: c.y - Math.sign(c.y - p.y) * r };
    const b = { x: c.x + Math.sign(n.x - c.x) * r, y: c.y + Math.sign(n.y - c.y) * r };
    path += ` L ${a.x} ${a.y} Q ${c.x} ${c.y} ${b.x} ${b.y}`;
  }
  const last = points[points.length - 1]!;
  path += ` L ${last.x} ${last.y}`;
  let best = { length: -1, x: (points[0]!.x + last.x) / 2, y: (points[0]!.y + last.y) / 2 };
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!,
      b = points[i]!;
    const length = Math.abs(b.x - a.x) + Math.abs(b.y - a.y);
    if (length > best.length) best = { length, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }
  return { path, labelX: best.x, labelY: best.y };
}
