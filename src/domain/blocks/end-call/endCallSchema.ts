import * as z from 'zod/mini';
import { endCallDefaults } from './endCallBlock';

/** What a stored or imported End Call block may hold; settings it lacks get their defaults. */
export const endCallSchema = z.object({
  name: z._default(z.string(), endCallDefaults.name),
  mode: z._default(z.enum(['fixed', 'promptable']), endCallDefaults.mode),
  message: z._default(z.string(), endCallDefaults.message),
});
