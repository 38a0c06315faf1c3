import { z } from 'zod';
import { AREA_TYPES, ICBS } from '../geography/london-geography.ts';
import { campaignDefinitionSchema } from '../campaigns/campaign-definition.ts';
import { CAMPAIGN_BREAKDOWNS } from '../sql/campaign-progress-sql.ts';
import { EVENT_AREA_LEVELS } from '../sql/child-areas-sql.ts';
import { areaSchema, formatQuery, releaseMetaSchema } from './api-schemas.ts';

const nullableNumber = z.number().nullable();

export const campaignListSchema = z.object({ meta: releaseMetaSchema, campaigns: z.array(campaignDefinitionSchema) });
export const campaignIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export const campaignProgressQuerySchema = z.object({
  areaType: z.enum(EVENT_AREA_LEVELS).default('borough'),
  parent: z.string().max(20).optional().describe('only areas under this code (any ancestor)'),
  interval: z.enum(['week', 'day']).default('week').describe('reporting interval; intervals end on asOf and every week (or day) before it. Daily intervals need a token that sees the areas unrounded'),
  asOf: z.iso.date().optional().describe('last day counted; default the campaign end or the data as-at date, whichever is earlier. Where any row is disclosure-controlled, asOf snaps back to the last end of a week on the campaign’s fixed weekly grid (weekEndsOn), and the answer’s asOf says which date was used'),
  breakdown: z.enum(CAMPAIGN_BREAKDOWNS).optional().describe('one row per area and deprivation quintile or ethnic group instead of one per area; below London, only for a token that sees the areas unrounded'),
  format: formatQuery,
});

export const campaignSeriesPointSchema = z.object({
  from: z.string().describe('first day of the interval'),
  date: z.string().describe('last day of the interval'),
  doses: nullableNumber.describe('eligible children first vaccinated in the interval (a child counts once)'),
  cumulative: nullableNumber.describe('eligible children vaccinated from the opening to the end of the interval'),
  uptake: nullableNumber.describe('cumulative as % of eligible children'),
  suppressed: z.boolean(),
});

export const campaignProgressRowSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  areaType: z.enum(AREA_TYPES),
  parentCode: z.string().nullable(),
  group: z.string().nullable().describe('with a breakdown: "deprivation:1" (most deprived) … "deprivation:5", "ethnicity:<group>", or "<dimension>:unknown"; null without'),
  groupLabel: z.string().nullable().describe('the group in words, e.g. "Most deprived 20%"'),
  note: z.string().nullable().describe('what the row covers beyond its area, e.g. the City of London merged into Hackney for disclosure control'),
  start: z.string().describe('the area’s start date (the earliest, when its boroughs start on different dates)'),
  eligible: nullableNumber,
  vaccinated: nullableNumber.describe('eligible children given a counting dose from the opening to asOf'),
  uptake: nullableNumber.describe('%'),
  dosesLatest: nullableNumber.describe('children first vaccinated in the latest interval'),
  dosesPrevious: nullableNumber.describe('… in the interval before it'),
  trajectory: nullableNumber.describe('% expected on asOf: straight line from 0 at the area’s start to the target on its date'),
  behindTrajectory: z.boolean().nullable(),
  behindBy: nullableNumber.describe('children short of the trajectory'),
  gapToTarget: nullableNumber.describe('children still to vaccinate to reach the target'),
  runRateNeededPerWeek: nullableNumber.describe('children a week needed to reach the target on its date; null when that date has passed short of it'),
  currentRatePerWeek: nullableNumber.describe('children a week over the last two intervals'),
  projectedDate: z.string().nullable().describe('when the target is reached at the current rate (or was reached); null if never'),
  suppressed: z.boolean().describe('true when disclosure control hid the eligible or vaccinated count'),
  series: z.array(campaignSeriesPointSchema),
});

export const campaignProgressSchema = z.object({
  meta: releaseMetaSchema,
  campaign: z.object({
    id: z.string(),
    name: z.string(),
    vaccine: z.string(),
    dose: z.number().nullable(),
    opens: z.string().describe('first day a dose counts'),
    start: z.string(),
    end: z.string(),
    weekEndsOn: z.string().describe('the weekday every week of the public weekly grid ends on'),
    target: z.object({ uptake: z.number(), by: z.string(), label: z.string(), source: z.string() }),
  }),
  areaType: z.enum(EVENT_AREA_LEVELS),
  parent: z.string().nullable(),
  interval: z.enum(['week', 'day']),
  asOf: z.string().describe('the last day counted: the requested asOf, or for disclosure-controlled answers the last week end on or before it'),
  breakdown: z.enum(CAMPAIGN_BREAKDOWNS).nullable(),
  rows: z.array(campaignProgressRowSchema),
});

export const campaignSitrepQuerySchema = z.object({
  asOf: z.iso.date().optional().describe('the date the report is for: the last day counted, as for GET /campaigns/{id}/progress (snapped back to the last published week end where the figures are disclosure-controlled); default the latest'),
  icb: z.enum(ICBS.map((i) => i.code) as [string, ...string[]]).optional().describe('narrow the report to one London ICB (ONS code); an ics token may ask for its own only. Default London'),
});

export const cohortCurveQuerySchema = z.object({
  area: z.string().min(1).max(20).describe('an area code of any level (region, ICB, borough, PCN, practice)'),
  cohort: z.string().regex(/^\d{4}(,\d{4}){0,9}$/, 'one to ten years of birth, comma-separated, e.g. 2021,2022').optional()
    .describe('calendar years of birth; default the last 3 cohorts old enough for the indicator’s age'),
  format: formatQuery,
});

export const cohortCurvePointSchema = z.object({
  ageMonths: z.number().int(),
  vaccinated: nullableNumber.describe('children given the dose before reaching this age'),
  children: nullableNumber,
  coverage: nullableNumber.describe('%; for disclosure-controlled answers computed from the published counts, to one decimal'),
  suppressed: z.boolean(),
});

export const cohortCurveSchema = z.object({
  meta: releaseMetaSchema,
  indicatorId: z.string(),
  coverMeasure: z.string(),
  dose: z.object({ key: z.string(), vaccine: z.string(), dose: z.number(), label: z.string() }),
  area: areaSchema,
  note: z.string().nullable().describe('what the curves cover beyond the area, e.g. the City of London merged into Hackney for disclosure control'),
  asAt: z.string(),
  cohorts: z.array(z.object({
    cohort: z.number().int().describe('calendar year of birth'),
    children: nullableNumber,
    maxAgeMonths: z.number().int().nullable().describe('last age on the curve: the age the youngest child had reached by asAt, at most 60'),
    points: z.array(cohortCurvePointSchema),
  })),
});

export const extractFileParamSchema = z.object({
  file: z.string().min(1).max(100).describe('<name>.parquet, e.g. immunisation-weekly.parquet'),
});
export const extractQuerySchema = z.object({
  borough: z.string().min(1).max(20).optional().describe('only this borough’s rows (ONS code, e.g. E09000012); an ics token may ask for its own ICB’s boroughs only'),
});

export type CampaignProgress = z.infer<typeof campaignProgressSchema>;
export type CampaignAreaProgress = z.infer<typeof campaignProgressRowSchema>;
export type CohortCurve = z.infer<typeof cohortCurveSchema>;
