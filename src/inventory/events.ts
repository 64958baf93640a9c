/**
 * Events that start reporting clocks (vulnerabilities, incidents, breaches, government data
 * requests). Owned by the clocks feature (src/clocks/); the inventory embeds this schema.
 */
import { z } from 'zod';

export const Event = z
  .object({
    id: z.string().min(1),
    kind: z.enum(['vulnerability', 'incident', 'personal_data_breach', 'government_request']),
    title: z.string().optional(),
    learned: z.string().describe('When we became aware: an ISO date-time, or a date.'),
    timeZone: z.string().optional().describe('IANA zone in which `learned` is expressed, when it has no offset.'),
  })
  .passthrough()
  .describe('An event that starts reporting clocks (see `datacustoms clocks`).');

export type InventoryEvent = z.infer<typeof Event>;
