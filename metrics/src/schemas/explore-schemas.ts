import { z } from 'zod';
import { BOROUGHS, ICBS } from '../geography/london-geography.ts';
import { ROUTINE_DOSES } from '../immunisation/vaccine-schedule.ts';
import { releaseMetaSchema } from './api-schemas.ts';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
/** A comma-separated list of known codes; anything else is a 400 naming it. */
const codes = (known: readonly string[], what: string) =>
  z.string().max(400).refine((s) => s.split(',').every((c) => known.includes(c)), { message: `a comma-separated list of ${what}` });

/** The selection of GET /explore/views: Explore's URL state (`exploreSearch`), strictly. */
export const exploreViewsQuerySchema = z.object({
  from: month.optional().describe('first month of the period (YYYY-MM); default twelve months before the last'),
  to: month.optional().describe('last month of the period (YYYY-MM); default the cube’s last month'),
  icb: codes(ICBS.map((i) => i.code), 'London ICB codes').optional().describe('ICBs whose boroughs are selected (ONS codes, comma-separated)'),
  borough: codes(BOROUGHS.map((b) => b.code), 'London borough codes').optional().describe('boroughs selected (ONS codes, comma-separated)'),
  q: codes(['1', '2', '3', '4', '5'], 'deprivation quintiles 1 to 5').optional().describe('deprivation quintiles selected, 1 most deprived'),
  dose: z.enum(ROUTINE_DOSES.map((d) => d.key) as [string, ...string[]]).optional().describe('the routine dose whose uptake is shown; default mmr-1'),
});

const uptakeRow = z.object({ key: z.string(), doses: z.number(), eligible: z.number() });

export const exploreViewsSchema = z.object({
  meta: releaseMetaSchema,
  cube: z.object({
    first: z.string().describe('first month of the doses cube (ISO date of the 1st)'),
    last: z.string().describe('last month of the doses cube'),
    cubeRows: z.number().int().describe('rows of the doses cube'),
    boroughs: z.array(z.string()).describe('boroughs the cube has: the caller’s scope'),
  }),
  views: z.object({
    summary: z.array(uptakeRow).describe('doses and estimated eligible children of the whole selection (key all)'),
    time: z.array(z.object({ period: z.string(), doses: z.number() })).describe('doses per month (ISO date of the 1st), the period left out'),
    map: z.array(uptakeRow).describe('per borough, the areas left out'),
    quintiles: z.array(uptakeRow).describe('per deprivation quintile, the quintiles left out'),
    doses: z.array(z.object({ vaccine: z.string(), dose: z.number(), doses: z.number() })).describe('doses per vaccine and dose number, the dose left out'),
    ethnicity: z.array(uptakeRow).nullable().describe('per ethnic group; null when quintiles are chosen and the cube has no quintile × ethnic group rows (the public’s)'),
  }),
});

export type ExploreViewsAnswer = z.infer<typeof exploreViewsSchema>;
