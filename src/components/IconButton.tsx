import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';

interface Props extends ButtonHTMLAttributes<HTMLButtonElement> {
  label: string;
  /** Keys that do the same: shown in the hint, announced through aria-keyshortcuts. */
  shortcut?: { keys: string; aria?: string };
  side?: 'top' | 'right' | 'bottom' | 'bottom-start' | 'left';
  children: ReactNode;
}

const placement = {
  right: 'left-full top-1/2 ml-2 -translate-y-1/2',
  left: 'right-full top-1/2 mr-2 -translate-y-1/2',
  top: 'bottom-full left-1/2 mb-2 -translate-x-1/2',
  bottom: 'top-full right-0 mt-2',
  'bottom-start': 'top-full left-0 mt-2',
};

/**
 * An icon-only button: `label` is its accessible name and a hover/focus hint. The hint is plain
 * CSS (aria-hidden, the name is already announced), which keeps a tooltip library out of the
 * first load.
 */
export const IconButton = forwardRef<HTMLButtonElement, Props>(function IconButton(
  { label, shortcut, side = 'right', children, className = '', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      aria-keyshortcuts={shortcut?.aria}
      className={`group/icon relative flex h-8 w-8 items-center justify-center rounded-lg text-zinc-600 transition hover:bg-zinc-100 hover:text-zinc-900 disabled:pointer-events-none disabled:opacity-35 ${className}`}
      {...rest}
    >
      {children}
      <span
        aria-hidden
        className={`pointer-events-none absolute z-50 hidden whitespace-nowrap rounded-md bg-zinc-900 px-2 py-1 text-xs font-normal text-white shadow group-hover/icon:block group-focus-visible/icon:block ${placement[side]}`}
      >
        {label}
        {shortcut && <span className="ml-2 text-zinc-400">{shortcut.keys}</span>}
      </span>
    </button>
  );
});
