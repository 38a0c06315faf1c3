import { describe, expect, it } from 'vitest';
import { INDICATORS } from '@pathfinder/metrics';
import type { StatusRow } from './status-scope.ts';
import { seriesStatus, type SeriesPoint } from './series-status.ts';
import { rankStatusRows } from './status-table.ts';

const mmr1 = INDICATORS.find((i) => i.id === 'imm-mmr1-24m')!;
const breast = INDICATORS.find((i) => i.id === 'can-screen-breast-53-70')!;
const hackney = { code: 'E09000012', name: 'Hackney', type: 'borough' as const };

/** Quarterly labels from 2021/22 Q1. */
const quarter = (i: number) => `${2021 + Math.floor(i / 4)}/${String((22 + Math.floor(i / 4)) % 100).padStart(2, '0')} Q${(i % 4) + 1}`;
/** A series of per-cent values over 1,000 people a period (numerator = value × 10). */
const series = (values: readonly (number | null)[], label = quarter): SeriesPoint[] =>
  values.map((v, i) => ({ period: label(i), numerator: v === null ? null : v * 10, denominator: 1000, suppressed: v === null, valueNote: null }));

// The spcStatus reference example (metrics/src/attention/spc-status.ts, after NHSRplotthedots): a 7-point fall recognised at its 7th point.
const FALLING = [82, 84, 81, 83, 82, 84, 81, 83, 82, 83.6, 83.2, 82.7, 82.1, 81.4, 80.6, 79.7];

describe('seriesStatus', () => {
  it('reads the chart, comparison, target and trend of the latest period into the status', () => {
    const s = seriesStatus({ indicator: mmr1, area: hackney, series: series(FALLING), benchmark: { label: 'London', series: series(FALLING.map(() => 90)) } })!;
    expect(s.inputs.period).toBe('2024/25 Q4');
    expect(s.inputs.value).toBeCloseTo(79.7, 10);
    expect(s.inputs.denominator).toBe(1000);
    expect(s.inputs.spc).toEqual({ variation: 'concern', rules: ['trend-decreasing'], periods: 7, newThisPeriod: true });
    // 797 of 1,000 against 90%: Wilson 99.8% upper limit ≈ 82.4%, far below.
    expect(s.inputs.benchmark).toEqual({ label: 'London', value: 90, comparison: 'much-worse' });
    expect(s.inputs.target).toBe(95);
    expect(s.inputs.targetRag).toBe('red');
    // Every limit of a chart centred near 82% lies under 95%.
    expect(s.inputs.assurance).toBe('fail');
    expect(s.status.severity).toBe('act');
    expect(s.item.signals[0]!.rule).toBe('spc-concern-and-worse');
    expect(s.item.link).toBe('/indicators/imm-mmr1-24m?period=2024%2F25%20Q4&areaType=borough&area=E09000012&signal=spc-concern-and-worse');
    expect(s.item.sparkline).toHaveLength(12);
    s.item.sparkline.forEach((p, i) => {
      expect(p.value).toBeCloseTo(FALLING[FALLING.length - 12 + i]!, 10);
    });
    expect(s.item.sparkline[0]!.period).toBe(quarter(4));
  });

  it('gives the status as it stood at an earlier period, from the series up to it', () => {
    const s = seriesStatus({ indicator: mmr1, area: hackney, series: series(FALLING), benchmark: null, end: 8 })!;
    expect(s.inputs.period).toBe(quarter(8));
    expect(s.inputs.value).toBeCloseTo(82, 10);
    expect(s.inputs.spc).toEqual({ variation: 'common-cause', rules: [], periods: 0, newThisPeriod: false });
    expect(s.inputs.benchmark).toBeNull();
    expect(s.item.sparkline).toHaveLength(9);
    expect(seriesStatus({ indicator: mmr1, area: hackney, series: series(FALLING), benchmark: null, end: FALLING.length })).toBeNull();
  });

  it('has no value, chart or comparison at a period whose count disclosure control hid', () => {
    const s = seriesStatus({ indicator: mmr1, area: hackney, series: series([...FALLING.slice(0, -1), null]), benchmark: { label: 'London', series: series(FALLING.map(() => 90)) } })!;
    expect(s.inputs.value).toBeNull();
    expect(s.inputs.denominator).toBeNull();
    expect(s.inputs.spc).toBeNull();
    expect(s.inputs.benchmark?.comparison).toBe('not-compared');
    expect(s.item.variation).toBeNull();
  });

  it('holds the stricter of two targets in force, and rates against both', () => {
    const year = (i: number) => `${2016 + i}/${String((17 + i) % 100).padStart(2, '0')}`;
    const values = [74, 75, 74, 76, 75, 74, 75, 76];
    const s = seriesStatus({ indicator: breast, area: hackney, series: series(values, year), benchmark: null })!;
    expect(breast.targets.map((t) => t.value)).toEqual([70, 80]);
    expect(s.inputs.target).toBe(80);
    expect(s.inputs.targetRag).toBe('amber');
  });
});

describe('rankStatusRows', () => {
  const row = (severity: 'act' | 'watch' | 'ok', denominator: number | null, areaCode: string, indicatorId: string) => ({ item: { severity, denominator, areaCode, indicatorId } }) as unknown as StatusRow;
  it('ranks by severity, then people affected (none last), then area code and indicator id', () => {
    const rows = [row('ok', 9000, 'A', 'x'), row('watch', null, 'A', 'x'), row('watch', 50, 'B', 'x'), row('act', 10, 'C', 'y'), row('watch', 50, 'A', 'y'), row('watch', 50, 'A', 'x')];
    expect(rankStatusRows(rows).map((r) => `${r.item.severity} ${r.item.denominator} ${r.item.areaCode} ${r.item.indicatorId}`)).toEqual([
      'act 10 C y',
      'watch 50 A x',
      'watch 50 A y',
      'watch 50 B x',
      'watch null A x',
      'ok 9000 A x',
    ]);
  });
});
