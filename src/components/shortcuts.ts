export interface Shortcut {
  /** As shown to people. */
  keys: string;
  action: string;
  /** As aria-keyshortcuts spells it, for the buttons that do the same. */
  aria?: string;
}

/** The shortcuts that buttons also offer: the buttons show and announce these very keys. */
export const buttonShortcuts = {
  undo: { keys: 'Ctrl/⌘ Z', action: 'Undo', aria: 'Control+Z Meta+Z' },
  redo: { keys: 'Ctrl/⌘ Shift Z, Ctrl Y', action: 'Redo', aria: 'Control+Shift+Z Meta+Shift+Z Control+Y' },
  duplicate: { keys: 'Ctrl/⌘ D', action: 'Duplicate selected blocks', aria: 'Control+D Meta+D' },
  remove: { keys: 'Delete, Backspace', action: 'Delete selection', aria: 'Delete Backspace' },
  fit: { keys: 'Shift 1', action: 'Fit the flow to the screen', aria: 'Shift+1' },
  close: { keys: 'Escape', action: 'Close the open panel or picker (focus returns to its block)', aria: 'Escape' },
} satisfies Record<string, Shortcut>;

/** The shortcuts the canvas understands, as listed in the help popover. */
export const shortcuts: readonly Shortcut[] = [
  buttonShortcuts.undo,
  buttonShortcuts.redo,
  { keys: 'Ctrl/⌘ C', action: 'Copy selected blocks' },
  { keys: 'Ctrl/⌘ X', action: 'Cut selected blocks' },
  { keys: 'Ctrl/⌘ V', action: 'Paste (works across tabs)' },
  buttonShortcuts.duplicate,
  { keys: 'Ctrl/⌘ A', action: 'Select all blocks' },
  buttonShortcuts.remove,
  { keys: 'Ctrl/⌘ click', action: 'Add to selection' },
  { keys: 'Shift drag', action: 'Box select' },
  { keys: 'Wheel', action: 'Zoom' },
  { keys: 'Drag empty canvas', action: 'Pan' },
  buttonShortcuts.fit,
  { keys: 'Enter', action: 'Open the panel of the focused block' },
  buttonShortcuts.close,
];
