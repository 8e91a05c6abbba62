import type { CanvasNode } from './canvasModel';

/**
 * Whether two node lists hold the same blocks in the same order, of the same type and call
 * stage: what the checklist and the cards' views depend on. Positions, sizes and selection change
 * on every frame of a drag and are ignored, so a drag reuses what was computed before it.
 */
export function sameStructure(a: readonly CanvasNode[], b: readonly CanvasNode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!,
      y = b[i]!;
    if (x.id !== y.id || x.type !== y.type || x.stage !== y.stage) return false;
  }
  return true;
}
