import { z } from 'zod';
import { AREA_TYPES } from '../geography/london-geography.ts';
import { areaSchema, releaseMetaSchema } from './api-schemas.ts';

export const itsQuerySchema = z.object({
  areaType: z.enum(AREA_TYPES).default('borough'),
  parent: z.string().max(20).optional().describe('only areas under this code (any ancestor)'),
  intervention: z.string().min(1).max(40).describe('the label of the first post-intervention period, one of the indicator’s periods (GET /api/v1/periods), such as "2022/23 Q2"'),
  maxlags: z.coerce.number().int().min(0).max(200).optional().describe('Newey–West lag truncation L; default floor(4·(n/100)^(2/9)) for each area’s n'),
  breakdown: z.string().max(40).default('total').describe('total, or dimension:value such as deprivation:1, sex:F'),
});

const coefficientSchema = z.object({ estimate: z.number(), standardError: z.number(), lower95: z.number(), upper95: z.number() });

const itsAreaSchema = z.object({
  area: areaSchema,
  fitted: z.boolean().describe('false when the model cannot be fitted for this area; `reason` says why'),
  reason: z.string().nullable(),
  n: z.number().int().nullable().describe('periods with a value the model used'),
  before: z.number().int().nullable().describe('periods with a value before the intervention'),
  after: z.number().int().nullable().describe('periods with a value from the intervention on'),
  maxlags: z.number().int().nullable(),
  baseline: coefficientSchema.nullable().describe('b0: the fitted level of the first period, in the indicator’s unit'),
  preSlope: coefficientSchema.nullable().describe('b1: change per period before the intervention'),
  levelChange: coefficientSchema.nullable().describe('b2: the step at the intervention, in the indicator’s unit'),
  slopeChange: coefficientSchema.nullable().describe('b3: the change in slope per period from the intervention on'),
  residualLag1: z.number().nullable().describe('lag-1 autocorrelation of the residuals'),
  dropped: z.array(z.string()).describe('periods left out because they have no value (none, or suppressed)'),
  warnings: z.array(z.object({ code: z.enum(['short_segment', 'autocorrelated_residuals']), message: z.string() })),
});

export const itsSchema = z.object({
  meta: releaseMetaSchema,
  indicatorId: z.string(),
  unit: z.string(),
  frequency: z.string(),
  areaType: z.enum(AREA_TYPES),
  intervention: z.string(),
  breakdown: z.string(),
  areas: z.array(itsAreaSchema).describe('one entry per area of the level the caller may see, in the order of the area list'),
});

export type ItsByArea = z.infer<typeof itsSchema>;
export type ItsAreaResult = z.infer<typeof itsAreaSchema>;
