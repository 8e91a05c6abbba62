import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { CLIPBOARD_KIND } from '../domain/flow/clipboardFragment';
import { blockCatalog } from '../domain/blocks/blockCatalog';
import { focusBlockCard } from '../components/focusBlockCard';
import { useFlowStore } from '../store/useFlowStore';

/** Text fields keep their own keys (typing, native undo, copy of text). */
function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="dialog"], [role="menu"]');
}

/** In-tab fallback when the browser gives no clipboard data (some embedded or headless contexts). */
let lastCopied: string | null = null;

/**
 * Canvas keyboard shortcuts and clipboard. Copy/paste go through the browser's copy and paste
 * events, so blocks can travel between tabs and windows without asking for clipboard permission.
 */
export function useCanvasShortcuts() {
  const { fitView } = useReactFlow();

  useEffect(() => {
    const store = useFlowStore.getState;

    const onKeyDown = (e: KeyboardEvent) => {
      if (isEditable(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z') {
        e.preventDefault();
        if (e.shiftKey) store().redo();
        else store().undo();
      } else if (mod && key === 'y') {
        e.preventDefault();
        store().redo();
      } else if (mod && key === 'd') {
        e.preventDefault();
        store().duplicateSelection();
      } else if (mod && key === 'a') {
        e.preventDefault();
        useFlowStore.setState({ nodes: store().nodes.map((n) => (n.selected ? n : { ...n, selected: true })) });
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) {
        e.preventDefault();
        store().deleteSelection();
      } else if (e.key === 'Enter' && (e.target as HTMLElement).classList?.contains('react-flow__node')) {
        // A focused card opens its panel with Enter, as a click does (Esc brings focus back here).
        const id = (e.target as HTMLElement).dataset.id;
        const node = id ? store().nodes.find((n) => n.id === id) : undefined;
        if (node && blockCatalog[node.type].kind !== 'note') store().openPanel(node.id);
      } else if (e.key === 'Escape') {
        const open = store().panelNodeId;
        if (open) {
          store().closePanel();
          focusBlockCard(open);
        }
      } else if (e.shiftKey && e.code === 'Digit1') {
        fitView({ duration: 200, padding: 0.15 });
      }
    };

    const onCopy = (e: ClipboardEvent, cut: boolean) => {
      if (isEditable(e.target) || window.getSelection()?.toString()) return;
      const fragment = store().copySelection();
      if (!fragment) return;
      const text = JSON.stringify(fragment);
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
      lastCopied = text;
      if (cut) store().deleteSelection();
    };

    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') || lastCopied;
      if (!text?.includes(CLIPBOARD_KIND)) return;
      e.preventDefault();
      // Validating pasted data needs the schemas, which load on first use.
      void import('../domain/flow/parseFragment').then(({ parseFragment }) => {
        const fragment = parseFragment(text);
        if (fragment) store().pasteFragment(fragment);
      });
    };

    const copy = (e: ClipboardEvent) => onCopy(e, false);
    const cut = (e: ClipboardEvent) => onCopy(e, true);
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', copy);
    document.addEventListener('cut', cut);
    document.addEventListener('paste', onPaste);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', copy);
      document.removeEventListener('cut', cut);
      document.removeEventListener('paste', onPaste);
    };
  }, [fitView]);
}
