import type { Rect } from './Rect';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * The viewport that frames `rects` in a `width`×`height` canvas, like React Flow's fitView, but
 * computed before anything renders: a big flow then paints once, at the right zoom, instead of
 * rendering every block at full size just to measure it and zoom out.
 */
export function fitViewport(rects: readonly Rect[], width: number, height: number, options = { padding: 0.2, minZoom: 0.1, maxZoom: 1 }): Viewport {
  if (!rects.length || width <= 0 || height <= 0) return { x: 0, y: 0, zoom: 1 };
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  const w = right - left;
  const h = bottom - top;
  const fit = Math.min(width / (w * (1 + options.padding)), height / (h * (1 + options.padding)));
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, fit));
  return { x: width / 2 - (left + w / 2) * zoom, y: height / 2 - (top + h / 2) * zoom, zoom };
}
