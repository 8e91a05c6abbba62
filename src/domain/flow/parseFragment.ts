import * as z from 'zod/mini';
import { CLIPBOARD_KIND, type ClipboardFragment } from './clipboardFragment';
import { flowEdgeSchema, flowNodeSchema } from './flowSchema';

const fragmentSchema = z.object({
  kind: z.literal(CLIPBOARD_KIND),
  nodes: z.array(flowNodeSchema),
  edges: z.array(flowEdgeSchema),
});

/** Reads clipboard text; anything that is not our fragment is simply not a paste for us. */
export function parseFragment(text: string): ClipboardFragment | null {
  try {
    const parsed = fragmentSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as ClipboardFragment) : null;
  } catch {
    return null;
  }
}
