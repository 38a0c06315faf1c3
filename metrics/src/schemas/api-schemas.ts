import { z } from 'zod';
import { AREA_TYPES } from '../geography/london-geography.ts';
import { DOMAINS, FREQUENCIES, METHODS, POLARITIES } from '../catalogue/indicator-spec.ts';
import { BENCHMARK_COMPARISONS } from '../stats/benchmark/compare-with-benchmark.ts';
import { DISCLOSURE_POLICIES, RELEASE_ID_PATTERN, RELEASE_KINDS } from './release-manifest.ts';

const nullableNumber = z.number().nullable();

/** What every data response says about where its numbers come from and what protection was applied. */
const releaseSourceSummarySchema = z.object({
  name: z.string(),
  publisher: z.string(),
  licence: z.string(),
  licenceUrl: z.string().optional(),
  attribution: z.string().describe('the credit to show beside these figures'),
  url: z.string().optional(),
  contributes: z.string().optional(),
  indicators: z.array(z.string()).optional().describe('catalogue indicator ids this source gives figures for; absent: every indicator of the release'),
});

/** What every data response says about where its numbers come from and what protection was applied. */
export const releaseMetaSchema = z.object({
  releaseId: z.string(),
  kind: z.enum(RELEASE_KINDS).describe('published open data, the synthetic London, or files a user imported'),
  synthetic: z.boolean(),
  dataAsAt: z.string().describe('ISO date the data in the release runs to'),
  sources: z.array(releaseSourceSummarySchema).describe('who the figures come from, their licence and the attribution to show'),
  disclosure: z
    .enum(['none', 'suppressed-and-rounded', 'as-published'])
    .describe('Disclosure control applied to counts in this answer: none (exact counts, for a role that may see them), suppressed-and-rounded (the public table), or as-published (open data served as its publisher released it)'),
});

/**
 * `release` on every data route: which release answers (an id from GET /releases); absent, the one
 * the data directory's `current` pointer names. Releases are immutable, so the id is in every ETag.
 */
export const releaseQuery = z.string().max(100).regex(RELEASE_ID_PATTERN, 'a release id: letters, digits, dot, dash and underscore').optional().describe('a release id from GET /api/v1/releases; default the current release');

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
  coverMeasure: z.string().optional().describe('the UKHSA COVER measure (e.g. 24m_MMR1) whose published figures this indicator is: the key to join answers to COVER tables; immunisation coverage indicators only'),
  fingertipsId: z.number().optional(),
  caveats: z.array(z.string()),
});

export const formatQuery = z.enum(['json', 'csv']).default('json').describe('csv gives the rows as CSV with Fingertips-style column names');

export const indicatorListSchema = z.object({ meta: releaseMetaSchema, indicators: z.array(indicatorSchema) });
export const indicatorDetailSchema = z.object({ meta: releaseMetaSchema, indicator: indicatorSchema });
export const indicatorIdParamSchema = z.object({ id: z.string().min(1).max(100) });

const comparatorQuery = z.string().max(20).default('london').describe('london, england, parent, or an area code');
const periodQuery = z.string().max(40).default('latest').describe('latest, or a period label such as "2023/24 Q4", "2023/24", "2024-03", "2022-W41"');
const breakdownQuery = z.string().max(40).default('total').describe('total, or dimension:value such as deprivation:1, sex:F');

export const valuesQuerySchema = z.object({
  areaType: z.enum(AREA_TYPES).default('borough'),
  parent: z.string().max(20).optional().describe('only areas under this code (any ancestor)'),
  period: periodQuery,
  comparator: comparatorQuery,
  breakdown: breakdownQuery,
  format: formatQuery,
});

export const valueFieldsSchema = z.object({
  numerator: nullableNumber,
  denominator: nullableNumber,
  value: nullableNumber,
  lower95: nullableNumber,
  upper95: nullableNumber,
  lower998: nullableNumber,
  upper998: nullableNumber,
  valueNote: z.string().nullable(),
  suppressed: z.boolean().describe('true when counts were hidden by disclosure control; value and limits are then null'),
});

export const comparatorSchema = z.object({ code: z.string(), name: z.string(), value: nullableNumber, lower95: nullableNumber, upper95: nullableNumber }).nullable();

