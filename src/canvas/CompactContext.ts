import { createContext } from 'react';

/** Below this zoom a block's details are unreadable, so the canvas draws less of them. */
export const COMPACT_ZOOM = 0.5;

/**
 * Whether the canvas is zoomed out past COMPACT_ZOOM. Provided once by the canvas: a context
 * costs nothing per frame, where a store subscription per block would run on every move.
 */
export const CompactContext = createContext(false);
