import { z } from 'zod';
import { AREA_TYPES } from '../geography/london-geography.ts';

/**
 * Who the API takes the caller to be, so a view asks only for what its caller may have: practice
 * and PCN levels are listed only for token roles, and an `ics` caller's are limited to `icb`.
 */
export const sessionSchema = z.object({
  role: z.enum(['public', 'ics', 'region', 'admin']),
  icb: z.string().nullable().describe('the ICB an ics caller belongs to; null for other roles'),
  areaTypes: z.array(z.enum(AREA_TYPES)).describe('area levels the caller may see (practice and PCN within `icb` for an ics caller)'),
});

export type Session = z.infer<typeof sessionSchema>;
