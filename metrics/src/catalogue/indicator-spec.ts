import { z } from 'zod';
import { AREA_TYPES } from '../geography/london-geography.ts';

export const DOMAINS = ['immunisation', 'asthma', 'hypertension', 'cancer'] as const;
export const METHODS = ['wilson-proportion', 'byar-rate', 'dobson-dsr', 'ratio', 'mean'] as const;
export const POLARITIES = ['higher-better', 'lower-better', 'no-judgement'] as const;
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'annual'] as const;
export const BREAKDOWNS = ['deprivation', 'ethnicity', 'sex', 'age'] as const;

const targetSchema = z.object({
  value: z.number(),
  label: z.string().min(1),
  source: z.string().min(1),
  /** Targets that apply from or to a date (e.g. 77% by March 2024); ISO dates. */
  from: z.iso.date().optional(),
  until: z.iso.date().optional(),
});

/** An indicator as authored: data, validated once at load. */
export const indicatorSpecSchema = z
  .object({
    id: z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/, 'ids are kebab-case with a domain prefix, e.g. imm-mmr1-24m'),
    name: z.string().min(1),
    shortName: z.string().min(1),
    domain: z.enum(DOMAINS),
    definition: z.object({ numerator: z.string().min(1), denominator: z.string().min(1) }),
    unit: z.enum(['%', 'per 100,000', 'per 1,000', 'ratio', 'count']),
    multiplier: z.number().positive(),
    method: z.enum(METHODS),
    polarity: z.enum(POLARITIES),
    targets: z.array(targetSchema),
    frequency: z.enum(FREQUENCIES),
    areaTypes: z.array(z.enum(AREA_TYPES)).min(1),
    breakdowns: z.array(z.enum(BREAKDOWNS)),
    source: z.object({ name: z.string().min(1), url: z.url().optional() }),
    coverMeasure: z.string().optional(),
    fingertipsId: z.number().int().positive().optional(),
    caveats: z.array(z.string()).default([]),
  })
  .refine((s) => s.method !== 'wilson-proportion' || (s.unit === '%' && s.multiplier === 100), {
    message: 'a Wilson proportion is shown as a percentage (unit %, multiplier 100)',
  })
  .refine((s) => s.method !== 'byar-rate' || s.unit.startsWith('per '), {
    message: 'a crude rate needs a "per N" unit',
  });

export type IndicatorSpec = z.input<typeof indicatorSpecSchema>;
export type Indicator = Readonly<z.output<typeof indicatorSpecSchema>>;
export type Polarity = (typeof POLARITIES)[number];
export type Domain = (typeof DOMAINS)[number];
