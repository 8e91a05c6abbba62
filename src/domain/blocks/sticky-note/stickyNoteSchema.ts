import * as z from 'zod/mini';
import { stickyNoteDefaults, STICKY_COLORS } from './stickyNoteBlock';

/** What a stored or imported Sticky Note block may hold; settings it lacks get their defaults. */
export const stickyNoteSchema = z.object({
  name: z._default(z.string(), stickyNoteDefaults.name),
  text: z._default(z.string(), stickyNoteDefaults.text),
  color: z._default(z.enum(STICKY_COLORS), stickyNoteDefaults.color),
});
