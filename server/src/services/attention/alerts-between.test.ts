import { describe, expect, it } from 'vitest';
import { alertsBetween } from './alerts-between.ts';
import { makeStatusRow, makeStatusTable, signal } from './status-table.test-helper.ts';

const WORSE = signal('worse-998', 'act', 'Significantly worse than London (99.8% confidence)');
const TREND = signal('trend-worsening', 'watch', 'Getting worse over the last 5 periods');
const HACKNEY = 'E09000012';
const NEWHAM = 'E09000025';

describe('alertsBetween', () => {
  it('reports an area × indicator that needs attention now and did not, with both releases’ figures', () => {
    const previous = makeStatusTable('r1', [makeStatusRow({ areaCode: HACKNEY, period: '2024/25 Q3', value: 81 })]);
    const current = makeStatusTable('r2', [makeStatusRow({ areaCode: HACKNEY, signals: [WORSE], value: 64.8, benchmark: { label: 'London', value: 82, comparison: 'much-worse' } })]);
    const [alert, ...rest] = alertsBetween(previous, current);
    expect(rest).toEqual([]);
    expect(alert?.item).toMatchObject({
      areaCode: HACKNEY,
      period: '2024/25 Q4',
      severity: 'act',
      change: 'new',
      newSignals: [WORSE],
      resolvedSignals: [],
      previous: { value: 81, severity: 'ok', comparison: 'similar' },
      current: { value: 64.8, severity: 'act', comparison: 'much-worse' },
    });
    expect(alert?.area.code).toBe(HACKNEY);
  });

  it('reports a resolved one from the previous release’s item, linked in that release', () => {
    const previous = makeStatusTable('r1', [makeStatusRow({ areaCode: HACKNEY, period: '2024/25 Q3', signals: [TREND], summary: 'was getting worse' })]);
    const current = makeStatusTable('r2', [makeStatusRow({ areaCode: HACKNEY })]);
    const [alert] = alertsBetween(previous, current);
    expect(alert?.item).toMatchObject({ change: 'resolved', severity: 'watch', period: '2024/25 Q3', summary: 'was getting worse', resolvedSignals: [TREND], current: { severity: 'ok' } });
    expect(alert?.item.link).toBe('/indicators/imm-mmr1-24m?period=2024%2F25%20Q3&areaType=borough&area=E09000012&signal=trend-worsening&release=r1');
  });

  it('reports a status gone from the current release as resolved, and one that is ok in both not at all', () => {
    const previous = makeStatusTable('r1', [makeStatusRow({ areaCode: HACKNEY, signals: [TREND] }), makeStatusRow({ areaCode: NEWHAM })]);
    const current = makeStatusTable('r2', []);
    expect(alertsBetween(previous, current).map((a) => [a.item.areaCode, a.item.change, a.item.current])).toEqual([[HACKNEY, 'resolved', null]]);
    expect(alertsBetween(makeStatusTable('r1', [makeStatusRow({ areaCode: NEWHAM })]), makeStatusTable('r2', [makeStatusRow({ areaCode: NEWHAM, value: 70 })]))).toEqual([]);
  });

  it('matches by area and indicator, not by period or position', () => {
    const previous = makeStatusTable('r1', [makeStatusRow({ areaCode: NEWHAM, signals: [TREND] }), makeStatusRow({ areaCode: HACKNEY, indicatorId: 'imm-mmr1-5y', period: '2024/25 Q3', signals: [TREND] })]);
    const current = makeStatusTable('r2', [makeStatusRow({ areaCode: HACKNEY, indicatorId: 'imm-mmr1-5y', signals: [TREND] }), makeStatusRow({ areaCode: NEWHAM, signals: [TREND, WORSE].reverse() })]);
    const alerts = alertsBetween(previous, current);
    expect(alerts.map((a) => [a.item.areaCode, a.item.indicatorId, a.item.change, a.item.newSignals.map((s) => s.rule)])).toEqual([[NEWHAM, 'imm-mmr1-24m', 'changed', ['worse-998']]]);
  });

  it('ranks by severity, then people affected, then area code', () => {
    const rows = (severity: 'act' | 'watch', code: string, denominator: number) => makeStatusRow({ areaCode: code, signals: [severity === 'act' ? WORSE : TREND], denominator, indicatorId: denominator > 2000 ? 'imm-mmr1-5y' : 'imm-mmr1-24m' });
    const current = makeStatusTable('r2', [rows('watch', HACKNEY, 5000), rows('act', NEWHAM, 100), rows('act', HACKNEY, 100), rows('act', 'E54000029', 3000)]);
    const order = alertsBetween(makeStatusTable('r1', []), current).map((a) => `${a.item.severity}:${a.item.areaCode}:${a.item.denominator}`);
    expect(order).toEqual(['act:E54000029:3000', 'act:E09000012:100', 'act:E09000025:100', 'watch:E09000012:5000']);
  });

  it('ranks a resolved alert by the severity it had', () => {
    const previous = makeStatusTable('r1', [makeStatusRow({ areaCode: HACKNEY, signals: [WORSE], denominator: 10 })]);
    const current = makeStatusTable('r2', [makeStatusRow({ areaCode: HACKNEY, denominator: 10 }), makeStatusRow({ areaCode: NEWHAM, signals: [TREND], denominator: 9000 })]);
    expect(alertsBetween(previous, current).map((a) => `${a.item.change}:${a.item.areaCode}`)).toEqual(['resolved:E09000012', 'new:E09000025']);
  });
});
