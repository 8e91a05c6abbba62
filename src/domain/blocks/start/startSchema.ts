import * as z from 'zod/mini';
import { startDefaults } from './startBlock';

/** What a stored or imported Start block may hold; settings it lacks get their defaults. */
export const startSchema = z.object({
  name: z._default(z.string(), startDefaults.name),
  greeting: z._default(z.string(), startDefaults.greeting),
});
