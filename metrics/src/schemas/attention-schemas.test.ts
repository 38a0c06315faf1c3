import { describe, expect, it } from 'vitest';
import { makeStatusInputs } from '../../test/make-status-inputs.ts';
import { attentionStatus } from '../attention/attention-status.ts';
import { compareStatuses } from '../attention/compare-statuses.ts';
import { alertItemSchema, attentionItemSchema } from './attention-schemas.ts';

const inputs = makeStatusInputs({ value: 64.8, benchmark: { label: 'London', value: 82, comparison: 'much-worse' } });
const status = attentionStatus(inputs);
const item = {
  areaCode: inputs.area.code,
  areaName: inputs.area.name,
  areaType: inputs.area.type,
  indicatorId: inputs.indicator.id,
  kind: 'indicator' as const,
  indicatorName: inputs.indicator.shortName,
  domain: 'immunisation' as const,
  period: inputs.period,
  severity: status.severity,
  signals: [...status.signals],
  summary: status.summary,
  value: inputs.value,
  unit: inputs.indicator.unit,
  denominator: inputs.denominator,
  benchmark: inputs.benchmark,
  variation: 'concern' as const,
  assurance: 'fail' as const,
  recentTrend: inputs.recentTrend,
  sparkline: [{ period: '2024/25 Q3', value: 66.1 }, { period: inputs.period, value: inputs.value }],
  link: '/indicators/imm-mmr1-24m?area=E09000012&period=2024%2F25+Q4&signal=worse-998',
};

describe('attention and alert item schemas', () => {
  it('accept an item built from a real status', () => {
    expect(attentionItemSchema.parse(item)).toEqual(item);
  });

  it('accept an alert built from a real comparison of two releases', () => {
    const change = compareStatuses(null, { ...status, value: inputs.value, comparison: 'much-worse' });
    expect(change).not.toBeNull();
    const alert = { ...item, ...change! };
    expect(alertItemSchema.parse(alert)).toEqual(alert);
  });

  it.each([
    { field: 'severity', patch: { severity: 'urgent' } },
    { field: 'areaType', patch: { areaType: 'ward' } },
    { field: 'signals', patch: { signals: [{ rule: 'worse-998', severity: 'act' }] } },
    { field: 'benchmark', patch: { benchmark: { label: 'London', value: 82, comparison: 'poor' } } },
  ])('reject a bad $field, naming it', ({ field, patch }) => {
    const result = attentionItemSchema.safeParse({ ...item, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it('reject an alert without its change', () => {
    const result = alertItemSchema.safeParse({ ...item, newSignals: [], resolvedSignals: [], previous: null, current: null });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['change']);
  });
});