export const indicatorValueRowSchema = valueFieldsSchema.extend({
  areaCode: z.string(),
  areaName: z.string(),
  areaType: z.enum(AREA_TYPES),
  parentCode: z.string().nullable(),
  period: z.string(),
  comparison: z.enum(BENCHMARK_COMPARISONS),
  targetRag: z.enum(['red', 'amber', 'green']).nullable(),
  quintile: z.number().int().min(1).max(5).nullable(),
  rank: z.number().int().positive().nullable().describe('1 = best (or highest, for no-judgement indicators)'),
});

export const indicatorValuesSchema = z.object({
  meta: releaseMetaSchema,
  indicatorId: z.string(),
  areaType: z.enum(AREA_TYPES),
  parent: z.string().nullable(),
  period: z.string().nullable(),
  periodsIncluded: z.array(z.string()),
  breakdown: z.string(),
  comparator: comparatorSchema,
  targets: z.array(z.number()),
  rows: z.array(indicatorValueRowSchema),
});

export const areasQuerySchema = z.object({
  type: z.enum(AREA_TYPES).default('borough'),
  parent: z.string().max(20).optional(),
  format: formatQuery,
});
export const areaSchema = z.object({ code: z.string(), name: z.string(), type: z.enum(AREA_TYPES), parentCode: z.string().nullable() });
export const areaListSchema = z.object({ meta: releaseMetaSchema, areas: z.array(areaSchema) });

export const periodsQuerySchema = z.object({ indicator: z.string().min(1).max(100) });
export const periodListSchema = z.object({ meta: releaseMetaSchema, indicatorId: z.string(), periods: z.array(z.object({ label: z.string(), start: z.string() })) });

export const trendQuerySchema = z.object({
  area: z.string().min(1).max(20),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  comparator: comparatorQuery,
  breakdown: breakdownQuery,
  format: formatQuery,
});

export const trendPointSchema = valueFieldsSchema.extend({
  period: z.string(),
  periodStart: z.string(),
  comparatorValue: nullableNumber,
  comparison: z.enum(BENCHMARK_COMPARISONS),
  spcMean: nullableNumber,
  spcLower: nullableNumber,
  spcUpper: nullableNumber,
  spcPointType: z.enum(['common_cause', 'special_cause_improvement', 'special_cause_concern', 'special_cause_neutral_high', 'special_cause_neutral_low']).nullable(),
  spcRule: z.string().nullable(),
});

export const trendSchema = z.object({
  meta: releaseMetaSchema,
  indicatorId: z.string(),
  area: areaSchema,
  comparator: areaSchema.nullable(),
  targets: z.array(z.object({ value: z.number(), label: z.string(), from: z.string().optional(), until: z.string().optional() })),
  points: z.array(trendPointSchema),
  spc: z.object({
    improvement: z.enum(['increase', 'decrease', 'neutral']),
    variation: z.enum(['common-cause', 'improvement', 'concern', 'neutral-high', 'neutral-low']).nullable(),
    assurance: z.enum(['pass', 'fail', 'inconsistent']).nullable(),
  }),
  recentTrend: z.object({ label: z.string(), chiSquare: nullableNumber }),
});

export const overviewQuerySchema = z.object({
  areaType: z.enum(['borough', 'icb']).default('borough'),
  domain: z.enum(DOMAINS).optional(),
  parent: z.string().max(20).optional(),
  period: z.literal('latest').default('latest'),
  comparator: z.enum(['london', 'england']).default('london'),
  format: formatQuery,
});

/**
 * The matrix column by column: `values[k]`, `comparisons[k]` and `suppressed[k]` belong to `areas[k]`.
 * Columns, not one object per cell, because the matrix is the largest answer the dashboard's first
 * page waits for (about a fifth of the bytes); values are rounded to 6 decimal places, the precision
 * the statistics are verified to. Confidence intervals are in each indicator's `values` answer and
 * in this answer's CSV.
 */
