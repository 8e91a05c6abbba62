import type { AnchoredPopoverProps } from './AnchoredPopover';
import { preloadable } from './preloadable';

const { Component: AnchoredPopover, preload } = preloadable(() => import('./AnchoredPopover'));

/** Fetches the popover code ahead of the first click. */
export const preloadPopup = () => void preload();

/** An anchored popover that is rendered only while `open`; see AnchoredPopover. */
export function Popup({ open, ...props }: AnchoredPopoverProps & { open: boolean }) {
  return open ? <AnchoredPopover {...props} /> : null;
}
