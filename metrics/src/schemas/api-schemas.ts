import { z } from 'zod';
import { AREA_TYPES } from '../geography/london-geography.ts';
import { DOMAINS, FREQUENCIES, METHODS, POLARITIES } from '../catalogue/indicator-spec.ts';

/** What every data response says about where its numbers come from. */
export const releaseMetaSchema = z.object({
  releaseId: z.string(),
  synthetic: z.boolean(),
  dataAsAt: z.string().describe('ISO date the data in the release runs to'),
});

export const indicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  domain: z.enum(DOMAINS),
  definition: z.object({ numerator: z.string(), denominator: z.string() }),
  unit: z.string(),
  multiplier: z.number(),
  method: z.enum(METHODS),
  polarity: z.enum(POLARITIES),
  targets: z.array(z.object({ value: z.number(), label: z.string(), source: z.string(), from: z.string().optional(), until: z.string().optional() })),
  frequency: z.enum(FREQUENCIES),
  areaTypes: z.array(z.enum(AREA_TYPES)),
  breakdowns: z.array(z.string()),
  source: z.object({ name: z.string(), url: z.string().optional() }),
  coverMeasure: z.string().optional(),
  fingertipsId: z.number().optional(),
  caveats: z.array(z.string()),
});

export const indicatorListSchema = z.object({ meta: releaseMetaSchema, indicators: z.array(indicatorSchema) });

export const indicatorIdParamSchema = z.object({ id: z.string().min(1).max(100) });

export const valuesQuerySchema = z.object({
  areaType: z.enum(AREA_TYPES).default('borough'),
  period: z.string().max(40).default('latest'),
});

export const indicatorValueRowSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  parentCode: z.string().nullable(),
  period: z.string(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  lower95: z.number().nullable(),
  upper95: z.number().nullable(),
  lower998: z.number().nullable(),
  upper998: z.number().nullable(),
  valueNote: z.string().nullable(),
});

export const indicatorValuesSchema = z.object({
  meta: releaseMetaSchema,
  indicatorId: z.string(),
  areaType: z.enum(AREA_TYPES),
  period: z.string().nullable(),
  rows: z.array(indicatorValueRowSchema),
});

export const healthSchema = z.object({ status: z.literal('ok'), releaseId: z.string() });

/** RFC 9457 problem details, with a stable machine-readable `code`. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
});

export type ReleaseMeta = z.infer<typeof releaseMetaSchema>;
export type IndicatorValueRow = z.infer<typeof indicatorValueRowSchema>;
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;
export type Problem = z.infer<typeof problemSchema>;
