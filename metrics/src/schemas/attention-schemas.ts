import { z } from 'zod';
import { SEVERITIES } from '../attention/attention-rules.ts';
import { STATUS_CHANGES } from '../attention/compare-statuses.ts';
import { DOMAINS, UNITS } from '../catalogue/indicator-spec.ts';
import { AREA_TYPES } from '../geography/london-geography.ts';
import { BENCHMARK_COMPARISONS } from '../stats/benchmark/compare-with-benchmark.ts';
import { formatQuery, releaseMetaSchema } from './api-schemas.ts';
import { RELEASE_ID_PATTERN } from './release-manifest.ts';

const nullableNumber = z.number().nullable();

export const attentionSignalSchema = z.object({
  rule: z.string().describe('id of the attention rule that matched, e.g. worse-998'),
  severity: z.enum(SEVERITIES),
  text: z.string().describe('the signal in plain English'),
});

/** One area × indicator × period that the attention list shows, as `attentionStatus` derives it. */
export const attentionItemSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  areaType: z.enum(AREA_TYPES),
  indicatorId: z.string().describe('catalogue indicator id, or the campaign id for a campaign item (kind campaign)'),
  kind: z.enum(['indicator', 'campaign']).describe('an indicator of the catalogue, or a running campaign (behind its trajectory)'),
  indicatorName: z.string().describe("the indicator's (or campaign's) short name"),
  domain: z.enum(DOMAINS),
  period: z.string().describe('period label, e.g. "2024/25 Q4"'),
  severity: z.enum(SEVERITIES).describe('act, watch, improving or ok, most urgent first'),
  signals: z.array(attentionSignalSchema).describe('every rule that matched, most severe first'),
  summary: z.string().describe('one sentence in plain English, with the value and the benchmark'),
  value: nullableNumber.describe("in the indicator's unit"),
  unit: z.enum(UNITS),
  denominator: nullableNumber.describe('people the indicator is about in the area and period: who is affected'),
  benchmark: z
    .object({ label: z.string(), value: nullableNumber, comparison: z.enum(BENCHMARK_COMPARISONS) })
    .nullable()
    .describe('what the area is compared with (at 95% and 99.8%), e.g. London'),
  variation: z.enum(['common-cause', 'improvement', 'concern', 'neutral-high', 'neutral-low']).nullable().describe('SPC variation at the period (Making Data Count); null when the series is too short'),
  assurance: z.enum(['pass', 'fail', 'inconsistent']).nullable().describe('SPC assurance against the target; null without a target'),
  recentTrend: z.string().describe('Fingertips recent-trend label over the last 5 periods'),
  sparkline: z.array(z.object({ period: z.string(), value: nullableNumber })).max(12).describe('the last (up to 12) periods, oldest first, ending at period'),
  link: z.string().describe('deep link (a path of the dashboard) to the Indicator page at this area and period, with the signal highlighted'),
});

const releaseFiguresSchema = z.object({
  value: nullableNumber,
  severity: z.enum(SEVERITIES),
  comparison: z.enum(BENCHMARK_COMPARISONS).nullable(),
});

/** What is new since a release: an attention item of the current release with the change and both releases' figures. */
export const alertItemSchema = attentionItemSchema.extend({
  change: z.enum(STATUS_CHANGES).describe('new: needs attention now and did not; resolved: no longer needs it; changed: severity, signals or comparison differ'),
  newSignals: z.array(attentionSignalSchema),
  resolvedSignals: z.array(attentionSignalSchema),
  previous: releaseFiguresSchema.nullable().describe('the previous release, null when it had no status here'),
  current: releaseFiguresSchema.nullable().describe('the current release, null when it has no status here (a resolved item)'),
});

export type AttentionItem = z.infer<typeof attentionItemSchema>;
export type AlertItem = z.infer<typeof alertItemSchema>;

const releaseIdQuery = (what: string) => z.string().max(100).regex(RELEASE_ID_PATTERN, 'a release id: letters, digits, dot, dash and underscore').describe(what);

/**
 * Items in an attention answer without `limit`: the Attention view's first page. A region's list can
 * hold thousands; the first answer stays small (about 10 KB compressed) so it is as quick as the
 * other cached answers, and the view asks for more as the user reads on.
 */
export const ATTENTION_FIRST_PAGE = 50;

/** `GET /attention`: filters over the caller's scope; `area` gives one area's every indicator (the signals summary table). */
export const attentionQuerySchema = z.object({
  areaType: z.enum(AREA_TYPES).optional().describe('one area level; absent, every level the caller may see'),
  domain: z.enum(DOMAINS).optional(),
  severity: z.enum(SEVERITIES).optional().describe('only this severity; absent, every severity but ok (with area=, every severity)'),
  parent: z.string().max(20).optional().describe('only areas within this ICB or borough'),
  area: z.string().max(20).optional().describe("one area: every indicator's status there, ok included"),
  limit: z.coerce.number().int().min(1).max(5000).default(ATTENTION_FIRST_PAGE).describe('items at most, most urgent first; `total` says how many match'),
  format: formatQuery,
});

const severityCountsSchema = z.object(Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>);

/** The attention list: ranked by severity, then by people affected (the denominator), most first. */
export const attentionListSchema = z.object({
  meta: releaseMetaSchema,
  total: z.number().int().describe('items that match the filters, before limit'),
  counts: severityCountsSchema.describe('matching items by severity, before the severity filter and limit'),
  items: z.array(attentionItemSchema),
});

/** `GET /alerts` and `/alerts.atom`: what is new in the release (default current) since another release of the same kind. */
export const alertsQuerySchema = z.object({
  since: releaseIdQuery('the earlier release; default the previous release of the same kind').optional(),
  areaType: z.enum(AREA_TYPES).optional(),
  domain: z.enum(DOMAINS).optional(),
  severity: z.enum(SEVERITIES).optional().describe("only alerts whose current (or, when resolved, previous) severity is this"),
  parent: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500),
});

export const alertListSchema = z.object({
  meta: releaseMetaSchema,
  since: z.object({ releaseId: z.string(), dataAsAt: z.string() }).nullable().describe('the release compared with; null when there is no earlier release of the same kind (no alerts)'),
  total: z.number().int(),
  items: z.array(alertItemSchema),
});

export type AttentionQuery = z.output<typeof attentionQuerySchema>;
export type AttentionList = z.infer<typeof attentionListSchema>;
export type AlertsQuery = z.output<typeof alertsQuerySchema>;
export type AlertList = z.infer<typeof alertListSchema>;
