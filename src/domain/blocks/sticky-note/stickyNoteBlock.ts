import { z } from 'zod';
import { defineBlock } from '../BlockDefinition';

export const STICKY_COLORS = ['yellow', 'pink', 'blue', 'green', 'purple'] as const;

export const stickyNoteSchema = z.object({
  name: z.string().default('Note'),
  text: z.string().default(''),
  color: z.enum(STICKY_COLORS).default('yellow'),
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
