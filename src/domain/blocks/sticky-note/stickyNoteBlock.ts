import * as z from 'zod/mini';
import { defineBlock } from '../BlockDefinition';

export const STICKY_COLORS = ['yellow', 'pink', 'blue', 'green', 'purple'] as const;

export const stickyNoteSchema = z.object({
  name: z._default(z.string(), 'Note'),
  text: z._default(z.string(), ''),
  color: z._default(z.enum(STICKY_COLORS), 'yellow'),
});
export type StickyNoteData = z.infer<typeof stickyNoteSchema>;

/** A note on the canvas: never connected, never executed, never checked. */
export const stickyNoteBlock = defineBlock<StickyNoteData>({
  type: 'sticky',
  label: 'Sticky Note',
  description: 'A note for people reading the flow',
  stages: ['live', 'post'],
  hasInput: false,
  named: false,
  schema: stickyNoteSchema,
  outputs: () => [],
  validate: () => [],
  summary: (d) => d.text,
});
