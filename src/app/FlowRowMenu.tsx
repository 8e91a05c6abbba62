import { Copy, MoreHorizontal, Pencil, Trash2 } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useRef } from 'react';
import { runFlowAction } from '../storage/runFlowAction';
import '../components/panels.css';

const item = 'flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-[13px] text-zinc-800 outline-none data-[highlighted]:bg-accent-soft';

/**
 * A flow's actions behind one ⋯ button (PRODUCT.md §1: each flow has a menu), so the rest of the
 * row opens the flow. Radix's menu gives arrow keys, typeahead and focus return; it loads after
 * first paint with the other popups.
 */
export default function FlowRowMenu({ flowId, name, onRename }: { flowId: string; name: string; onRename(): void }) {
  // Rename puts a text box in the row: focus must stay in it, not go back to the ⋯ button.
  const renaming = useRef(false);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        aria-label={`Actions for ${name}`}
        className="flex h-6 w-6 items-center justify-center rounded-md text-zinc-500 opacity-0 transition-opacity hover:bg-zinc-200 hover:text-zinc-800 focus-visible:opacity-100 group-hover:opacity-100 data-[state=open]:opacity-100"
      >
        <MoreHorizontal size={14} aria-hidden />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          onCloseAutoFocus={(e) => {
            if (renaming.current) e.preventDefault();
            renaming.current = false;
          }}
          align="start"
          side="right"
          sideOffset={4}
          className="z-50 min-w-36 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          <DropdownMenu.Item
            className={item}
            onSelect={() => {
              renaming.current = true;
              onRename();
            }}
          >
            <Pencil size={13} aria-hidden /> Rename
          </DropdownMenu.Item>
          <DropdownMenu.Item className={item} onSelect={() => runFlowAction('duplicateFlow', flowId)}>
            <Copy size={13} aria-hidden /> Duplicate
          </DropdownMenu.Item>
          <DropdownMenu.Item className={`${item} text-rose-700 data-[highlighted]:bg-rose-50`} onSelect={() => runFlowAction('deleteFlow', flowId)}>
            <Trash2 size={13} aria-hidden /> Delete
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
