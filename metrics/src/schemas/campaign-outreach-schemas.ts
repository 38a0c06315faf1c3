import { z } from 'zod';
import { ICBS } from '../geography/london-geography.ts';
import { formatQuery, releaseMetaSchema } from './api-schemas.ts';

/** Levels an outreach list ranks: practices and PCNs (scoped tokens only) or boroughs (anyone). */
export const OUTREACH_LEVELS = ['practice', 'pcn', 'borough'] as const;

const nullableNumber = z.number().nullable();

export const campaignOutreachQuerySchema = z.object({
  level: z.enum(OUTREACH_LEVELS).default('practice').describe('what the list ranks: practice and pcn need a token that may see them (ics for its own ICB, region, admin); borough is open to anyone'),
  icb: z.enum(ICBS.map((i) => i.code) as [string, ...string[]]).optional().describe('only this London ICB’s areas (ONS code); default every area of the level the caller may see: all London, or an ics token’s own ICB for practices and PCNs'),
  asOf: z.iso.date().optional().describe('last day counted, as for GET /campaigns/{id}/progress (snapped back to the last published week end where any row is disclosure-controlled); default the latest'),
  format: formatQuery.describe('csv: a first row naming the campaign, the as-of date and the release, then one row per area with its borough and ICB'),
});

export const outreachRowSchema = z.object({
  rank: z.number().int().describe('1 = the most children still to vaccinate to reach the target; hidden counts last'),
  areaCode: z.string(),
  areaName: z.string(),
  boroughCode: z.string().nullable(),
  boroughName: z.string().nullable(),
  icbCode: z.string().nullable(),
  icbName: z.string().nullable(),
  note: z.string().nullable().describe('what the row covers beyond its area, e.g. the City of London counted within Hackney'),
  eligible: nullableNumber,
  vaccinated: nullableNumber,
  uptake: nullableNumber.describe('% of eligible children vaccinated, to one decimal'),
  trajectory: nullableNumber.describe('% the straight-line trajectory expects on asOf, to one decimal'),
  gapToTarget: nullableNumber.describe('children still to vaccinate to reach the target uptake (not all eligible children)'),
  behindBy: nullableNumber.describe('children short of the trajectory (0 when on or ahead of it)'),
  runRateNeededPerWeek: z.number().int().nullable().describe('children a week needed to reach the target on its date, rounded up; null once the date has passed or the counts are hidden'),
  projectedUptake: nullableNumber.describe('% on the target date at the current rate, to one decimal'),
  projectedShortfall: nullableNumber.describe('children short of the target on its date at the current rate (0: on course)'),
  suppressed: z.boolean(),
});

export const campaignOutreachSchema = z.object({
  meta: releaseMetaSchema,
  campaign: z.object({ id: z.string(), name: z.string(), target: z.object({ uptake: z.number(), by: z.string() }) }),
  level: z.enum(OUTREACH_LEVELS),
  icb: z.string().nullable(),
  asOf: z.string().describe('the last day counted'),
  rows: z.array(outreachRowSchema),
});

export type CampaignOutreach = z.infer<typeof campaignOutreachSchema>;
export type OutreachRow = z.infer<typeof outreachRowSchema>;
