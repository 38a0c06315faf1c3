import { describe, expect, it } from 'vitest';
import { alertsBetween } from './alerts-between.ts';
import { alertDescription, alertHeadline } from './alert-text.ts';
import { makeStatusRow, makeStatusTable, signal } from './status-table.test-helper.ts';

const WORSE = signal('worse-998', 'act', 'Significantly worse than London (99.8% confidence)');
const TREND = signal('trend-worsening', 'watch', 'Getting worse over the last 5 periods');
const alertOf = (before: Parameters<typeof makeStatusRow>[0] | null, after: Parameters<typeof makeStatusRow>[0] | null) => {
  const [alert] = alertsBetween(makeStatusTable('r1', before ? [makeStatusRow(before)] : []), makeStatusTable('r2', after ? [makeStatusRow(after)] : []));
  if (!alert) throw new Error('no alert');
  return alert.item;
};

describe('alert texts', () => {
  it('says where, what and that it is new, with both values in the indicator’s unit', () => {
    const alert = alertOf({ areaCode: 'E09000012', value: 81.04 }, { areaCode: 'E09000012', value: 64.8, signals: [WORSE], summary: 'MMR1 in Hackney is significantly worse than London; 64.8% against London 82.0%.' });
    expect(alertHeadline(alert)).toBe('Hackney: MMR1 at 24 months needs attention (act)');
    expect(alertDescription(alert)).toBe(
      'MMR1 in Hackney is significantly worse than London; 64.8% against London 82.0%. New: Significantly worse than London (99.8% confidence). Value 81.0% in the previous release, 64.8% in this one.',
    );
  });

  it('says what a resolved alert was, and a change of severity', () => {
    const resolved = alertOf({ areaCode: 'E09000025', signals: [TREND], summary: 'It was getting worse.' }, { areaCode: 'E09000025', value: null });
    expect(alertHeadline(resolved)).toBe('Newham: MMR1 at 24 months no longer needs attention (was watch)');
    expect(alertDescription(resolved)).toBe('Previously: It was getting worse. No longer: Getting worse over the last 5 periods. Value 80.0% in the previous release, no value in this one.');
    const worse = alertOf({ areaCode: 'E09000025', signals: [TREND] }, { areaCode: 'E09000025', signals: [WORSE, TREND] });
    expect(alertHeadline(worse)).toBe('Newham: MMR1 at 24 months changed from watch to act');
  });
});