export const overviewSchema = z.object({
  meta: releaseMetaSchema,
  areaType: z.enum(['borough', 'icb']),
  comparator: areaSchema,
  areas: z.array(areaSchema),
  indicators: z.array(z.object({
    id: z.string(),
    shortName: z.string(),
    domain: z.enum(DOMAINS),
    unit: z.string(),
    polarity: z.enum(POLARITIES),
    period: z.string(),
    comparatorValue: nullableNumber,
    values: z.array(nullableNumber),
    comparisons: z.array(z.enum(BENCHMARK_COMPARISONS)),
    suppressed: z.array(z.boolean()),
  })),
});

/** One cell of the overview matrix, as its CSV has it (with confidence intervals). */
export const overviewCellSchema = z.object({
  indicatorId: z.string(),
  areaCode: z.string(),
  value: nullableNumber,
  lower95: nullableNumber,
  upper95: nullableNumber,
  comparison: z.enum(BENCHMARK_COMPARISONS),
  suppressed: z.boolean(),
});

export const areaCodeParamSchema = z.object({ code: z.string().min(1).max(20) });
/**
 * What a profile compares each row with: England (the default, so older links keep their meaning),
 * London, or the area's own ICB. London has only England; an ICB has London or England.
 */
export const PROFILE_COMPARATORS = ['england', 'london', 'icb'] as const;
export type ProfileComparator = (typeof PROFILE_COMPARATORS)[number];
export const profileQuerySchema = z.object({
  period: z.literal('latest').default('latest'),
  comparator: z.enum(PROFILE_COMPARATORS).default('england').describe('england, london, or icb (the area’s own ICB; for boroughs, PCNs and practices)'),
  format: formatQuery,
});
export const profileSchema = z.object({
  meta: releaseMetaSchema,
  area: areaSchema,
  comparator: areaSchema,
  rows: z.array(valueFieldsSchema.extend({
    indicatorId: z.string(),
    shortName: z.string(),
    domain: z.enum(DOMAINS),
    unit: z.string(),
    polarity: z.enum(POLARITIES),
    period: z.string(),
    comparison: z.enum(BENCHMARK_COMPARISONS).describe('against the comparator, at 95% and 99.8%'),
    comparatorValue: nullableNumber,
    londonValue: nullableNumber,
    englandValue: nullableNumber,
    peerMin: nullableNumber,
    peerQ1: nullableNumber,
    peerQ3: nullableNumber,
    peerMax: nullableNumber,
    recentTrend: z.string(),
  })),
});

/** What a funnel plot is centred on: the pooled average of its areas, London's value, or the indicator's target for the period. */
export const FUNNEL_CENTRES = ['pooled', 'london', 'target'] as const;
export type FunnelCentre = (typeof FUNNEL_CENTRES)[number];

export const funnelQuerySchema = z.object({
  areaType: z.enum(['practice', 'pcn', 'borough']).default('practice'),
  parent: z.string().max(20).optional(),
  period: periodQuery,
  centre: z.enum(FUNNEL_CENTRES).default('pooled').describe('the centre line the limits are drawn around: pooled (Σ numerators / Σ denominators of the plotted areas), london (London’s value for the period), or target (the indicator’s first target for the period; 422 when it has none)'),
  format: formatQuery,
});
export const funnelSchema = z.object({
  meta: releaseMetaSchema,
  indicatorId: z.string(),
  period: z.string().nullable(),
  baseline: nullableNumber.describe('the centre line’s value, in the indicator’s unit'),
  centre: z.object({ kind: z.enum(FUNNEL_CENTRES), label: z.string().describe('what the centre is, in words: “London”, “the average of these practices”, “the 95% target”') }),
  pooled: nullableNumber.describe('the pooled average of the plotted areas, whatever the centre'),
  target: nullableNumber.describe('the indicator’s first target for the period, if any'),
  points: z.array(z.object({ areaCode: z.string(), areaName: z.string(), numerator: z.number(), denominator: z.number(), value: z.number(), significance: z.enum(['high-99.8', 'high-95', 'none', 'low-95', 'low-99.8']) })),
  limits: z.array(z.object({ denominator: z.number(), lower95: z.number(), upper95: z.number(), lower998: z.number(), upper998: z.number() })),
});

