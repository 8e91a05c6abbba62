import type * as z from 'zod/mini';
import { defineBlock } from '../BlockDefinition';
import type { stickyNoteSchema } from './stickyNoteSchema';

export const STICKY_COLORS = ['yellow', 'pink', 'blue', 'green', 'purple'] as const;

export const stickyNoteDefaults: { name: string; text: string; color: (typeof STICKY_COLORS)[number] } = { name: 'Note', text: '', color: 'yellow' };

export type StickyNoteData = z.infer<typeof stickyNoteSchema>;

/** A note on the canvas: never connected, never executed, never checked. */
export const stickyNoteBlock = defineBlock<StickyNoteData>({
  type: 'sticky',
  kind: 'note',
  size: { width: 260, height: 160 },
  resizable: true,
  label: 'Sticky Note',
  description: 'A note for people reading the flow',
  stages: ['live', 'post'],
  hasInput: false,
  named: false,
  defaults: () => structuredClone(stickyNoteDefaults),
  outputs: () => [],
  validate: () => [],
  summary: (d) => d.text,
});
