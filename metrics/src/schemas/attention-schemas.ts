import { z } from 'zod';
import { SEVERITIES } from '../attention/attention-rules.ts';
import { STATUS_CHANGES } from '../attention/compare-statuses.ts';
import { UNITS } from '../catalogue/indicator-spec.ts';
import { AREA_TYPES } from '../geography/london-geography.ts';
import { BENCHMARK_COMPARISONS } from '../stats/benchmark/compare-with-benchmark.ts';

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
  indicatorId: z.string(),
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
  link: z.string().describe('deep link to the Indicator page at this area and period, with the signal highlighted'),
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
