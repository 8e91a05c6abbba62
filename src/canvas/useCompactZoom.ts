import { useStore } from '@xyflow/react';
import { COMPACT_ZOOM } from './CompactContext';

/** True while the canvas is zoomed out past COMPACT_ZOOM; changes only when the threshold is crossed. */
export function useCompactZoom(): boolean {
  return useStore((s) => s.transform[2] < COMPACT_ZOOM);
}
