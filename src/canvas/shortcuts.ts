/** The shortcuts the canvas understands, as listed in the help popover. */
export const shortcuts: readonly { keys: string; action: string }[] = [
  { keys: 'Ctrl/⌘ Z', action: 'Undo' },
  { keys: 'Ctrl/⌘ Shift Z, Ctrl Y', action: 'Redo' },
  { keys: 'Ctrl/⌘ C', action: 'Copy selected blocks' },
  { keys: 'Ctrl/⌘ X', action: 'Cut selected blocks' },
  { keys: 'Ctrl/⌘ V', action: 'Paste (works across tabs)' },
  { keys: 'Ctrl/⌘ D', action: 'Duplicate selected blocks' },
  { keys: 'Ctrl/⌘ A', action: 'Select all blocks' },
  { keys: 'Delete, Backspace', action: 'Delete selection' },
  { keys: 'Ctrl/⌘ click', action: 'Add to selection' },
  { keys: 'Shift drag', action: 'Box select' },
  { keys: 'Wheel', action: 'Zoom' },
  { keys: 'Drag empty canvas', action: 'Pan' },
  { keys: 'Shift 1', action: 'Fit the flow to the screen' },
  { keys: 'Enter', action: 'Open the panel of the focused block' },
  { keys: 'Escape', action: 'Close the open panel or picker (focus returns to its block)' },
];
