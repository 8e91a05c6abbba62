import * as z from 'zod/mini';
import { talkDefaults } from './talkBlock';

/** What a stored or imported Talk block may hold; settings it lacks get their defaults. */
const exitSchema = z.object({ id: z.string(), label: z.string() });

export const talkSchema = z.object({
  name: z._default(z.string(), talkDefaults.name),
  prompt: z._default(z.string(), talkDefaults.prompt),
  exits: z._default(z.array(exitSchema), talkDefaults.exits),
});
