export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** True when two rectangles, each grown by `margin`, overlap. */
export function rectsOverlap(a: Rect, b: Rect, margin = 0): boolean {
  return a.x < b.x + b.width + margin && b.x < a.x + a.width + margin && a.y < b.y + b.height + margin && b.y < a.y + a.height + margin;
}
