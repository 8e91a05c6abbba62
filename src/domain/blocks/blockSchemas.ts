import type { BlockType } from '../flow/FlowDocument';
import { startSchema } from './start/startSchema';
import { talkSchema } from './talk/talkSchema';
import { collectSchema } from './collect/collectSchema';
import { filterSchema } from './filter/filterSchema';
import { apiRequestSchema } from './api-request/apiRequestSchema';
import { endCallSchema } from './end-call/endCallSchema';
import { stickyNoteSchema } from './sticky-note/stickyNoteSchema';

/** The schema of each block type's settings, for reading stored and imported flows. */
export const blockSchemas: Record<BlockType, { parse(input: unknown): unknown }> = {
  start: startSchema,
  talk: talkSchema,
  collect: collectSchema,
  filter: filterSchema,
  apiRequest: apiRequestSchema,
  endCall: endCallSchema,
  sticky: stickyNoteSchema,
};
