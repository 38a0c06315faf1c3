import { z } from 'zod';
import { AREA_TYPES } from '../geography/london-geography.ts';

export const DOMAINS = ['immunisation', 'asthma', 'hypertension', 'cancer'] as const;
export const METHODS = ['wilson-proportion', 'byar-rate', 'dobson-dsr', 'ratio', 'mean'] as const;
export const POLARITIES = ['higher-better', 'lower-better', 'no-judgement'] as const;
export const FREQUENCIES = ['weekly', 'monthly', 'quarterly', 'annual'] as const;
export const BREAKDOWNS = ['deprivation', 'ethnicity', 'sex', 'age'] as const;
export const UNITS = ['%', 'per 100,000', 'per 1,000', 'ratio', 'count'] as const;

/** The multiplier each unit implies: a value is numerator / denominator × multiplier. */
export const UNIT_MULTIPLIERS = { '%': 100, 'per 100,000': 100_000, 'per 1,000': 1_000, ratio: 1, count: 1 } as const satisfies Record<Unit, number>;

/** The units each method's result can be shown in, and the rule in words for error messages. */
export const METHOD_UNITS = {
  'wilson-proportion': { units: ['%'], rule: 'a Wilson proportion is shown as a percentage (unit %)' },
  'byar-rate': { units: ['per 100,000', 'per 1,000'], rule: 'a crude rate needs a "per N" unit' },
  'dobson-dsr': { units: ['per 100,000', 'per 1,000'], rule: 'a directly standardised rate needs a "per N" unit' },
  ratio: { units: ['%', 'ratio'], rule: 'a ratio is shown as a ratio or a percentage' },
  mean: { units: ['count', 'ratio'], rule: 'a mean is shown as a count or a ratio' },
} as const satisfies Record<Method, { units: readonly Unit[]; rule: string }>;

/**
 * The 14 UKHSA COVER measures (cohort prefix: children reaching 12 months, 24 months or 5 years
 * in the quarter), as named in `shared/data/immunisation/cover_london_utla_quarterly_*.csv`.
 */
export const COVER_MEASURE_NAMES = [
  '12m_DTaPIPVHib3',
  '12m_PCV1',
  '12m_Rota',
  '12m_MenB',
  '24m_DTaPIPVHib3_Prim',
  '24m_MMR1',
  '24m_HibMenC_Boo',
  '24m_PCV_Boo',
  '24m_MenB_Boo',
  '5y_DTaPIPVHib3_Prim',
  '5y_MMR1',
  '5y_MMR2',
  '5y_DTaPIPV_Boo',
  '5y_HibMenC_Boo',
] as const;

const targetSchema = z.strictObject({
  value: z.number(),
  label: z.string().min(1),
  source: z.string().min(1),
  /**
   * The target applies to periods ending from `from` to `until` (ISO dates, inclusive), e.g. an
   * ambition "77% by March 2024" set for 2023/24 applies from 2023-04-01 until 2024-03-31.
   * Omitted: open-ended. Where two targets apply to one period (a standard and a minimum, or a
   * standard and a stretch ambition) a comparison has three bands.
   */
  from: z.iso.date().optional(),
  until: z.iso.date().optional(),
});

const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

/** An indicator as authored: data, validated once at load. Unknown keys are rejected. */
export const indicatorSpecSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z]+(-[a-z0-9]+)+$/, 'ids are kebab-case with a domain prefix, e.g. imm-mmr1-24m'),
    name: z.string().min(1),
    shortName: z.string().min(1),
    domain: z.enum(DOMAINS),
    definition: z.strictObject({ numerator: z.string().min(1), denominator: z.string().min(1) }),
    unit: z.enum(UNITS),
    multiplier: z.number().positive(),
    method: z.enum(METHODS),
    polarity: z.enum(POLARITIES),
    targets: z.array(targetSchema),
    frequency: z.enum(FREQUENCIES),
    areaTypes: z.array(z.enum(AREA_TYPES)).min(1).refine(unique, 'area types must not repeat'),
    breakdowns: z.array(z.enum(BREAKDOWNS)).refine(unique, 'breakdowns must not repeat'),
    source: z.strictObject({ name: z.string().min(1), url: z.url().optional() }),
    /** The UKHSA COVER measure this indicator reproduces, e.g. "24m_MMR1". */
    coverMeasure: z.enum(COVER_MEASURE_NAMES).optional(),
    fingertipsId: z.number().int().positive().optional(),
    caveats: z.array(z.string().min(1)).default([]),
  })
  .superRefine((s, ctx) => {
    const fit = METHOD_UNITS[s.method];
    if (!(fit.units as readonly string[]).includes(s.unit)) ctx.addIssue({ code: 'custom', path: ['unit'], message: `${fit.rule} (got ${s.unit})` });
    const multiplier = UNIT_MULTIPLIERS[s.unit];
    if (s.multiplier !== multiplier) ctx.addIssue({ code: 'custom', path: ['multiplier'], message: `unit ${s.unit} means multiplier ${multiplier} (got ${s.multiplier})` });
    if (s.polarity === 'no-judgement' && s.targets.length > 0) ctx.addIssue({ code: 'custom', path: ['targets'], message: 'a no-judgement indicator has no targets' });
    s.targets.forEach((t, i) => {
      if (s.unit === '%' && (t.value < 0 || t.value > 100)) ctx.addIssue({ code: 'custom', path: ['targets', i, 'value'], message: `a percentage target lies in 0–100 (got ${t.value})` });
      if (t.from && t.until && t.from > t.until) ctx.addIssue({ code: 'custom', path: ['targets', i], message: `target starts after it ends (${t.from} > ${t.until})` });
    });
    if (s.coverMeasure && (s.domain !== 'immunisation' || s.method !== 'wilson-proportion')) {
      ctx.addIssue({ code: 'custom', path: ['coverMeasure'], message: 'a COVER measure belongs to an immunisation Wilson proportion' });
    }
  });

export type IndicatorSpec = z.input<typeof indicatorSpecSchema>;
export type Indicator = Readonly<z.output<typeof indicatorSpecSchema>>;
export type Polarity = (typeof POLARITIES)[number];
export type Domain = (typeof DOMAINS)[number];
export type Method = (typeof METHODS)[number];
export type Unit = (typeof UNITS)[number];
export type CoverMeasureName = (typeof COVER_MEASURE_NAMES)[number];
