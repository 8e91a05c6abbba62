import * as z from 'zod/mini';
import { apiRequestDefaults, HTTP_METHODS } from './apiRequestBlock';

/** What a stored or imported API Request block may hold; settings it lacks get their defaults. */
export const apiRequestSchema = z.object({
  name: z._default(z.string(), apiRequestDefaults.name),
  method: z._default(z.enum(HTTP_METHODS), apiRequestDefaults.method),
  url: z._default(z.string(), apiRequestDefaults.url),
});
