import { X } from 'lucide-react';
import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import './panels.css';

interface Props {
  title: string;
  description?: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  children: ReactNode;
  footer?: ReactNode;
  width?: string;
}

/** A centred dialog (Radix: focus trap, Escape, labelled by its title). */
export function Modal({ title, description, open, onOpenChange, children, footer, width = 'w-[520px]' }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-zinc-900/30" />
        <Dialog.Content
          className={`fixed left-1/2 top-[12vh] z-50 flex max-h-[76vh] ${width} max-w-[94vw] -translate-x-1/2 flex-col rounded-xl border border-zinc-200 bg-white shadow-2xl`}
        >
          <div className="flex items-start gap-3 border-b border-zinc-100 px-5 py-3.5">
            <div className="min-w-0 flex-1">
              <Dialog.Title className="text-[15px] font-semibold text-zinc-900">{title}</Dialog.Title>
              {description ? (
                <Dialog.Description className="mt-0.5 text-xs text-zinc-500">{description}</Dialog.Description>
              ) : (
                <Dialog.Description className="sr-only">{title}</Dialog.Description>
              )}
            </div>
            <Dialog.Close aria-label="Close" className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100">
              <X size={16} aria-hidden />
            </Dialog.Close>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && <div className="flex justify-end gap-2 border-t border-zinc-100 px-5 py-3">{footer}</div>}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

export const primaryButton = 'rounded-md bg-accent px-3 py-1.5 text-[13px] font-medium text-white hover:bg-accent/90 disabled:opacity-40';
export const secondaryButton =
  'rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-[13px] font-medium text-zinc-700 hover:bg-zinc-50 disabled:opacity-40';