export const inequalityQuerySchema = z.object({
  area: z.string().min(1).max(20),
  by: z.enum(['deprivation', 'ethnicity', 'sex']).default('deprivation'),
  period: periodQuery,
  format: formatQuery,
});
export const inequalitySchema = z.object({
  meta: releaseMetaSchema,
  indicatorId: z.string(),
  area: areaSchema,
  by: z.enum(['deprivation', 'ethnicity', 'sex']),
  period: z.string().nullable(),
  groups: z.array(valueFieldsSchema.extend({ group: z.string(), label: z.string() })),
  sii: nullableNumber.describe('slope index of inequality (PHEindicatormethods phe_sii): fitted value at the least deprived end minus that at the most deprived end, in the indicator unit; deprivation only'),
  rii: nullableNumber.describe('relative index of inequality (phe_sii): fitted value at the least deprived end divided by that at the most deprived end; deprivation only'),
  siiLower95: nullableNumber.describe('95% limits of the SII by phe_sii simulation (100,000 repetitions, fixed seed); null when a quintile has no finite standard error'),
  siiUpper95: nullableNumber,
  riiLower95: nullableNumber.describe('95% limits of the RII, from the same simulation'),
  riiUpper95: nullableNumber,
});

export const releaseInfoSchema = z.object({ meta: releaseMetaSchema, release: z.object({ id: z.string(), kind: z.enum(RELEASE_KINDS), createdAt: z.string(), synthetic: z.boolean(), dataAsAt: z.string(), sources: z.array(releaseSourceSummarySchema), source: z.record(z.string(), z.unknown()), coverage: z.record(z.string(), z.unknown()) }) });

/** One release of `GET /releases`: enough to offer it as a data source and say what it holds. */
export const releaseSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(RELEASE_KINDS),
  synthetic: z.boolean(),
  current: z.boolean().describe('whether it answers requests without `release`: the release the data directory’s `current` pointer names or, while that one fails verification, the one served instead (see /healthz)'),
  createdAt: z.string(),
  dataAsAt: z.string(),
  sources: z.array(releaseSourceSummarySchema),
  disclosure: z.object({ policy: z.enum(DISCLOSURE_POLICIES) }).nullable().describe('how the public’s answers are protected; null when the release has no public table'),
  coverage: z.object({
    indicators: z.array(z.string()).describe('indicator ids with data in this release: only these are offered for it'),
    domains: z.array(z.enum(DOMAINS)),
    firstPeriod: z.string().nullable(),
    lastPeriod: z.string().nullable(),
    areaTypes: z.array(z.enum(AREA_TYPES)).optional().describe('area levels with data in this release; absent: the client offers practice and PCN views only with event data (hasEvents)'),
    breakdowns: z.array(z.string()).optional().describe('breakdown dimensions with data (deprivation, ethnicity, sex); absent: the client offers breakdowns only with event data (hasEvents)'),
  }),
  hasEvents: z.boolean().describe('event-level immunisation data (campaigns, cohorts, Explore) is present'),
});

/** `GET /manifest-digest`: what anyone holding a copy of the release can check it against. */
export const manifestDigestSchema = z.object({
  meta: releaseMetaSchema,
  releaseId: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the release’s manifest.json, its bytes as stored; the manifest lists the SHA-256 of every other file'),
});

export const releaseListSchema = z.object({ meta: releaseMetaSchema, releases: z.array(releaseSummarySchema) });

/**
 * `/healthz`: `ok` when the release served is the current one; `degraded` (still HTTP 200: the server
 * is serving) when the current release failed verification and an older one is served instead.
 */
export const healthSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), releaseId: z.string().describe('the release being served') }),
  z.object({
    status: z.literal('degraded'),
    releaseId: z.string().describe('the release being served'),
    reason: z.string().describe('why the current release is not the one served, naming each bad file'),
  }),
]);

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
export type ReleaseSummary = z.infer<typeof releaseSummarySchema>;
export type IndicatorValueRow = z.infer<typeof indicatorValueRowSchema>;
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;
export type ValueFields = z.infer<typeof valueFieldsSchema>;
export type Trend = z.infer<typeof trendSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type OverviewCell = z.infer<typeof overviewCellSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type Funnel = z.infer<typeof funnelSchema>;
export type Inequality = z.infer<typeof inequalitySchema>;
export type AreaSummary = z.infer<typeof areaSchema>;
export type Problem = z.infer<typeof problemSchema>;
