import { Popover } from 'radix-ui';
import { useMemo, type ReactNode } from 'react';
import './panels.css';

export interface AnchoredPopoverProps {
  anchor: HTMLElement | null;
  label: string;
  onClose(): void;
  side?: 'top' | 'right' | 'bottom' | 'left';
  align?: 'start' | 'center' | 'end';
  className?: string;
  /** Where focus goes on close; by default back to the anchor (the button that opened it). */
  onCloseFocus?(): boolean;
  children: ReactNode;
}

/**
 * A Radix popover opened beside an existing element. It is mounted only while open and lives
 * in its own chunk, so the positioning code is not part of the first load.
 */
export default function AnchoredPopover({
  anchor,
  label,
  onClose,
  side = 'bottom',
  align = 'start',
  className = '',
  onCloseFocus,
  children,
}: AnchoredPopoverProps) {
  const anchorRef = useMemo(() => ({ current: anchor }), [anchor]);
  return (
    <Popover.Root open onOpenChange={(open) => !open && onClose()}>
      <Popover.Anchor virtualRef={anchorRef as React.RefObject<HTMLElement>} />
      <Popover.Portal>
        <Popover.Content
          side={side}
          align={align}
          sideOffset={8}
          collisionPadding={12}
          aria-label={label}
          className={`z-50 rounded-xl border border-zinc-200 bg-white shadow-xl ${className}`}
          // A click on the opening button toggles it: let that click close us, not reopen us.
          onInteractOutside={(e) => {
            if (anchor?.contains(e.target as Node)) e.preventDefault();
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            if (!onCloseFocus?.() && anchor?.isConnected) anchor.focus();
          }}
        >
          {children}
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
